// Share links, the page's privacy promises and hostile input, end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { artifacts, cliReport, downloadOf, site, tableRows, untilKeptOffline, useServer, useSite } from './support.mjs';

const small = path.resolve('tests/data/llm-colors-small.csv');
const dataDir = mkdtempSync(path.join(tmpdir(), 'shoal-public-'));
copyFileSync(small, path.join(dataDir, 'llm-colors-small.csv'));
const shoal = useSite();
// Another origin, standing in for a public data host.
const data = useServer(dataDir, '127.0.0.1', ['--cors']);

async function analyseAndShare(page, mode, urls = {}) {
  await page.setInputFiles('#file-input', [small]);
  await page.waitForSelector('article[data-file="llm-colors-small.csv"] .recognised:has-text("word–colour")');
  await page.selectOption('select[name="pairs"]', 'paper');
  await page.fill('input[name="seed"]', '5');
  await page.fill('input[name="jsdSamples"]', '3000');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")');
  await page.check(`input[name="share-mode"][value="${mode}"]`);
  for (const [name, url] of Object.entries(urls)) await page.fill(`.share-urls label:has-text("${name}") input`, url);
  await page.click('#share-button');
  await page.waitForSelector('#share-status:has-text("characters")');
  return page.inputValue('#share-link');
}

const expected = () => cliReport(['color', small, '--pairs', 'paper', '--seed', '5', '--jsd-samples', '3000']);

test('a link by reference restores the analysis; a different file under the name is refused before anything runs', async () => {
  const first = await shoal.open();
  const link = await analyseAndShare(first.page, 'reference');
  assert.ok(link.startsWith(`${shoal.origin}/#a=`));
  assert.ok(link.length < 2000, `${link.length} characters`);
  await first.context.close();

  const reviewer = await shoal.open({ url: link });
  const { page } = reviewer;
  await page.waitForSelector('#shared-panel li[data-expected="llm-colors-small.csv"].missing');
  assert.equal(await page.inputValue('input[name="seed"]'), '5');
  assert.equal(await page.inputValue('select[name="pairs"]'), 'paper');
  assert.equal(await page.inputValue('input[name="jsdSamples"]'), '3000');

  const impostor = path.join(mkdtempSync(path.join(tmpdir(), 'shoal-impostor-')), 'llm-colors-small.csv');
  writeFileSync(impostor, 'subject_num,word,hex1,hex2\n0,sky,#000000,#000000\n1,sky,#ffffff,#ffffff\n');
  await page.setInputFiles('#file-input', [impostor]);
  const message = await page.textContent('article[data-file="llm-colors-small.csv"] .mismatch');
  // A link by reference is the analysis file: names and SHA-256, no sizes.
  assert.match(message, /not the file the shared analysis used: expected SHA-256 [0-9a-f]{64}, got \d[\d,]* bytes with SHA-256 [0-9a-f]{64}/);
  assert.equal(await page.isDisabled('#run-button'), true);
  await page.screenshot({ path: path.join(artifacts, 'share-mismatch.png'), fullPage: true });

  await page.click('article[data-file="llm-colors-small.csv"] button.remove');
  await page.setInputFiles('#file-input', [small]);
  await page.waitForSelector('#shared-panel li[data-expected="llm-colors-small.csv"].matched');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")');
  const report = await downloadOf(page, 'button[data-download="color-report.json"]');
  assert.deepEqual(JSON.parse(report.bytes.toString()), expected());
  assert.deepEqual(reviewer.consoleErrors, []);
  assert.deepEqual(reviewer.foreignRequests(), []);
  await reviewer.context.close();
});

test('a link with the data embedded needs no files', async () => {
  const first = await shoal.open();
  const link = await analyseAndShare(first.page, 'embed');
  await first.context.close();
  const reviewer = await shoal.open({ url: link });
  await reviewer.page.click('#restore-shared');
  await reviewer.page.waitForSelector('#shared-panel li[data-expected="llm-colors-small.csv"].matched');
  await reviewer.page.click('#run-button');
  await reviewer.page.waitForSelector('#run-status:has-text("Done")');
  const report = await downloadOf(reviewer.page, 'button[data-download="color-report.json"]');
  assert.deepEqual(JSON.parse(report.bytes.toString()), expected());
  assert.deepEqual(reviewer.foreignRequests(), []);
  await reviewer.context.close();
});

test('files at public addresses are fetched only after the reviewer agrees', async () => {
  const url = `${data.origin}/llm-colors-small.csv`;
  const first = await shoal.open();
  const link = await analyseAndShare(first.page, 'urls', { 'llm-colors-small.csv': url });
  await first.context.close();

  const reviewer = await shoal.open({ url: link });
  const { page } = reviewer;
  await page.waitForSelector('#fetch-shared');
  assert.match(await page.textContent('#fetch-shared'), new RegExp(`from ${data.origin}`));
  assert.deepEqual(reviewer.foreignRequests(), [], 'nothing may be fetched before the reviewer agrees');
  await Promise.all([page.waitForEvent('load'), page.click('#fetch-shared')]);
  await page.waitForSelector('#shared-panel li[data-expected="llm-colors-small.csv"].matched', { timeout: 30000 });
  assert.deepEqual(reviewer.foreignRequests(), [url]);
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")');
  const report = await downloadOf(page, 'button[data-download="color-report.json"]');
  assert.deepEqual(JSON.parse(report.bytes.toString()), expected());
  await reviewer.context.close();
});

