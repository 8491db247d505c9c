// End-to-end, the researcher in a hurry with the paper's data: every file
// dropped at once, Run clicked the moment it is enabled. Every population
// must be analysed, the progress bar must measure the work, the page must fit
// a phone and a laptop and pass axe-core, and the exported report must hold
// the methods, every input's fingerprint and every figure, offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifacts, cliReport, downloadOf, shared, tableRows, useSite } from './support.mjs';
import { overflowAt, seriousViolations } from './flow-checks.mjs';

const colorref = path.join(shared, 'paper-data/color-task/colorref.csv');
const llmDir = path.join(shared, 'paper-data/concept-task/llm-responses');
const llmFiles = readdirSync(llmDir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(llmDir, f));
const inputs = [colorref, ...llmFiles];

const shoal = useSite();

test('the paper\'s 49 files, Run clicked the instant it is enabled: every population, honest progress, layout, axe, report', async () => {
  assert.equal(llmFiles.length, 48);
  const { context, page, consoleErrors } = await shoal.open();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.setInputFiles('#file-input', inputs);
  // While files are read and checked, Run says why it waits.
  assert.equal(await page.isDisabled('#run-button'), true);
  assert.match(await page.textContent('#run-reason'), /waits until every file is read and checked/);
  await page.screenshot({ path: path.join(artifacts, 'flow-reading.png') });
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled, null, { timeout: 300000, polling: 'raf' });
  const started = Date.now();
  await page.click('#run-button');
  assert.match(await page.textContent('#file-summary'), /^49 files: 1 word–colour, 48 similarity, /);

  // Progress, sampled every 250 ms, with whether the results are shown yet.
  const samples = [];
  for (;;) {
    const s = await page.evaluate(() => ({
      value: document.querySelector('#progress').value,
      done: /^Done/.test(document.querySelector('#run-status').textContent)
        && !document.querySelector('#results').hidden,
      failed: !document.querySelector('#run-error').hidden,
    }));
    assert.equal(s.failed, false, await page.textContent('#run-error'));
    samples.push(s);
    if (s.done) break;
    assert.ok(Date.now() - started < 600000, 'the run did not finish in 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const values = samples.map((s) => s.value);
  const steps = values.slice(1).map((v, i) => v - values[i]);
  console.log(`paper-data run: ${((Date.now() - started) / 1000).toFixed(1)} s, ${samples.length} progress samples, ` +
    `largest step ${Math.max(...steps).toFixed(3)}`);
  assert.ok(steps.every((d) => d >= 0), 'the bar went back');
  assert.ok(Math.max(...steps) <= 0.25, `a step of ${Math.max(...steps)}`);
  assert.ok(new Set(values.map((v) => v.toFixed(2))).size >= 10, 'the bar did not rise steadily');
  for (const s of samples) assert.equal(s.value === 1, s.done, `value ${s.value} with results ${s.done ? '' : 'not '}shown`);
  assert.equal(values.at(-1), 1);

  // Every population of every file is in the tables, labelled as the CLI labels them.
  const expectedNames = cliReport(['concept', ...llmFiles, '--iterations', '2', '--burn-in', '0', '--subsets', '25', '--bootstrap', '0'])
    .populations.map((p) => p.label).sort();
  assert.equal(expectedNames.length, 48);
  const conceptRows = await tableRows(page, 'concept-populations');
  assert.deepEqual(conceptRows.map((r) => r.population).sort(), expectedNames);
  assert.deepEqual((await tableRows(page, 'color-populations')).map((r) => r.population), ['Humans']);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'results-heading');

  // Layout and accessibility with 49 populations' results.
  for (const [width, height] of [[1280, 800], [1920, 1080], [768, 1024], [360, 740], [390, 844]]) {
    assert.equal(await overflowAt(page, width, height), 0, `horizontal overflow at ${width} px`);
  }
  await page.screenshot({ path: path.join(artifacts, 'flow-paper-phone.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(await seriousViolations(page), []);

  // Which concepts: a search box narrows the 48 populations, Enter picks
  // the first found and leaves the keyboard on the list.
  await page.fill('input[name="which-population-search"]', 'zephyr');
  assert.match(await page.textContent('.which-concepts-picker [role="status"]'), /^6 of 48 populations match/);
  await page.press('input[name="which-population-search"]', 'Enter');
  assert.match(await page.$eval('select[name="which-population"]', (s) => s.selectedOptions[0].textContent), /^Zephyr-Mistral/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'which-population');
  await page.waitForFunction(() => /^Zephyr-Mistral/.test(document.querySelector('.which-concepts-cards h4')?.textContent ?? ''));

  // The exported report: methods, inputs and every figure, no script, offline.
  const figuresOnPage = await page.$$eval('#results figure[data-figure]', (f) => f.map((x) => x.dataset.figure));
  assert.ok(figuresOnPage.length >= 6, `${figuresOnPage.length} figures`);
  const exported = await downloadOf(page, 'button[data-download="report.html"]');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'shoal-report-')), exported.name);
  writeFileSync(file, exported.bytes);
  const { context: offline, page: reader, requests, consoleErrors: readerErrors } =
    await shoal.readOffline(file, { viewport: { width: 1000, height: 1200 } });
  const shown = await reader.evaluate(() => ({
    parameters: Object.fromEntries([...document.querySelectorAll('table.parameters tbody tr')]
      .map((tr) => [...tr.querySelectorAll('th, td')].map((td) => td.textContent)).map(([group, name, value]) => [`${group}: ${name}`, value])),
    inputs: Object.fromEntries([...document.querySelectorAll('table.inputs tbody tr')].map((tr) => [tr.dataset.input, tr.querySelector('code').textContent])),
    figures: [...document.querySelectorAll('figure[data-figure]')].map((f) => ({
      name: f.dataset.figure, caption: f.querySelector('figcaption')?.textContent ?? '', marks: f.querySelectorAll('svg path, svg line').length,
      emptyReason: f.dataset.empty === 'true' ? f.querySelector('.figure-note')?.textContent ?? '' : null,
    })),
    conceptRows: document.querySelectorAll('table[data-table="concept-populations"] tbody tr').length,
    models: document.querySelectorAll('.model table.fit').length,
    version: document.body.textContent.match(/Analysed with Shoal (\S+)/)?.[1],
    shareLink: document.querySelector('.share-link a')?.getAttribute('href') ?? '',
    scripts: document.querySelectorAll('script').length,
  }));
  assert.equal(shown.parameters['Randomness: Seed'], '1');
  assert.equal(shown.parameters['Conceptual similarity (Chinese restaurant process): Iterations'], '500');
  assert.equal(shown.parameters['Word–colour associations: Monte Carlo draws for the divergence'], '20000');
  for (const input of inputs) {
    assert.equal(shown.inputs[path.basename(input)], createHash('sha256').update(readFileSync(input)).digest('hex'), path.basename(input));
  }
  // Every figure of the page, the comparisons' first.
  assert.deepEqual(shown.figures.map((f) => f.name).sort(), [...figuresOnPage].sort());
  assert.match(shown.figures[0].name, /^comparison-/);
  // A figure with nothing to draw (no LLM colour data here: no divergence
  // from humans) says why instead of drawing.
  for (const f of shown.figures) {
    assert.ok(f.caption.length > 0 && (f.emptyReason === null ? f.marks > 0 : f.emptyReason.length > 0), `${f.name} in the report`);
  }
  assert.equal(shown.conceptRows, 48);
  assert.ok(shown.models > 0);
  assert.equal(shown.version, await page.textContent('#version'));
  assert.match(shown.shareLink, /#/);
  assert.equal(shown.scripts, 0);
  assert.deepEqual(requests, [pathToFileURL(file).href]);
  assert.deepEqual(readerErrors, []);
  await reader.screenshot({ path: path.join(artifacts, 'flow-report.png') });
  await reader.emulateMedia({ media: 'print' });
  await reader.screenshot({ path: path.join(artifacts, 'flow-report-print.png') });
  await offline.close();
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
