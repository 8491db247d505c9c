// Consent to fetch against a hostile link: it is bound to one link and to the
// exact URLs shown, used on one page load, asked again for any other link;
// Replicate's covers exactly the paper's pinned files and starts from a
// clean page; and a consented fetch that fails is named and recovered from.
// Every request to another host is recorded, and any but those agreed to
// fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { artifacts, useServer, useSite } from './support.mjs';

const small = path.resolve('tests/data/llm-colors-small.csv');
const smallBytes = readFileSync(small);
const dataDir = mkdtempSync(path.join(tmpdir(), 'shoal-consent-'));
for (const name of ['a.csv', 'b.csv']) copyFileSync(small, path.join(dataDir, name));
const shoal = useSite();
// Another origin, standing in for a public data host.
const data = useServer(dataDir, '127.0.0.1', ['--cors']);

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const remote = (name, url) => ({ name, size: smallBytes.length, sha256: sha256(smallBytes), settings: {}, url });
const carried = (name, bytes) => ({ name, size: bytes.length, sha256: sha256(bytes), settings: {}, data: deflateRawSync(bytes).toString('base64url') });
const linkTo = (files, parameters = { seed: '5' }) =>
  `${shoal.origin}/#s=${deflateRawSync(Buffer.from(JSON.stringify({ version: 1, tool: 'test', parameters, files }))).toString('base64url')}`;

// Fetch from the page itself, as a script there (or a link's data) might.
const pageFetch = (page, url) => page.evaluate((u) => fetch(u).then((r) => `fetched ${r.status}`, (e) => `refused: ${e.message}`), url);

test('consent covers one link\'s exact URLs, for one page load: another link in the tab, or a reload, asks again', async () => {
  const [a, b] = ['a.csv', 'b.csv'].map((name) => `${data.origin}/${name}`);
  const reviewer = await shoal.open({ url: linkTo([remote('a.csv', a)]) });
  const { page } = reviewer;
  await page.waitForSelector('#fetch-shared');
  assert.deepEqual(await page.$$eval('#fetch-urls li', (li) => li.map((l) => l.textContent)), [a], 'the exact address is shown');
  assert.deepEqual(reviewer.foreignRequests(), [], 'nothing before consent');
  await Promise.all([page.waitForEvent('load'), page.click('#fetch-shared')]);
  await page.waitForSelector('#shared-panel li[data-expected="a.csv"].matched', { timeout: 30000 });
  assert.deepEqual(reviewer.foreignRequests(), [a]);
  // The agreement is to that file, not to its host.
  assert.match(await pageFetch(page, b), /^refused/);

  // A second link opened in the same tab, to a file on the same host.
  await page.goto('about:blank');
  await page.goto(linkTo([remote('b.csv', b)]));
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#fetch-shared');
  assert.deepEqual(await page.$$eval('#shared-panel li.missing', (li) => li.map((l) => l.dataset.expected)), ['b.csv']);
  // The first link again, reloaded: its agreement was used.
  await page.goto('about:blank');
  await page.goto(linkTo([remote('a.csv', a)]));
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#fetch-shared');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#fetch-shared');
  assert.deepEqual(reviewer.foreignRequests(), [a], 'fetched once, when agreed, and never again without asking');
  assert.deepEqual(reviewer.consoleErrors.filter((e) => !/Content Security Policy|Failed to fetch/.test(e)), []);
  await reviewer.context.close();
});

// The paper's pinned files, answered here (404: these tests need only the
// requests); anything else at that host is recorded as unexpected.
async function paperRoutes(context) {
  const seen = [];
  await context.route((url) => url.hostname === 'raw.githubusercontent.com', async (route) => {
    seen.push(route.request().url());
    await route.fulfill({ status: 404, body: 'not here', headers: { 'access-control-allow-origin': '*' } });
  });
  return seen;
}
const PINNED = /^https:\/\/raw\.githubusercontent\.com\/skmur\/onefish-twofish\/3cf55834400a589d1ce8ca950cc0912809e6b73b\//;

test('Replicate\'s consent covers exactly the pinned files, and it starts from a clean page with nothing a link brought', async () => {
  const context = await shoal.context();
  const seen = await paperRoutes(context);
  const attacker = Buffer.from('population,individual,word,block,r,g,b\nATTACKER-POP,1,apple,1,255,0,0\nATTACKER-POP,1,apple,2,250,0,0\n');
  const app = await shoal.open({ context, url: linkTo([carried('attacker.csv', attacker)], { seed: '666' }) });
  const { page } = app;
  await page.waitForSelector('#shared-panel:not([hidden])');
  const restore = await page.$('#restore-shared');
  if (restore) await restore.click();
  await page.waitForSelector('article[data-file="attacker.csv"]');
  await page.click('#replicate-button');
  await page.waitForSelector('#replicate-agree');
  await Promise.all([page.waitForEvent('load'), page.click('#replicate-agree')]);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => /of the paper's files/.test(document.querySelector('#engine-status')?.textContent ?? ''), null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => location.hash), '', 'the link is gone from the address');
  assert.equal(await page.$('article[data-file="attacker.csv"]'), null, 'the link\'s file is not carried into the replication');
  assert.equal(await page.isHidden('#shared-panel'), true);
  assert.notEqual(await page.inputValue('input[name="seed"]'), '666', 'nor its settings');
  // Another file at the same host is refused by the page's policy.
  assert.match(await pageFetch(page, 'https://raw.githubusercontent.com/someone/else/main/track.csv'), /^refused/);
  assert.ok(seen.every((u) => PINNED.test(u)), seen.filter((u) => !PINNED.test(u)).join(' '));
  assert.equal(new Set(seen).size, 123, 'the policy lets every pinned file through');
  assert.deepEqual(app.foreignRequests().filter((u) => !PINNED.test(u)), []);
  await page.screenshot({ path: path.join(artifacts, 'hostile-consent-replicate.png') });
  await context.close();
});

test('a consented fetch that fails names its URL, keeps the link\'s carried files and the page working, and is not repeated on reload', async () => {
  const missing = `${data.origin}/missing.csv`;
  const url = linkTo([carried('carried.csv', smallBytes), remote('missing.csv', missing)]);
  const reviewer = await shoal.open({ url });
  const { page } = reviewer;
  await page.waitForSelector('#fetch-shared');
  await Promise.all([page.waitForEvent('load'), page.click('#fetch-shared')]);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#run-error:not([hidden])', { timeout: 30000 });
  const error = await page.textContent('#run-error');
  assert.ok(error.includes(missing), error);
  assert.match(await page.textContent('#engine-status'), /ready/);
  // The carried file is still there to restore, and the page still works.
  await page.click('#restore-shared');
  await page.waitForSelector('#shared-panel li[data-expected="carried.csv"].matched', { timeout: 30000 });
  await page.waitForSelector('#fetch-shared');
  await page.screenshot({ path: path.join(artifacts, 'hostile-consent-failed-fetch.png'), fullPage: true });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#fetch-shared');
  assert.deepEqual(reviewer.foreignRequests(), [missing], 'asked once, when agreed');
  await reviewer.context.close();
});
