// The manuscript texts (results sentences, APA tables, methods paragraph,
// BibTeX) are the core's: the page copies exactly what the command line
// writes with --tables, with the clipboard or, where the clipboard is
// refused, from a selected text area; the HTML report shows them too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, downloadOf, native, site, useSite } from './support.mjs';

const shoal = useSite();
const examples = path.join(site, 'examples/color');
const files = ['color-humans.csv', 'toy-a-base-prompt=none-temp=default.csv', 'toy-a-chat-prompt=none-temp=default.csv',
  'toy-b-base-prompt=none-temp=default.csv', 'toy-b-chat-prompt=none-temp=default.csv'].map((f) => path.join(examples, f));
const SETTINGS = [['seed', '5'], ['bootstrap', '300']];

test('the page copies the manuscript texts the command line writes, byte for byte, and the HTML report shows them', async () => {
  const { context, page, consoleErrors } = await shoal.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  for (const [name, value] of SETTINGS) await page.fill(`input[name="${name}"]`, value);
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 300000 });
  const report = JSON.parse((await downloadOf(page, 'button[data-download="color-report.json"]')).bytes.toString());
  const m = report.manuscript;
  assert.ok(m.sentences.text.includes('Aligned models were'), m.sentences.text);

  // The command line with the same settings writes the same texts.
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-manuscript-'));
  execFileSync(native, ['color', ...files, ...SETTINGS.flatMap(([n, v]) => [`--${n}`, v]), '--out', path.join(dir, 'report.json'),
    '--tables', dir, '--quiet']);
  const read = (name) => readFileSync(path.join(dir, name), 'utf8');
  assert.deepEqual(JSON.parse(read('report.json')).manuscript, m);
  const written = { 'results.md': m.sentences.markdown, 'results.tex': m.sentences.latex, 'comparison-tables.md': m.tables.markdown,
    'comparison-tables.tex': m.tables.latex, 'methods.md': m.methods.markdown, 'methods.tex': m.methods.latex, 'references.bib': m.references };
  for (const [name, text] of Object.entries(written)) assert.equal(read(name), text, name);

  // Each button copies its text in its format.
  const panel = 'div[data-manuscript="color"]';
  await page.locator(panel).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'manuscript-panel.png'), fullPage: false });
  const copied = {
    'results-text': m.sentences.text, 'results-markdown': m.sentences.markdown, 'results-latex': m.sentences.latex,
    'tables-text': m.tables.text, 'tables-markdown': m.tables.markdown, 'tables-latex': m.tables.latex,
    'methods-text': m.methods.text, 'methods-markdown': m.methods.markdown, 'methods-latex': m.methods.latex, 'methods-bibtex': m.references,
  };
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  for (const [button, text] of Object.entries(copied)) {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.click(`${panel} button[data-copy="${button}"]`);
    // The copy is asynchronous: wait for it, a few seconds at most.
    for (let tries = 0; tries < 50 && (await clipboard()) === ''; tries++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await clipboard(), text, button);
  }
  assert.match(await page.textContent(`${panel} [data-manuscript-part="methods"] .copy-status`), /^Copied the BibTeX|^Copied BibTeX/);

  // No clipboard at all: the text is shown selected for a copy by hand.
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('refused')) } });
    document.execCommand = () => false;
  });
  await page.click(`${panel} button[data-copy="tables-latex"]`);
  const fallback = `${panel} [data-manuscript-part="tables"] textarea.copy-fallback`;
  await page.waitForSelector(fallback, { state: 'visible' });
  assert.equal(await page.inputValue(fallback), m.tables.latex);
  assert.equal(await page.evaluate((f) => {
    const area = document.querySelector(f);
    return area.value.slice(area.selectionStart, area.selectionEnd);
  }, fallback), m.tables.latex);
  assert.match(await page.textContent(`${panel} [data-manuscript-part="tables"] .copy-status`), /Ctrl\+C/);

  // The HTML report carries the sentences, the tables and the methods paragraph.
  const exported = await downloadOf(page, 'button[data-download="report.html"]');
  const file = path.join(dir, exported.name);
  writeFileSync(file, exported.bytes);
  const { context: offline, page: reader } = await shoal.readOffline(file);
  const shown = await reader.evaluate(() => ({
    sentences: [...document.querySelectorAll('[data-manuscript="color"] p.result-sentence')].map((p) => p.textContent),
    tables: document.querySelector('[data-manuscript="color"] pre.manuscript-tables')?.textContent,
    methods: [...document.querySelectorAll('.manuscript-methods[data-manuscript="color"] > p')].map((p) => p.textContent),
    bibtex: document.querySelector('.manuscript-methods[data-manuscript="color"] [data-format="bibtex"] pre')?.textContent,
  }));
  const paragraphs = (text) => text.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '');
  assert.deepEqual(shown.sentences, paragraphs(m.sentences.text));
  assert.equal(shown.tables, m.tables.text);
  assert.deepEqual(shown.methods, paragraphs(m.methods.text));
  assert.equal(shown.bibtex, m.references);
  await offline.close();
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
