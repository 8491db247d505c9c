// A dropped file that changes on disk after it was dropped: the browser
// refuses to read it again, so that nothing is analysed but the bytes
// dropped, and the page says which file and why, on its card if it was not
// yet read, or as the run's error when a run reads it again (the first run
// after the drop is given the bytes the page kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadOf, site, useSite } from './support.mjs';

const shoal = useSite();
const WORDS = 'it could not be read; if it was changed, moved or deleted since it was added, add it again \\(the browser said: \\S.*\\)';

// Copies of the named example files in a new folder, by name.
function copies(names) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-unreadable-'));
  return Object.fromEntries(names.map((name) => {
    const file = path.join(dir, path.basename(name));
    copyFileSync(path.join(site, 'examples', name), file);
    return [path.basename(name), file];
  }));
}

test('a dropped file changed on disk before it was read is not analysed, as it could not be read, and the others are', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  const files = copies(['color/color-humans.csv', 'concept/concept-humans.csv']);
  // The workers read a dropped file once their module has loaded: hold the
  // module back until the file has changed.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.setInputFiles('#file-input', Object.values(files));
  await page.waitForSelector('article[data-file="concept-humans.csv"]');
  appendFileSync(files['concept-humans.csv'], 'appended,after,the,drop\n');
  release();
  const card = page.locator('article[data-file="concept-humans.csv"] p.error');
  await card.waitFor({ timeout: 60000 });
  assert.match(await card.textContent(), new RegExp(`^Not analysed: ${WORDS}$`));
  await page.waitForSelector('article[data-file="color-humans.csv"] .recognised', { timeout: 60000 });
  assert.equal(await page.locator('article[data-file="color-humans.csv"] p.error').count(), 0);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

for (const [task, changed] of [['similarity', 'toy-a-base-judgements.csv'], ['colour', 'toy-a-base-prompt=none-temp=default.csv']]) {
  test(`a ${task} file changed on disk after it was inspected stops a run that reads it again, which names it and says why`, async () => {
    const { context, page, consoleErrors } = await shoal.open();
    const files = copies(['concept/concept-humans.csv', 'concept/toy-a-base-judgements.csv', 'concept/toy-a-chat-judgements.csv',
      'color/color-humans.csv', 'color/toy-a-base-prompt=none-temp=default.csv']);
    await page.setInputFiles('#file-input', Object.values(files));
    await page.waitForFunction(() => !document.querySelector('#run-button').disabled
      && document.querySelectorAll('article.file-card').length === 5 && !document.body.textContent.includes('reading…'), null, { timeout: 60000 });
    assert.equal(await page.locator('article.file-card p.error').count(), 0);
    appendFileSync(files[changed], 'appended,after,the,inspection\n');
    // The first run is given the bytes the page kept from the drop, and its
    // first worker keeps their parse: cancelled, it takes both with it, and
    // the next run must read the files again.
    await page.fill('input[name="iterations"]', '100000');
    await page.click('#run-button');
    await page.waitForFunction(() => Number(document.querySelector('#progress')?.value) > 0, null, { timeout: 60000 });
    await page.click('#cancel-button');
    await page.waitForSelector('#run-status:has-text("Cancelled")');
    for (const [name, value] of [['iterations', '6'], ['burnIn', '2'], ['subsets', '10'], ['chains', '1'], ['bootstrap', '100']]) {
      await page.fill(`input[name="${name}"]`, value);
    }
    await page.click('#run-button');
    const error = page.locator('#run-error');
    await error.waitFor({ timeout: 120000 });
    assert.match(await error.textContent(), new RegExp(`${changed.replaceAll('.', '\\.')}: ${WORDS}`));
    assert.doesNotMatch(await page.textContent('#run-status'), /^Done/);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
}

test('the first run after a drop analyses the bytes read at the drop, which the page kept, even of a file changed since', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  const files = copies(['concept/concept-humans.csv', 'concept/toy-a-base-judgements.csv', 'concept/toy-a-chat-judgements.csv']);
  const dropped = statSync(files['toy-a-base-judgements.csv']).size;
  await page.setInputFiles('#file-input', Object.values(files));
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled
    && document.querySelectorAll('article.file-card').length === 3 && !document.body.textContent.includes('reading…'), null, { timeout: 60000 });
  appendFileSync(files['toy-a-base-judgements.csv'], 'appended,after,the,inspection\n');
  for (const [name, value] of [['iterations', '6'], ['burnIn', '2'], ['subsets', '10'], ['chains', '1'], ['bootstrap', '100']]) {
    await page.fill(`input[name="${name}"]`, value);
  }
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  const report = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());
  const input = report.inputs.find((i) => i.name === 'toy-a-base-judgements.csv');
  assert.equal(input?.bytes, dropped);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
