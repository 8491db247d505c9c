// End-to-end: the page's "Collect data" round trip. The request file the page
// downloads is the CLI's; results of a model that always names the first
// choice (one failed, one unanswered) are read back, counted, added to the
// response files and analysed, with the CLI's numbers.
//   SHOAL_SITE=build/site SHOAL_NATIVE=build/native/shoal SHOAL_SHARED=../shared node --test tests/e2e/kit-collect.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, cliReport, downloadOf, native, tableRows, useSite } from './support.mjs';

const shoal = useSite();

test('collect data: requests downloaded, replies read back, counted and analysed as the CLI does', async () => {
  const app = await shoal.open();
  const { context, page, consoleErrors } = app;
  const work = mkdtempSync(path.join(tmpdir(), 'shoal-kit-e2e-'));

  assert.equal(await page.isVisible('#kit-make-button'), false);   // folded until asked for
  await page.click('#collect-data summary');
  await page.selectOption('select[name="kit-task"]', 'concept');
  assert.equal(await page.isVisible('input[name="kit-words"]'), false);
  await page.fill('input[name="kit-model"]', 'toy');
  await page.selectOption('select[name="kit-condition"]', 'identity');
  await page.fill('input[name="kit-individuals"]', '30');
  await page.screenshot({ path: path.join(artifacts, 'kit-requests.png'), fullPage: true });
  const requests = await downloadOf(page, '#kit-make-button');
  assert.equal(requests.name, 'requests-concept-identity-toy.jsonl');
  await page.waitForSelector('#kit-make-status:has-text("2,160 requests for 30 individuals")');
  const expected = execFileSync(native, ['prompts', 'concept', '--model', 'toy', '--condition', 'identity',
    '--individuals', '30', '--quiet']).toString();
  assert.equal(requests.bytes.toString(), expected);

  const lines = requests.bytes.toString().trim().split('\n').map((l) => JSON.parse(l));
  const results = lines.map((request, i) => {
    const content = request.body.messages.at(-1).content;
    assert.match(content, /^You are an? .+ works as an? .+\. Question: Which is more similar to a an? /);
    if (i === 0) return { custom_id: request.custom_id, response: { status_code: 429, body: { error: { message: 'slow down' } } } };
    const reply = i === 100 ? 'I cannot choose.' : /Respond only with "([^"]+)"/.exec(content)[1];
    return { custom_id: request.custom_id, response: { status_code: 200, body: { choices: [{ message: { role: 'assistant', content: reply } }] } }, error: null };
  });
  const requestsPath = path.join(work, requests.name);
  const resultsPath = path.join(work, 'batch-output.jsonl');
  writeFileSync(requestsPath, requests.bytes);
  writeFileSync(resultsPath, results.map((r) => JSON.stringify(r)).join('\n'));

  await page.setInputFiles('input[name="kit-results"]', resultsPath);
  await page.setInputFiles('input[name="kit-requests"]', requestsPath);
  await page.click('#kit-read-button');
  await page.waitForSelector('table[data-table="kit-reply-counts"]');
  const counts = Object.fromEntries((await tableRows(page, 'kit-reply-counts')).map((r) => [r.What, r.Count]));
  assert.equal(counts.Requests, '2,160');
  assert.equal(counts['Rows written'], '1,080');
  assert.equal(counts['Failed (an error or a status other than 200)'], '1');
  assert.equal(counts['No answer in the reply (counted invalid by the analysis)'], '1');
  assert.equal(counts['Missing (no result for the request)'], '0');
  const csv = await downloadOf(page, '#kit-csv-download');
  assert.equal(csv.name, 'replies-concept-identity-toy.csv');
  const cliCsv = execFileSync(native, ['replies', requestsPath, resultsPath, '--quiet']).toString();
  assert.equal(csv.bytes.toString(), cliCsv);

  // Straight to analysis: the replies are a response file of the page.
  await page.waitForSelector('article[data-file="replies-concept-identity-toy.csv"] .recognised:has-text("conceptual similarity")');
  await page.fill('input[name="iterations"]', '60');
  await page.fill('input[name="burnIn"]', '10');
  await page.fill('input[name="bootstrap"]', '100');
  // A toy population of a few individuals: every concept counts.
  await page.fill('input[name="minPeople"]', '1');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  await page.screenshot({ path: path.join(artifacts, 'kit-analysed.png'), fullPage: true });
  const csvPath = path.join(work, csv.name);
  writeFileSync(csvPath, csv.bytes);
  const report = cliReport(['concept', csvPath, '--iterations', '60', '--burn-in', '10', '--bootstrap', '100', '--min-people', '1']);
  const population = report.populations[0];
  assert.equal(population.name, 'toy prompt=identity temp=default');
  assert.equal(population.concepts.reduce((n, c) => n + c.invalid_replies, 0), 2);
  const rows = await tableRows(page, 'concept-populations');
  assert.equal(rows.length, 1);
  assert.equal(rows[0].population, population.label);
  assert.equal(rows[0]['mean P(multiple concepts)'], population.mean_p_multiple_concepts.toFixed(4));
  assert.equal(rows[0]['mean P(multiple concepts)'], '0.0000');

  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(app.foreignRequests(), []);
  await context.close();
});

