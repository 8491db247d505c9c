// The wasm module must load in Node and give the same colour report as the
// native CLI for the same inputs and options. Run with:
//   SHOAL_NATIVE=build/native/shoal SHOAL_WASM=build/wasm/shoal.mjs SHOAL_SHARED=../shared node --test tests/wasm
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertSameReport, filesFor, loadShoal, nativeReport as cli, settingsText, shared } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const nativeReport = (files, args) => cli('color', files, args);

// Settings not given take the registry's defaults, as on the command line.
const request = (settings) => settingsText(settings);

test('wasm and native agree on a small LLM colour file with invalid replies', async () => {
  const shoal = await loadShoal();
  const small = path.join(here, '..', 'data', 'llm-colors-small.csv');
  const outcome = shoal.analyseColor(filesFor([small]), request({ pairs: 'paper', seed: 7, 'jsd-samples': 5000 }), null);
  assert.equal(outcome.ok, true, outcome.error.message);
  const report = JSON.parse(outcome.report);
  assert.equal(report.populations.length, 2);
  assert.equal(report.populations[0].responses.invalid, 2);
  assertSameReport(outcome.report, nativeReport([small], ['--pairs', 'paper', '--seed', '7', '--jsd-samples', '5000']));
});

test('wasm and native agree on the human colorref data and an LLM file, with divergences', async () => {
  const shoal = await loadShoal();
  const files = [path.join(shared, 'paper-data/color-task/colorref.csv'), path.join(here, '..', 'data', 'llm-colors-small.csv')];
  const progress = [];
  const outcome = shoal.analyseColor(filesFor(files), request({ seed: 3, 'jsd-samples': 2000 }), (f) => progress.push(f));
  assert.equal(outcome.ok, true, outcome.error.message);
  assert.ok(progress.length >= 199 && progress.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= progress[i - 1])));
  assert.ok(progress.at(-1) > 0.99);
  const report = JSON.parse(outcome.report);
  assert.equal(report.parameters.reference, 'human');
  assert.ok(Math.abs(report.populations[0].dist_from_diagonal.mean - 15.929388310158615) < 1e-9);
  assert.ok(report.populations[1].words.some((w) => w.jsd_to_reference !== null));
  assertSameReport(outcome.report, nativeReport(files, ['--seed', '3', '--jsd-samples', '2000']));
});

test('wasm and native agree bit for bit on the paper\'s divergence estimator', async () => {
  const shoal = await loadShoal();
  const files = [path.join(shared, 'paper-data/color-task/colorref.csv'), path.join(here, '..', 'data', 'llm-colors-small.csv')];
  const outcome = shoal.analyseColor(filesFor(files), request({ seed: 5, jsd: 'paper', 'jsd-samples': 1000, bootstrap: 0 }), null);
  assert.equal(outcome.ok, true, outcome.error.message);
  const report = JSON.parse(outcome.report);
  assert.equal(report.parameters.jsd, 'paper');
  const estimates = report.populations[1].words.map((w) => w.jsd_to_reference).filter((j) => j !== null);
  assert.ok(estimates.length > 0);
  for (const j of estimates) {
    assert.equal(j.estimator, 'paper');
    assert.equal(j.mc_error, null);
    assert.ok(j.value >= 0 && j.value <= Math.sqrt(Math.log(2)) + 1e-12);
  }
  assertSameReport(outcome.report, nativeReport(files, ['--seed', '5', '--jsd', 'paper', '--jsd-samples', '1000', '--bootstrap', '0']));
  const bad = shoal.analyseColor(filesFor(files), request({ jsd: 'nats' }), null);
  assert.equal(bad.ok, false);
  assert.match(bad.error.message, /nats/);
});

test('wasm reports bad input as a value naming file, row and column', async () => {
  const shoal = await loadShoal();
  const bad = 'participantID,word,response_r,response_g,response_b,condition\n1,sky,1,x,3,block1_target_trial\n';
  const outcome = shoal.analyseColor([{ name: 'bad.csv', bytes: new TextEncoder().encode(bad) }], request({}), null);
  assert.equal(outcome.ok, false);
  assert.equal(outcome.error.file, 'bad.csv');
  assert.equal(outcome.error.row, 2);
  assert.equal(outcome.error.column, 'response_g');
  assert.match(outcome.error.message, /integer from 0 to 255/);
  // The module stays usable after an error.
  assert.equal(shoal.analyseColor(filesFor([path.join(here, '..', 'data', 'llm-colors-small.csv')]), request({}), null).ok, true);
});

