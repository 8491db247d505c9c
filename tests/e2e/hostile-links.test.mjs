// Hostile share links and settings out of range, end to end: a deflate bomb
// in a link, a link whose fields are malformed, and parameters the analyses
// would refuse, each stopped with a message before anything runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { artifacts, useSite } from './support.mjs';

const shoal = useSite();

const link = (bytes) => `${shoal.origin}/#s=${deflateRawSync(bytes, { level: 9 }).toString('base64url')}`;
const state = (overrides) => Buffer.from(JSON.stringify({
  version: 1, tool: '0.1.0', parameters: { seed: '3' },
  files: [{ name: 'a.csv', size: 10, sha256: 'a'.repeat(64), settings: {} }], ...overrides,
}));

async function errorShown(url) {
  const { context, page, consoleErrors } = await shoal.open({ url });
  await page.waitForSelector('#run-error:not([hidden])');
  const text = await page.textContent('body');
  return { context, page, consoleErrors, text };
}

test('a deflate bomb in a link is stopped while it inflates', async () => {
  // 256 MiB of zeros: a quarter-megabyte link.
  const bomb = deflateRawSync(Buffer.alloc(256 << 20), { level: 9 }).toString('base64url');
  assert.ok(bomb.length < 2_000_000);
  const { context, page, text } = await errorShown(`${shoal.origin}/#s=${bomb}`);
  assert.match(text, /This share link is damaged or incomplete \(it inflates to more than \d+ bytes\)/);
  await page.screenshot({ path: path.join(artifacts, 'share-bomb.png'), fullPage: true });
  await context.close();
});

test('every field of a link is checked before the page uses it', async () => {
  const cases = [
    [state({ parameters: { jsdSamples: 5, seed: '1' } }), /parameter jsdSamples is not text/],
    [state({ parameters: { onclick: 'x' } }), /unknown parameter 'onclick'/],
    [state({ files: [{ name: 'a.csv', size: -1, sha256: 'a'.repeat(64), settings: {} }] }), /file 1\.size is not a whole number/],
    [state({ files: [{ name: '../a.csv', size: 1, sha256: 'a'.repeat(64), settings: {} }] }), /file 1\.name is malformed/],
    [state({ files: [{ name: 'a.csv', size: 1, sha256: 'xyz', settings: {} }] }), /file 1\.sha256 is longer|file 1\.sha256 is malformed/],
    [state({ files: [{ name: 'a.csv', size: 1, sha256: 'a'.repeat(64), settings: { labels: { aligned: 'yes' } } }] }), /labels\.aligned is not true or false/],
    [state({ files: [{ name: 'a.csv', size: 1, sha256: 'a'.repeat(64), settings: {}, url: 'ftp://example.org/a.csv' }] }), /file 1\.url is not an address this page may fetch/],
    [state({ version: 2 }), /unknown layout/],
    [Buffer.from('[1,2]'), /unknown layout|not an object/],
  ];
  for (const [bytes, pattern] of cases) {
    const { context, text } = await errorShown(link(bytes));
    assert.match(text, pattern);
    await context.close();
  }
});

test('a parameter outside the analyses\' limits is pointed out before Run', async () => {
  const { context, page } = await shoal.open();
  await page.click('#example-button');
  await page.waitForSelector('article[data-file="color-humans.csv"] .recognised:has-text("word–colour")');
  await page.fill('input[name="jsdSamples"]', '5');
  await page.click('#run-button');
  await page.waitForSelector('#run-error:not([hidden])');
  assert.match(await page.textContent('#run-error'), /^jsd-samples \(Monte Carlo draws per Gaussian\) must be a whole number from 100/);
  assert.equal(await page.$eval('input[name="jsdSamples"]', (input) => input.validity.rangeUnderflow), true);
  assert.equal(await page.textContent('#run-status'), '');
  await page.fill('input[name="jsdSamples"]', '20000');
  await page.fill('input[name="subsets"]', '5,');
  await page.click('#run-button');
  await page.waitForSelector('#run-error:has-text("subsets")');
  assert.equal(await page.textContent('#run-status'), '');
  await page.screenshot({ path: path.join(artifacts, 'parameter-limits.png'), fullPage: true });
  await context.close();
});
