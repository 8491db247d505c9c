// End-to-end: the analysis as code. For the paper's data and for each
// generated example (numeric answers included), the page's analysis file,
// run with `shoal run` beside its inputs, gives the page's report byte for
// byte, and the command line the page shows, run through /bin/sh with the
// native tool, gives it too. One run is at the page's defaults; one has file
// names no shell may see unquoted. An analysis file opened in the page asks
// for its inputs and checks them. A share link is the analysis file: its
// definition equals the downloaded file byte for byte, and the link opened
// in a fresh page gives the same report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import path from 'node:path';
import { artifacts, downloadOf, native, shared, useSite } from './support.mjs';

const examples = path.resolve(process.env.SHOAL_EXAMPLES ?? 'build/public/examples');
const exampleFiles = (dir) => readdirSync(path.join(examples, dir)).filter((f) => f.endsWith('.csv')).sort()
  .map((f) => path.join(examples, dir, f));
const paperConcept = ['gemma-instruct-prompt=none-temp=default.csv', 'openchat-prompt=random-temp=default.csv']
  .map((name) => path.join(shared, 'paper-data/concept-task/llm-responses', name));
const colorref = path.join(shared, 'paper-data/color-task/colorref.csv');

// Settings small enough for a test on shared cores; a maximum at the number
// of iterations makes the chains a fixed run.
const SMALL = { iterations: '6', burnIn: '2', maxIterations: '6', subsets: '25,50', bootstrap: '100' };

const shoal = useSite();

// A link's analysis files, as they are in its fragment.
const linkDefinitions = (link) => link.slice(link.indexOf('#') + 1).split('&').filter((p) => p.startsWith('a='))
  .map((p) => inflateRawSync(Buffer.from(p.slice(2), 'base64url')));

const sh = (command, cwd) => spawnSync('/bin/sh', ['-c', command], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
const quote = (word) => `'${word.replace(/'/g, `'\\''`)}'`;

// Loads `files` (path on disk, name in the page) into a fresh page, sets
// `fields`, and for each analysis of `analyses` checks the analysis file and
// the command line against the page's report.
async function checkAnalyses(label, files, fields, analyses) {
  const { page, consoleErrors } = await shoal.open();
  // The page reads names as the files are named on disk: the inputs are
  // placed under their names in a folder of their own (links, not copies).
  const inputs = mkdtempSync(path.join(tmpdir(), 'shoal-inputs-'));
  for (const f of files) symlinkSync(f.path, path.join(inputs, f.name));
  await page.setInputFiles('#file-input', files.map((f) => path.join(inputs, f.name)));
  await page.waitForFunction((n) => document.querySelectorAll('article[data-file] .recognised[data-state="inspected"]').length === n,
    files.length, { timeout: 120000 });
  for (const [name, value] of Object.entries(fields)) await page.fill(`input[name="${name}"]`, value);

  const shown = {};
  const definitions = {};
  for (const analysis of analyses) {
    definitions[analysis] = await downloadOf(page, `button[data-download-analysis="${analysis}"]`);
    assert.equal(definitions[analysis].name, `shoal-${analysis}-analysis.json`);
  }
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 600000 });
  await page.screenshot({ path: path.join(artifacts, `analysis-file-${label}.png`), fullPage: true });
  assert.deepEqual(consoleErrors, []);
  // The command as the page shows it for the files and settings just run
  // (the panel is drawn again with the page, once the files are checked).
  for (const analysis of analyses) shown[analysis] = (await page.textContent(`code[data-command="${analysis}"]`)).trim();

  for (const analysis of analyses) {
    const report = await downloadOf(page, `button[data-download="${analysis}-report.json"]`);
    const work = mkdtempSync(path.join(tmpdir(), 'shoal-rerun-'));
    for (const f of files) symlinkSync(f.path, path.join(work, f.name));
    writeFileSync(path.join(work, definitions[analysis].name), definitions[analysis].bytes);
    // The analysis file saved before the run is the one the report holds.
    assert.deepEqual(JSON.parse(report.bytes).analysis_file, JSON.parse(definitions[analysis].bytes), `${label} ${analysis}`);

    // shoal run of the analysis file, its inputs beside it.
    const rerun = spawnSync(native, ['run', definitions[analysis].name, '--out', 'rerun.json', '--quiet'], { cwd: work, encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.ok(readFileSync(path.join(work, 'rerun.json')).equals(report.bytes), `${label} ${analysis}: shoal run differs from the page`);

    // The command shown, through the shell, with the native tool for `shoal`.
    assert.match(shown[analysis], /^shoal /);
    const command = `${quote(native)} ${shown[analysis].slice('shoal '.length)} --quiet`;
    const ran = sh(command, work);
    assert.equal(ran.status, 0, `${command}\n${ran.stderr}`);
    const written = readFileSync(path.join(work, `shoal-${analysis}-report.json`));
    assert.ok(written.equals(report.bytes), `${label} ${analysis}: the command shown gives another report:\n${shown[analysis]}`);
    assert.equal(existsSync(path.join(work, 'pwned')), false, 'the shell ran part of a file name');
  }
  return { page, shown };
}

const named = (paths) => paths.map((p) => ({ path: p, name: path.basename(p) }));

test('colour examples at the page\'s defaults: analysis file and command line give the page\'s report', async () => {
  await checkAnalyses('color-defaults', named(exampleFiles('color')), {}, ['color']);
});

test('similarity examples: analysis file and command line give the page\'s report', async () => {
  const { shown } = await checkAnalyses('concept', named(exampleFiles('concept')), SMALL, ['concept']);
  // The page's four chains differ from the command line's one: written out.
  assert.match(shown.concept, / --chains 4 /);
  assert.match(shown.concept, / --iterations 6 /);
});

test('Likert examples: analysis file and command line give the page\'s report', async () => {
  await checkAnalyses('likert', named(exampleFiles('likert')), SMALL, ['concept']);
});

test('names no shell may see unquoted: spaces, quotes, $() and a leading dash', async () => {
  const hostile = ["-it's a $(touch pwned) file.csv", 'a "quoted" `id` name.csv'];
  const [first, second, ...rest] = exampleFiles('color');
  const files = [{ path: first, name: hostile[0] }, { path: second, name: hostile[1] }, ...named(rest)];
  const { shown } = await checkAnalyses('hostile-names', files, { bootstrap: '100' }, ['color']);
  assert.ok(shown.color.includes(`'./-it'\\''s a $(touch pwned) file.csv'`), shown.color);
});