test('collect data: a bad persona file is named with its row and column; the page stays usable', async () => {
  const app = await shoal.open();
  const { context, page } = app;
  const work = mkdtempSync(path.join(tmpdir(), 'shoal-kit-e2e-'));
  const personas = path.join(work, 'people.csv');
  writeFileSync(personas, 'random,nonsense,identity\nsome text,text some,You are a.\nmore text,,You are b.\n');
  await page.click('#collect-data summary');
  await page.fill('input[name="kit-model"]', 'toy');
  await page.selectOption('select[name="kit-condition"]', 'nonsense');
  await page.setInputFiles('input[name="kit-personas"]', personas);
  await page.click('#kit-make-button');
  await page.waitForSelector('#kit-error:not([hidden])');
  const message = await page.textContent('#kit-error');
  assert.match(message, /people\.csv/);
  assert.match(message, /row 3/);
  assert.match(message, /nonsense/);
  await page.selectOption('select[name="kit-condition"]', 'identity');
  const requests = await downloadOf(page, '#kit-make-button');
  assert.equal(requests.bytes.toString().trim().split('\n').length, 2 * 199 * 2);
  assert.equal(await page.isHidden('#kit-error'), true);
  await context.close();
});

test('collect data: the number fields take the validator\'s ranges, and a value outside them is pointed out first', async () => {
  const app = await shoal.open();
  const { context, page, consoleErrors } = app;
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.click('#collect-data summary');
  await page.waitForFunction(() => document.querySelector('input[name="kit-seed"]').max !== '');
  const ranges = await page.$$eval('#kit-requests input[type="number"]',
    (inputs) => Object.fromEntries(inputs.map((i) => [i.name, [i.min, i.max, i.step]])));
  assert.deepEqual(ranges, {
    'kit-individuals': ['0', '1000000', '1'],
    'kit-temperature': ['0', '100', 'any'],
    'kit-seed': ['0', '4294967295', '1'],
  });
  await page.fill('input[name="kit-model"]', 'toy');
  const outside = [['kit-individuals', '1000001', 'rangeOverflow'], ['kit-individuals', '2.5', 'stepMismatch'],
    ['kit-temperature', '100.5', 'rangeOverflow'], ['kit-seed', '4294967296', 'rangeOverflow'], ['kit-seed', '-1', 'rangeUnderflow']];
  for (const [name, value, flag] of outside) {
    await page.fill(`input[name="${name}"]`, value);
    await page.click('#kit-make-button');
    await page.waitForSelector('#kit-make-button:not([disabled])');
    assert.equal(await page.$eval(`input[name="${name}"]`, (input, f) => input.validity[f], flag), true, `${name} ${value}`);
    assert.equal(await page.textContent('#kit-make-status'), '');
    if (name === 'kit-temperature') await page.screenshot({ path: path.join(artifacts, 'kit-limits.png'), fullPage: true });
    await page.fill(`input[name="${name}"]`, name === 'kit-seed' ? '42' : '');
  }
  assert.equal(downloads, 0);

  // At the limits, the requests are the CLI's.
  await page.fill('input[name="kit-individuals"]', '1');
  await page.fill('input[name="kit-temperature"]', '100');
  await page.fill('input[name="kit-seed"]', '4294967295');
  const requests = await downloadOf(page, '#kit-make-button');
  const expected = execFileSync(native, ['prompts', 'color', '--model', 'toy', '--individuals', '1', '--temperature', '100',
    '--seed', '4294967295', '--quiet']).toString();
  assert.equal(requests.bytes.toString(), expected);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
