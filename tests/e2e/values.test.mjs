// End-to-end: the two examples beyond the paper's tasks, each one click away
// in the page. The Likert questionnaire (generic categorical format, five
// options) runs through the page's concept analysis; the numeric estimates
// through their own section, whose figures carry the unit as axis title and
// no colour bars. Both reports, downloaded from the page, equal the CLI's.
//   SHOAL_SITE=build/site SHOAL_NATIVE=build/native/shoal SHOAL_SHARED=../shared node --test tests/e2e/values.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { artifacts, cliReport, downloadOf, site, tableRows, useSite } from './support.mjs';

const shoal = useSite();

test('numeric example: one click, the CLI report, the unit on the axes', async () => {
  const { page, consoleErrors, foreignRequests } = await shoal.open();
  await page.click('#values-example-button');
  await page.waitForSelector('[data-figure="values-scatter"] svg', { timeout: 60000 });
  await page.locator('#numeric-answers').screenshot({ path: path.join(artifacts, 'values-example.png') });

  const index = JSON.parse(readFileSync(path.join(site, 'examples', 'index.json'), 'utf8'));
  const files = index.values.map((f) => path.join(site, 'examples', f));
  const expected = cliReport(['values', ...files]);
  const downloaded = await downloadOf(page, '[data-download="values-report.json"]');
  assert.deepEqual(JSON.parse(downloaded.bytes.toString()), expected);

  const axisTitles = await page.$$eval('[data-figure="values-scatter"] svg text', (texts) => texts.map((t) => t.textContent));
  assert.ok(axisTitles.includes('internal distance (pooled SD)'), axisTitles.join('|'));
  assert.equal(await page.locator('#numeric-answers .colour-bars').count(), 0);
  const rows = await tableRows(page, 'values-populations');
  assert.deepEqual(rows.map((r) => r.population), expected.populations.map((p) => p.label));

  // Raw numbers with a unit: the axis says it, and the report is the CLI's.
  await page.selectOption('select[name="values-scale"]', 'raw');
  await page.fill('input[name="values-unit"]', 'answer units');
  await page.press('input[name="values-unit"]', 'Enter');
  await page.waitForSelector('#values-results p:has-text("unit: answer units")');
  const raw = await downloadOf(page, '[data-download="values-report.json"]');
  assert.deepEqual(JSON.parse(raw.bytes.toString()), cliReport(['values', ...files, '--scale', 'raw', '--unit', 'answer units']));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests(), []);
});

test('Likert example: one click, read as the generic format, the CLI report', async () => {
  const { page, consoleErrors, foreignRequests } = await shoal.open();
  await page.click('button[data-example="likert"]');
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  const index = JSON.parse(readFileSync(path.join(site, 'examples', 'index.json'), 'utf8'));
  const files = index.likert.map((f) => path.join(site, 'examples', f));
  for (const file of files) {
    await page.waitForSelector(`article[data-file="${path.basename(file)}"] .recognised:has-text("conceptual similarity")`);
  }
  await page.fill('input[name="chains"]', '2');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 180000 });
  await page.screenshot({ path: path.join(artifacts, 'likert-results.png'), fullPage: true });
  const expected = cliReport(['concept', ...files, '--chains', '2']);
  assert.deepEqual(expected.inputs.map((i) => i.format), ['generic', 'generic', 'generic', 'generic', 'generic']);
  const downloaded = await downloadOf(page, 'button[data-download="concept-report.json"]');
  assert.deepEqual(JSON.parse(downloaded.bytes.toString()), expected);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests(), []);
});