test('the paper\'s data, both analyses: analysis files and command lines give the page\'s reports', async () => {
  await checkAnalyses('paper', named([colorref, ...paperConcept]), { ...SMALL, seed: '7' }, ['color', 'concept']);
});

test('an analysis file opened in the page sets its parameters and checks each input by SHA-256', async () => {
  const files = exampleFiles('concept');
  const work = mkdtempSync(path.join(tmpdir(), 'shoal-open-'));
  execFileSync(native, ['concept', ...files, '--chains', '2', '--seed', '5', '--iterations', '6', '--burn-in', '2',
    '--max-iterations', '6', '--subsets', '25,50', '--bootstrap', '100', '--out', path.join(work, 'cli-report.json'), '--quiet']);
  const cliReport = readFileSync(path.join(work, 'cli-report.json'));
  const { page } = await shoal.open();
  await page.setInputFiles('#file-input', path.join(work, 'cli-report.json'));
  await page.waitForSelector('#shared-panel:not([hidden]) #shared-intro:has-text("cli-report.json")');
  assert.equal(await page.inputValue('input[name="chains"]'), '2');
  assert.equal(await page.inputValue('input[name="seed"]'), '5');
  assert.equal(await page.inputValue('input[name="subsets"]'), '25,50');
  assert.equal(await page.locator('#shared-panel li.missing').count(), files.length);

  // Another file under an expected name is named with both hashes; Run waits.
  const impostor = path.join(work, path.basename(files[1]));
  copyFileSync(files[0], impostor);
  await page.setInputFiles('#file-input', [files[0], impostor, ...files.slice(2)]);
  await page.waitForSelector(`#shared-panel li.mismatch[data-expected="${path.basename(files[1])}"]`);
  const card = await page.textContent(`article[data-file="${path.basename(files[1])}"]`);
  const expected = JSON.parse(cliReport).analysis_file.inputs[1].sha256;
  assert.ok(card.includes(expected), card);
  assert.ok(card.includes('the analysis file cli-report.json'), card);
  assert.equal(await page.isDisabled('#run-button'), true);

  // The right file replaces it; the run gives the CLI's report, byte for byte.
  await page.click(`article[data-file="${path.basename(files[1])}"] button.remove`);
  await page.setInputFiles('#file-input', files[1]);
  await page.waitForFunction((n) => document.querySelectorAll('#shared-panel li.matched').length === n, files.length, { timeout: 60000 });
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 300000 });
  const report = await downloadOf(page, 'button[data-download="concept-report.json"]');
  assert.ok(report.bytes.equals(cliReport), 'the page\'s run of the opened report differs from the CLI\'s');
});