// Every named control of the parameter form, each moved off its default:
// a link of both analyses (a colour file and a similarity file) must carry
// them all, in its analysis files, and the page it opens must set them.
test('every field of the parameter form round-trips through a share link', async () => {
  const first = await shoal.open();
  const { page } = first;
  const concept = path.join(site, 'examples/concept', readdirSync(path.join(site, 'examples/concept')).filter((f) => f.endsWith('.csv'))[0]);
  await page.setInputFiles('#file-input', [small, concept]);
  await page.waitForSelector('article[data-file="llm-colors-small.csv"] .recognised:has-text("word–colour")');
  await page.waitForFunction(() => document.querySelectorAll('article[data-file] .recognised[data-state="inspected"]').length === 2);
  const fields = await page.$$eval('#parameters [name]', (controls) => controls.map((c) => ({
    name: c.name, tag: c.tagName, type: c.type, value: c.value, max: c.max,
    options: c.tagName === 'SELECT' ? [...c.options].map((o) => o.value) : [],
  })));
  assert.ok(fields.length >= 13, fields.map((f) => f.name).join(','));
  const chosen = {};
  for (const field of fields) {
    let value;
    if (field.tag === 'SELECT') value = field.options.find((o) => o !== field.value);
    else if (field.type === 'number') value = String(Number(field.value) + (Number(field.value) + 1 <= Number(field.max) ? 1 : -1));
    // The pairs to pool are a rule or names: the other rule.
    else if (field.name === 'pair') value = field.value === 'none' ? 'families' : 'none';
    else value = field.value.split(',').reverse().join(',');
    assert.notEqual(value, field.value, `no other value for ${field.name}`);
    if (field.tag === 'SELECT') await page.selectOption(`select[name="${field.name}"]`, value);
    else await page.fill(`[name="${field.name}"]`, value);
    chosen[field.name] = value;
  }
  await page.click('#share-button');
  await page.waitForSelector('#share-status:has-text("characters")');
  const link = await page.inputValue('#share-link');
  const definitions = link.slice(link.indexOf('#') + 1).split('&').filter((p) => p.startsWith('a='))
    .map((p) => JSON.parse(inflateRawSync(Buffer.from(p.slice(2), 'base64url')).toString()));
  assert.deepEqual(definitions.map((d) => d.analysis), ['color', 'concept']);
  for (const [field, value] of Object.entries(chosen)) {
    const setting = field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const stating = definitions.filter((d) => d.settings[setting] !== undefined);
    assert.ok(stating.length > 0, `no analysis file states ${setting}`);
    for (const d of stating) assert.equal(d.settings[setting], value, `${d.analysis}: ${setting}`);
  }
  await first.context.close();

  const reviewer = await shoal.open({ url: link });
  await reviewer.page.waitForSelector('#shared-panel:not([hidden])');
  const restored = await reviewer.page.$$eval('#parameters [name]', (controls) => Object.fromEntries(controls.map((c) => [c.name, c.value])));
  assert.deepEqual(restored, chosen);
  assert.equal(await reviewer.page.isHidden('#run-error'), true);
  assert.deepEqual(reviewer.consoleErrors, []);
  await reviewer.context.close();
});

test('the page\'s policy blocks connections to other origins', async () => {
  const { page, context } = await shoal.open();
  const outcome = await page.evaluate(async (target) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const fetched = await fetch(target).then(() => 'fetched', () => 'blocked');
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { fetched, violations };
  }, `${data.origin}/llm-colors-small.csv`);
  assert.equal(outcome.fetched, 'blocked');
  assert.ok(outcome.violations.includes('connect-src'), JSON.stringify(outcome.violations));
  await context.close();
});

test('after one visit the app works offline', async () => {
  const context = await shoal.context();
  const first = await shoal.open({ context });
  await untilKeptOffline(first.page, shoal.home);
  await context.setOffline(true);
  const offline = await shoal.open({ context });
  await offline.page.click('#example-button');
  await offline.page.waitForSelector('article[data-file="toy-b-base-judgements.csv"] .recognised:has-text("similarity")');
  await offline.page.click('#run-button');
  await offline.page.waitForSelector('#run-status:has-text("Done")', { timeout: 60000 });
  assert.equal((await tableRows(offline.page, 'color-populations')).length, 5);
  assert.equal((await tableRows(offline.page, 'concept-populations')).length, 5);
  await offline.page.screenshot({ path: path.join(artifacts, 'offline.png') });
  await context.close();
});

test('words, labels and file names from the data are shown as text, never run as HTML', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-xss-'));
  const name = '<img src=x onerror=window.__xss=3>.csv';
  const payloadModel = '<img src=x onerror="window.__xss=1">';
  const payloadWord = '<script>window.__xss=2</script>';
  const rows = ['model_name,temperature,prompt,subject_num,word,hex1,hex2'];
  for (let i = 0; i < 4; i++) {
    rows.push(`"${payloadModel.replace(/"/g, '""')}",default,none,${i},"${payloadWord}",#${(i * 50).toString(16).padStart(2, '0')}3366,#22${(i * 60).toString(16).padStart(2, '0')}aa`);
  }
  writeFileSync(path.join(dir, name), rows.join('\n') + '\n');
  const { page, context, consoleErrors } = await shoal.open();
  await page.setInputFiles('#file-input', [path.join(dir, name)]);
  await page.waitForSelector('.file-card .recognised:has-text("word–colour")');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")');
  const state = await page.evaluate(() => ({
    xss: window.__xss,
    injectedImages: document.querySelectorAll('img[src="x"]').length,
    injectedScripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__xss')).length,
    text: document.body.textContent,
  }));
  assert.equal(state.xss, undefined);
  assert.equal(state.injectedImages, 0);
  assert.equal(state.injectedScripts, 0);
  assert.ok(state.text.includes(payloadModel), 'the model name is shown as text');
  assert.ok(state.text.includes(name), 'the file name is shown as text');
  const rowsShown = await tableRows(page, 'color-populations');
  assert.ok(rowsShown[0].population.startsWith(payloadModel));
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
