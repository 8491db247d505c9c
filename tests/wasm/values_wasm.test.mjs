// Numeric answers: the wasm module's report equals the CLI's, bit for bit,
// and bad input comes back as a value naming file, row and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertSameReport, filesFor, loadShoal, native, nativeReport, settingsText } from './support.mjs';

// Settings not given take the registry's defaults, as on the command line.
const request = (settings) => settingsText(settings);

function exampleFiles() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shoal-values-'));
  execFileSync(path.join(path.dirname(native), 'make_examples'), [dir, '11']);
  return readdirSync(path.join(dir, 'values')).sort().map((f) => path.join(dir, 'values', f));
}

test('wasm and native agree on the numeric examples, scaled and raw', async () => {
  const shoal = await loadShoal();
  const files = exampleFiles();
  const scaled = shoal.analyseValues(filesFor(files), request({ seed: 5 }));
  assert.equal(scaled.ok, true, scaled.error.message);
  const report = JSON.parse(scaled.report);
  assert.equal(report.analysis, 'values');
  assert.equal(report.populations.length, 5);
  assertSameReport(scaled.report, nativeReport('values', files, ['--seed', '5']));
  const raw = shoal.analyseValues(filesFor(files), request({ scale: 'raw', unit: 'answer units', pairs: 'paper', bootstrap: 100 }));
  assert.equal(raw.ok, true, raw.error.message);
  assertSameReport(raw.report, nativeReport('values', files, ['--scale', 'raw', '--unit', 'answer units', '--pairs', 'paper', '--bootstrap', '100']));
});

test('a value that is not a number is an error value naming the cell', async () => {
  const shoal = await loadShoal();
  const bytes = new TextEncoder().encode('population,individual,item,block,value\np,1,q,1,many\n');
  const outcome = shoal.analyseValues([{ name: 'bad.csv', bytes }], request({}));
  assert.equal(outcome.ok, false);
  assert.deepEqual([outcome.error.file, outcome.error.row, outcome.error.column], ['bad.csv', 2, 'value']);
  assert.match(outcome.error.message, /expected a number/);
  assert.equal(shoal.analyseValues([], request({ scale: 'log' })).error.message, "scale must be pooled-sd or raw, got 'log'");
});