// The numeric-answers section: the same checks on its own controls.
async function checkValues(label, files, { scale = 'pooled-sd', unit = '' } = {}) {
  const { page, consoleErrors } = await shoal.open();
  await page.selectOption('select[name="values-scale"]', scale);
  await page.fill('input[name="values-unit"]', unit);
  await page.locator('input[name="values-unit"]').blur();   // its change is taken now, before the files come
  await page.setInputFiles('input[name="values-files"]', files);
  await page.waitForSelector('#values-results button[data-download="values-report.json"]', { timeout: 120000 });
  const shown = (await page.textContent('code[data-command="values"]')).trim();
  const definition = await downloadOf(page, 'button[data-download-analysis="values"]');
  assert.equal(definition.name, 'shoal-values-analysis.json');
  const report = await downloadOf(page, '#values-results button[data-download="values-report.json"]');
  await page.screenshot({ path: path.join(artifacts, `analysis-file-${label}.png`), fullPage: true });
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(JSON.parse(report.bytes).analysis_file, JSON.parse(definition.bytes), label);

  const work = mkdtempSync(path.join(tmpdir(), 'shoal-rerun-'));
  for (const f of files) symlinkSync(f, path.join(work, path.basename(f)));
  writeFileSync(path.join(work, definition.name), definition.bytes);
  const rerun = spawnSync(native, ['run', definition.name, '--out', 'rerun.json', '--quiet'], { cwd: work, encoding: 'utf8' });
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.ok(readFileSync(path.join(work, 'rerun.json')).equals(report.bytes), `${label}: shoal run differs from the page`);
  assert.match(shown, /^shoal values /);
  const ran = sh(`${quote(native)} ${shown.slice('shoal '.length)} --quiet`, work);
  assert.equal(ran.status, 0, `${shown}\n${ran.stderr}`);
  assert.ok(readFileSync(path.join(work, 'shoal-values-report.json')).equals(report.bytes), `${label}: the command shown gives another report:\n${shown}`);
  return { page, shown, definition, report };
}

test('numeric-answer examples at the section\'s defaults: analysis file and command line give the page\'s report; so does its link', async () => {
  const { page, shown, definition, report } = await checkValues('values-defaults', exampleFiles('values'));
  assert.doesNotMatch(shown, /--scale|--unit/);
  // The section's link carrying the data: its definition is the analysis
  // file, and a fresh page restores the data and gives the same report.
  await page.click('button[data-share-values="embed"]');
  await page.waitForFunction(() => document.querySelector('#values-share-link').value.includes('&f='));
  const link = await page.inputValue('#values-share-link');
  const definitions = linkDefinitions(link);
  assert.equal(definitions.length, 1);
  assert.ok(definitions[0].equals(definition.bytes), 'the link\'s definition differs from the analysis file');
  const reader = await shoal.open({ url: link });
  await reader.page.click('#values-restore');
  await reader.page.waitForSelector('#values-results button[data-download="values-report.json"]', { timeout: 120000 });
  assert.equal(await reader.page.locator('#values-expected li.matched').count(), exampleFiles('values').length);
  const again = await downloadOf(reader.page, '#values-results button[data-download="values-report.json"]');
  assert.ok(again.bytes.equals(report.bytes), 'the link\'s page gives another report');
  await reader.page.screenshot({ path: path.join(artifacts, 'analysis-file-values-link.png'), fullPage: true });
  assert.deepEqual(reader.consoleErrors, []);
  assert.deepEqual(reader.foreignRequests(), []);
  await reader.context.close();
});

test('numeric-answer examples in raw numbers with a unit: analysis file and command line give the page\'s report', async () => {
  const { shown } = await checkValues('values-raw', exampleFiles('values'), { scale: 'raw', unit: "people's count" });
  assert.ok(shown.includes(`--scale raw --unit 'people'\\''s count'`), shown);
});