test('wasm and native agree on the word-rating fits: the page sends the ratings as a file set to the word-norms format', async () => {
  const shoal = await loadShoal();
  const colours = path.join(shared, 'paper-data/color-task/colorref.csv');
  const norms = path.join(shared, 'paper-data/color-task/word-norms.csv');
  const files = [...filesFor([colours]), { ...filesFor([norms])[0], settings: { format: 'word-norms' } }];
  const outcome = shoal.analyseColor(files, request({ seed: 3, 'jsd-samples': 1000, bootstrap: 0 }), null);
  assert.equal(outcome.ok, true, outcome.error.message);
  const fits = JSON.parse(outcome.report).populations[0].word_rating_fits;
  assert.ok(fits.some((f) => f.scale === 'concreteness' && f.n >= 3 && f.r !== null));
  assertSameReport(outcome.report, nativeReport([colours], ['--seed', '3', '--jsd-samples', '1000', '--bootstrap', '0', '--word-norms', norms]));
});

test('wasm and native agree bit for bit on pairs in vector lanes, in blocks of rows and sampled', async () => {
  const shoal = await loadShoal();
  // "sea": 1300 individuals, every pair, in blocks of rows; "sky": 1300
  // individuals beyond --all-pairs-up-to 1250 in the second file, sampled.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shoal-pairs-'));
  try {
    let rows = 'population,individual,word,block,r,g,b\n';
    for (let i = 1; i <= 1300; ++i) {
      for (const word of ['sea', 'sky']) {
        const [r, g, b] = [(i * 37) % 256, (i * 101) % 256, (i * 53) % 256];
        rows += `big,p${i},${word},1,${r},${g},${b}\nbig,p${i},${word},2,${r},${(g + (i % 5) * 11) % 256},${b}\n`;
      }
    }
    const file = path.join(dir, 'big.csv');
    writeFileSync(file, rows);
    for (const [settings, args] of [
      [{ bootstrap: 0, 'jsd-samples': 100 }, ['--bootstrap', '0', '--jsd-samples', '100']],
      [{ bootstrap: 0, 'jsd-samples': 100, 'all-pairs-up-to': 1250, 'sampled-pairs': 100000, 'delta-e': 'ciede2000' },
        ['--bootstrap', '0', '--jsd-samples', '100', '--all-pairs-up-to', '1250', '--sampled-pairs', '100000', '--delta-e', 'ciede2000']],
    ]) {
      const outcome = shoal.analyseColor(filesFor([file]), request(settings), null);
      assert.equal(outcome.ok, true, outcome.error?.message);
      const words = JSON.parse(outcome.report).populations[0].words;
      assert.equal(words[0].population_delta_e.n, 1300 * 1299);
      assert.equal(words[0].sampled_pairs === null, settings['sampled-pairs'] === undefined);
      assertSameReport(outcome.report, nativeReport([file], args));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('wasm hands a report of several MB over in pieces that never split a character, and the answer records beside it', async () => {
  const shoal = await loadShoal();
  // Words of 2-, 3- and 4-byte characters, so that the pieces' ends (every
  // MiB) fall inside characters.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shoal-pieces-'));
  try {
    let rows = 'population,individual,word,block,r,g,b\n';
    const words = 2400;
    for (let w = 0; w < words; ++w) {
      const word = `w${w}-${'東'.repeat(93)}${'é🎨'.repeat(25)}`;
      for (let i = 0; i < 3; ++i) {
        rows += `gpt,p${i},${word},1,${(w * 7 + i) % 256},${(w * 3) % 256},${i * 40}\ngpt,p${i},${word},2,${(w * 5) % 256},${i * 9},${(w + i) % 256}\n`;
      }
    }
    const file = path.join(dir, 'pieces.csv');
    writeFileSync(file, rows);
    const expected = nativeReport([file], ['--bootstrap', '0', '--jsd-samples', '100']);
    // The data are chosen so that the first piece, cut blindly at 1 MiB,
    // would end inside a character.
    const bytes = Buffer.from(expected);
    assert.ok(bytes.length > 2 << 20);
    assert.equal(bytes[1 << 20] & 0xc0, 0x80);
    const outcome = shoal.analyseColor(filesFor([file]), request({ bootstrap: 0, 'jsd-samples': 100 }), null);
    assert.equal(outcome.ok, true, outcome.error?.message);
    assertSameReport(outcome.report, expected);
    // Every answer is valid: 12 bytes each, population 0, block 1 or 2.
    assert.equal(outcome.data.length, words * 3 * 2 * 12);
    for (let k = 0; k < outcome.data.length; k += 12) {
      assert.equal(outcome.data[k] | outcome.data[k + 1] | outcome.data[k + 2] | outcome.data[k + 3], 0);
      assert.ok(outcome.data[k + 8] === 1 || outcome.data[k + 8] === 2);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
