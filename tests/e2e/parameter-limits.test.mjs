// The analysis parameter form holds the command line's limits and words:
// its number fields take their ranges from the module, and Run refuses a
// value the CLI refuses, with the CLI's message, before any analysis starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { artifacts, native, site, useSite } from './support.mjs';
import { loadShoal } from '../wasm/support.mjs';

const shoal = useSite();

// What `shoal TASK` prints for the settings `args` (it checks them before
// it reads any file).
function cliMessage(task, args) {
  const run = spawnSync(native, [task, ...args, '/nonexistent.csv'], { encoding: 'utf8' });
  assert.equal(run.status, 2, run.stderr);
  return run.stderr.replace(/^shoal: /, '').trimEnd();
}

test('the parameter form\'s number fields have the validator\'s ranges', async () => {
  const limits = JSON.parse((await loadShoal()).optionLimits());
  const { context, page, consoleErrors } = await shoal.open();
  const ranges = await page.$$eval('#parameters input[type="number"]',
    (inputs) => Object.fromEntries(inputs.map((i) => [i.name, [i.min, i.max, i.step]])));
  const expected = {};
  for (const name of ['jsdSamples', 'allPairsUpTo', 'sampledPairs', 'alpha', 'iterations', 'burnIn', 'maxIterations', 'chains', 'minPeople', 'seed', 'bootstrap']) {
    const limit = limits[name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)];
    expected[name] = [String(limit.min), String(limit.max), limit.whole ? '1' : 'any'];
  }
  assert.deepEqual(ranges, expected);
  // Written out once, so that a change of range is a visible change here.
  assert.deepEqual(ranges.alpha, ['0.000001', '1000000', 'any']);
  assert.deepEqual(ranges.seed, ['0', '9007199254740991', '1']);
  // The least people per concept starts at the core's default (the paper's
  // replication sets 1).
  assert.equal(await page.inputValue('#parameters [name="minPeople"]'), String(limits['min-people'].default));
  assert.equal(limits['min-people'].default, 10);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('Run refuses a value the command line refuses, in its words, before anything runs', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  await page.click('#example-button');
  await page.waitForSelector('#run-button:not([disabled])', { timeout: 60000 });
  // Any start of a run shows in the body's data-running.
  await page.evaluate(() => {
    window.runStarts = 0;
    new MutationObserver(() => { if (document.body.dataset.running === 'true') window.runStarts += 1; })
      .observe(document.body, { attributes: true, attributeFilter: ['data-running'] });
  });
  const cases = [
    ['iterations', '0', 'concept', ['--iterations', '0']],
    ['iterations', '2.5', 'concept', ['--iterations', '2.5']],
    ['burnIn', '500', 'concept', ['--iterations', '500', '--burn-in', '500']],
    ['chains', '0', 'concept', ['--chains', '0']],
    ['minPeople', '-1', 'concept', ['--min-people', '-1']],
    ['minPeople', '1.5', 'concept', ['--min-people', '1.5']],
    ['alpha', '0', 'concept', ['--alpha', '0']],
    ['alpha', '2e6', 'concept', ['--alpha', '2e6']],
    ['subsets', '25,', 'concept', ['--subsets', '25,']],
    ['jsdSamples', '99', 'color', ['--jsd-samples', '99']],
    ['seed', '-1', 'color', ['--seed', '-1']],
    ['bootstrap', '', 'color', ['--bootstrap', '']],
  ];
  for (const [field, value, task, args] of cases) {
    const input = `#parameters [name="${field}"]`;
    const before = await page.inputValue(input);
    await page.fill(input, value);
    await page.click('#run-button');
    await page.waitForSelector('#run-error:not([hidden])');
    assert.equal(await page.textContent('#run-error'), cliMessage(task, args), `${field} ${value}`);
    assert.equal(await page.getAttribute(input, 'aria-invalid'), 'true', `${field} ${value}`);
    assert.equal(await page.evaluate(() => document.activeElement.name), field);
    if (field === 'burnIn') await page.screenshot({ path: path.join(artifacts, 'parameter-refused.png') });
    // Correcting the value clears the mark, and the next Run's check the message.
    await page.fill(input, before);
    assert.equal(await page.getAttribute(input, 'aria-invalid'), null);
  }
  assert.equal(await page.evaluate(() => window.runStarts), 0);
  assert.equal(await page.isHidden('#results'), true);
  assert.equal(await page.textContent('#run-status'), '');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('typing in a parameter field keeps its focus, text and caret while a file card changes state', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  const field = '#parameters [name="subsets"]';
  const start = await page.inputValue(field);
  const where = () => page.$eval(field, (input) => ({
    focused: document.activeElement === input, value: input.value, caret: input.selectionStart,
  }));
  await page.click(field);
  await page.keyboard.press('End');
  await page.keyboard.type(',1');
  // A file arriving is listed, read and checked: each step redraws the page
  // while the reader goes on typing.
  const arriving = 'toy-a-chat-judgements.csv';
  await page.setInputFiles('#file-input', [path.join(site, 'examples/concept', arriving)]);
  await page.keyboard.type('2');
  await page.locator(`article[data-file="${arriving}"] .recognised[data-state="inspected"]`).waitFor();
  await page.keyboard.type('5');
  assert.deepEqual(await where(), { focused: true, value: `${start},125`, caret: start.length + 4 });
  // The caret stays where the reader put it, mid-text, through the next file's redraws.
  await page.keyboard.press('Home');
  const next = 'toy-b-chat-judgements.csv';
  await page.setInputFiles('#file-input', [path.join(site, 'examples/concept', next)]);
  await page.locator(`article[data-file="${next}"] .recognised[data-state="inspected"]`).waitFor();
  await page.keyboard.type('1');
  assert.deepEqual(await where(), { focused: true, value: `1${start},125`, caret: 1 });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