test('a numeric-answers report opened in the page sets its settings and checks each input by SHA-256', async () => {
  const files = exampleFiles('values');
  const work = mkdtempSync(path.join(tmpdir(), 'shoal-open-values-'));
  execFileSync(native, ['values', ...files, '--scale', 'raw', '--unit', 'people', '--seed', '3', '--bootstrap', '100',
    '--out', path.join(work, 'cli-values.json'), '--quiet']);
  const cliReport = readFileSync(path.join(work, 'cli-values.json'));
  const { page, consoleErrors } = await shoal.open();
  // Opened with the other files, it goes to the Numeric answers section.
  await page.setInputFiles('#file-input', path.join(work, 'cli-values.json'));
  await page.waitForSelector('#values-expected li.missing');
  assert.equal(await page.locator('#values-expected li.missing').count(), files.length);
  assert.equal(await page.inputValue('select[name="values-scale"]'), 'raw');
  assert.equal(await page.inputValue('input[name="values-unit"]'), 'people');

  // Another file under an expected name is named with both hashes; nothing runs.
  const impostor = path.join(work, path.basename(files[0]));
  writeFileSync(impostor, readFileSync(files[0]).toString().replace(/\n[^\n]*\n?$/, '\n'));
  await page.setInputFiles('input[name="values-files"]', [impostor, ...files.slice(1)]);
  await page.waitForSelector(`#values-expected li.mismatch[data-expected="${path.basename(files[0])}"]`);
  const expected = JSON.parse(cliReport).analysis_file.inputs[0].sha256;
  assert.ok((await page.textContent('#values-expected')).includes(expected));
  assert.equal(await page.$('#values-results button[data-download="values-report.json"]'), null);

  await page.setInputFiles('input[name="values-files"]', files);
  await page.waitForSelector('#values-results button[data-download="values-report.json"]', { timeout: 120000 });
  assert.equal(await page.locator('#values-expected li.matched').count(), files.length);
  const shown = (await page.textContent('code[data-command="values"]')).trim();
  assert.match(shown, / --scale raw --unit people --seed 3 --bootstrap 100 /);
  const report = await downloadOf(page, '#values-results button[data-download="values-report.json"]');
  assert.ok(report.bytes.equals(cliReport), 'the page\'s run of the opened report differs from the CLI\'s');
  await page.screenshot({ path: path.join(artifacts, 'analysis-file-values-opened.png'), fullPage: true });
  assert.deepEqual(consoleErrors, []);
});


for (const [example, analysis, fields] of [['color', 'color', { bootstrap: '100' }], ['concept', 'concept', SMALL], ['likert', 'concept', SMALL]]) {
  test(`${example} examples: the share link is the downloaded analysis file, and opened in a fresh page gives the same report`, async () => {
    const files = exampleFiles(example);
    const first = await shoal.open();
    await first.page.setInputFiles('#file-input', files);
    await first.page.waitForFunction((n) => document.querySelectorAll('article[data-file] .recognised[data-state="inspected"]').length === n,
      files.length, { timeout: 120000 });
    for (const [name, value] of Object.entries(fields)) await first.page.fill(`input[name="${name}"]`, value);
    const definition = await downloadOf(first.page, `button[data-download-analysis="${analysis}"]`);
    for (const mode of ['reference', 'embed']) {
      await first.page.check(`input[name="share-mode"][value="${mode}"]`);
      await first.page.click('#share-button');
      await first.page.waitForSelector('#share-link-label:not([hidden])');
      await first.page.waitForFunction((m) => document.querySelector('#share-link').value.includes(m === 'embed' ? '&f=' : '#a='), mode);
    }
    const link = await first.page.inputValue('#share-link');
    const definitions = linkDefinitions(link);
    assert.equal(definitions.length, 1);
    assert.ok(definitions[0].equals(definition.bytes), `${example}: the link's definition differs from the analysis file`);
    await first.page.click('#run-button');
    await first.page.waitForSelector('#run-status:has-text("Done")', { timeout: 600000 });
    const report = await downloadOf(first.page, `button[data-download="${analysis}-report.json"]`);
    assert.deepEqual(first.consoleErrors, []);
    await first.context.close();

    const reader = await shoal.open({ url: link });
    await reader.page.click('#restore-shared');
    await reader.page.waitForFunction((n) => document.querySelectorAll('#shared-panel li.matched').length === n, files.length, { timeout: 120000 });
    await reader.page.waitForSelector('#run-button:not([disabled])');
    await reader.page.click('#run-button');
    await reader.page.waitForSelector('#run-status:has-text("Done")', { timeout: 600000 });
    const again = await downloadOf(reader.page, `button[data-download="${analysis}-report.json"]`);
    assert.ok(again.bytes.equals(report.bytes), `${example}: the link's page gives another report`);
    // The opened page's own analysis file is the link's, byte for byte.
    const reopened = await downloadOf(reader.page, `button[data-download-analysis="${analysis}"]`);
    assert.ok(reopened.bytes.equals(definition.bytes));
    assert.deepEqual(reader.consoleErrors, []);
    assert.deepEqual(reader.foreignRequests(), []);
    await reader.context.close();
  });
}
