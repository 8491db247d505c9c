// Links that carry the data: too much data is refused in plain words with
// the short link offered instead, and a link that does carry its data is
// ready to run once the reader restores them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { artifacts, shared, site, useSite } from './support.mjs';

const shoal = useSite();

test('data too large for a link: the page says so, with the size and the limit, and copies the link with fingerprints in one click', async () => {
  // Three copies of the humans' colours: 9 MB, about 3 million characters
  // compressed, more than a link carries (as the paper's 102 MB are).
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-large-'));
  const files = ['a', 'b', 'c'].map((copy) => {
    const file = path.join(dir, `colorref-${copy}.csv`);
    copyFileSync(path.join(shared, 'paper-data/color-task/colorref.csv'), file);
    return file;
  });
  const { context, page, consoleErrors } = await shoal.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction(() => !document.querySelector('#share-button').disabled, null, { timeout: 60000 });
  // A link made before must not stay on show as if it were the new one.
  await page.click('#share-button');
  await page.waitForSelector('#share-status:has-text("characters")');
  await page.check('input[name="share-mode"][value="embed"]');
  await page.click('#share-button');
  await page.waitForSelector('#share-warning:not([hidden])', { timeout: 60000 });
  assert.match(await page.textContent('#share-status'), /too large to embed/);
  const warning = await page.textContent('#share-warning');
  assert.match(warning, /The data are too large to embed in a link: the 3 files \(8\.8 MB\) would make a link of more than [\d,]+ characters/);
  assert.match(warning, /a link can carry at most 2,000,000/);
  assert.equal(await page.isHidden('#share-link-label'), true);
  assert.equal(await page.inputValue('#share-link'), '');
  await page.screenshot({ path: path.join(artifacts, 'share-too-large.png'), fullPage: true });

  await page.click('#share-by-reference');
  await page.waitForSelector('#share-link-label:not([hidden])');
  const link = await page.inputValue('#share-link');
  assert.ok(link.startsWith(`${shoal.origin}/#a=`) && link.length < 2000, `${link.length} characters`);
  assert.equal(await page.isChecked('input[name="share-mode"][value="reference"]'), true);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.equal(await page.isHidden('#share-warning'), true);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a link that carries its data restores the files at one click and asks for nothing else: the reader runs at once', async () => {
  const example = path.join(site, 'examples/color/color-humans.csv');
  const first = await shoal.open();
  await first.page.setInputFiles('#file-input', [example]);
  await first.page.fill('input[name="seed"]', '7');
  await first.page.waitForFunction(() => !document.querySelector('#share-button').disabled);
  await first.page.check('input[name="share-mode"][value="embed"]');
  await first.page.click('#share-button');
  await first.page.waitForSelector('#share-status:has-text("characters")');
  const link = await first.page.inputValue('#share-link');
  await first.context.close();

  const reader = await shoal.open({ url: link });
  const { page } = reader;
  // The data are inflated only when the reader asks.
  await page.click('#restore-shared');
  await page.waitForSelector('#shared-panel li[data-expected="color-humans.csv"].matched');
  const intro = await page.textContent('#shared-panel');
  assert.doesNotMatch(intro, /drop your copies/);
  assert.match(intro, /The link carries the data: the file is restored from it/);
  assert.equal(await page.inputValue('input[name="seed"]'), '7');
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  assert.match(await page.textContent('#run-reason'), /Ready to analyse 1 file/);
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 60000 });
  assert.deepEqual(reader.consoleErrors, []);
  assert.deepEqual(reader.foreignRequests(), []);
  await reader.context.close();
});

test('a link whose carried file is damaged says which file, and the page still starts', async () => {
  const state = { version: 1, tool: 'test', parameters: {}, files: [{ name: 'a.csv', size: 10, sha256: 'a'.repeat(64), settings: {}, data: 'AAAA' }] };
  const { context, page, consoleErrors } = await shoal.open({ url: `${shoal.origin}/#s=${deflateRawSync(JSON.stringify(state)).toString('base64url')}` });
  await page.click('#restore-shared');
  await page.waitForSelector('#run-error:not([hidden])');
  assert.match(await page.textContent('#run-error'), /^The link's copy of a\.csv is damaged, so it cannot be restored/);
  assert.match(await page.textContent('#engine-status'), /ready/);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
