// End-to-end, the page as a newcomer meets it: the empty page and the
// generated example on a phone and a laptop (layout, axe-core, dark mode),
// the formats with their templates, files that cannot be analysed, files
// added during a run, and the guard on long share links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, cliReport, downloadOf, shared, tableRows, useSite } from './support.mjs';
import { overflowAt, overlappingLabels, seriousViolations } from './flow-checks.mjs';

const colorref = path.join(shared, 'paper-data/color-task/colorref.csv');
const shoal = useSite();

const sizes = [[390, 844], [1280, 800]];
const moreWidths = [360, 768, 1920];

test('empty page and example results: no horizontal scroll, no serious axe-core violations, focus on the results, dark mode', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  assert.equal(await page.isDisabled('#run-button'), true);
  assert.equal(await page.textContent('#run-reason'), 'Add files to begin.');
  for (const [width, height] of sizes) assert.equal(await overflowAt(page, width, height), 0, `empty page at ${width} px`);
  for (const width of moreWidths) assert.equal(await overflowAt(page, width, 900), 0, `empty page at ${width} px`);
  assert.deepEqual(await seriousViolations(page), []);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(artifacts, 'flow-phone-empty.png'), fullPage: true });

  await page.click('#example-button');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'results-heading');
  assert.equal((await tableRows(page, 'color-populations')).length, 5);
  assert.equal((await tableRows(page, 'concept-populations')).length, 5);
  // The contents list links to every results heading.
  const contents = await page.$$eval('#results-contents a', (links) => links.map((a) => document.querySelector(a.getAttribute('href'))?.textContent));
  assert.ok(contents.length >= 3 && contents.every((t) => t), JSON.stringify(contents));
  assert.deepEqual(await overlappingLabels(page), [], 'labels overlap in figures drawn at 1400 px');
  const figures = await page.$$eval('#results figure[data-figure]', (f) => f.length);
  assert.equal(await page.$$eval('#results-contents li.figure-entry a', (a) => a.length), figures);
  for (const [width, height] of sizes) {
    assert.equal(await overflowAt(page, width, height), 0, `example results at ${width} px`);
    assert.deepEqual(await seriousViolations(page), [], `at ${width} px`);
  }
  for (const width of moreWidths) assert.equal(await overflowAt(page, width, 900), 0, `example results at ${width} px`);
  // The run bar stays on screen wherever the reader scrolls.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const y of [0, 2000, 6000]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    const box = await page.evaluate(() => document.querySelector('#run-button').getBoundingClientRect().toJSON());
    assert.ok(box.top >= 0 && box.bottom <= 844, `Run is off screen at scroll ${y}: ${JSON.stringify(box)}`);
  }
  await page.evaluate(() => document.querySelector('#results-heading').scrollIntoView());
  await page.screenshot({ path: path.join(artifacts, 'flow-phone.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await seriousViolations(page), [], 'dark mode');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(dark, 'rgb(255, 255, 255)');
  await page.screenshot({ path: path.join(artifacts, 'flow-dark-phone.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifacts, 'flow-dark.png') });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

// Figures are laid out for the column they are drawn in: on a phone the
// panels are narrow, and labels must make room rather than run together.
test('the example analysed on a 360 px phone: no two labels of a figure overlap', async () => {
  const { context, page, consoleErrors } = await shoal.open({ viewport: { width: 360, height: 800 } });
  await page.click('#example-button');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  assert.deepEqual(await overlappingLabels(page), []);
  assert.equal(await overflowAt(page, 360, 800), 0);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('every format has a template that the CLI and the page analyse; one example per task', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  const formats = await page.$$eval('#formats-list [data-format]', (list) => list.map((f) => f.dataset.format));
  assert.deepEqual(formats, ['human-long', 'llm-wide', 'plain-long', 'analysis', 'raw-llm', 'generic']);
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-templates-'));
  const templates = [];
  for (const format of formats) {
    const download = await downloadOf(page, `button[data-download="template-${format}.csv"]`);
    const file = path.join(dir, download.name);
    writeFileSync(file, download.bytes);
    templates.push(file);
    const task = ['analysis', 'raw-llm', 'generic'].includes(format) ? 'concept' : 'color';
    const report = cliReport([task, file, '--format', format, ...(task === 'concept' ? ['--iterations', '20', '--burn-in', '5', '--subsets', '2'] : [])]);
    assert.equal(report.inputs[0].format, format, `${format}: ${JSON.stringify(report.inputs)}`);
    assert.ok(report.populations.length >= 1, format);
  }
  await page.setInputFiles('#file-input', templates);
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  assert.match(await page.textContent('#file-summary'), /^6 files: 3 word–colour, 3 similarity, /);
  for (const file of templates) {
    const format = path.basename(file).replace(/^template-|\.csv$/g, '');
    assert.match(await page.textContent(`article[data-file="${path.basename(file)}"] .recognised`), new RegExp(`format: ${format}`));
  }
  for (const file of templates) await page.click(`article[data-file="${path.basename(file)}"] button.remove`);

  for (const [task, folder] of [['color', 'color/'], ['concept', 'concept/']]) {
    await page.click(`button[data-example="${task}"]`);
    await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
    const listed = await page.$$eval('#file-list article', (a) => a.map((x) => x.dataset.file));
    assert.ok(listed.length >= 2, `${task}: ${listed}`);
    const tasks = await page.$$eval('#file-list .recognised', (r) => r.map((x) => x.textContent));
    assert.ok(tasks.every((t) => t.includes(task === 'color' ? 'word–colour' : 'conceptual similarity')), `${folder}: ${tasks}`);
    for (const name of listed) await page.click(`article[data-file="${name}"] button.remove`);
  }
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('files that cannot be analysed are named; files added during a run wait for the next run', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-flow-'));
  const notes = path.join(dir, 'notes.csv');
  writeFileSync(notes, 'name,comment\nalpha,first\nbeta,second\n');
  const late = path.join(dir, 'late-prompt=none-temp=default.csv');
  writeFileSync(late, 'population,individual,word,block,colour\n' +
    ['late', 'late'].flatMap((_, person) => ['sky', 'grass'].flatMap((word) => [1, 2].map((block) =>
      `late,${person},${word},${block},#${(40 + 60 * person + 10 * block).toString(16)}${word === 'sky' ? '40c0' : 'c040'}`))).join('\n') + '\n');
  await page.click('button[data-example="color"]');
  await page.setInputFiles('#file-input', [notes]);
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  assert.match(await page.textContent('#file-exclusions'), /^1 file will not be analysed: notes\.csv \(/);
  assert.match(await page.textContent('#run-reason'), /Ready to analyse 5 files \(1 left out/);
  await page.click('#run-button');
  await page.setInputFiles('#file-input', [late]);
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  const analysed = (await tableRows(page, 'color-populations')).map((r) => r.population);
  assert.equal(analysed.length, 5);
  assert.ok(!analysed.includes('late'), analysed.join(', '));
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  assert.match(await page.textContent('#run-reason'), /Ready to analyse 6 files/);
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  assert.ok((await tableRows(page, 'color-populations')).some((r) => r.population === 'late'));
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('an embedded-data share link over 100,000 characters warns and offers the link with fingerprints', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setInputFiles('#file-input', [colorref]);
  await page.waitForFunction(() => !document.querySelector('#share-button').disabled);
  await page.check('input[name="share-mode"][value="embed"]');
  await page.click('#share-button');
  await page.waitForSelector('#share-warning:not([hidden])', { timeout: 60000 });
  const long = (await page.inputValue('#share-link')).length;
  assert.ok(long > 100000, `${long} characters`);
  assert.match(await page.textContent('#share-warning'), /many chat and mail programs cut links longer than 100,000 characters/);
  await page.click('#share-by-reference');
  await page.waitForFunction((before) => document.querySelector('#share-link').value.length < before, long);
  assert.equal(await page.isChecked('input[name="share-mode"][value="reference"]'), true);
  assert.equal(await page.isHidden('#share-warning'), true);
  assert.ok((await page.inputValue('#share-link')).length < 2000);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
