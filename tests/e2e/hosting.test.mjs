// The built site as a static host would serve it: under a sub-path, installable
// as an app, and working offline there after one visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, tableRows, untilKeptOffline, useSite } from './support.mjs';

const base = '/lab/shoal/';
const shoal = useSite({ base });

test('under a sub-path the page, its workers, its wasm and its service worker all work, also offline', async () => {
  const context = await shoal.context({ viewport: { width: 1280, height: 800 } });
  const app = await shoal.open({ context });
  const { page, requests, consoleErrors } = app;

  const outside = requests.filter((u) => u.startsWith(shoal.origin) && !u.startsWith(shoal.home));
  assert.deepEqual(outside, [], 'every request of the page stays under its sub-path');

  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, shoal.home);

  // The manifest and the icon it names resolve from where the manifest is.
  const manifestUrl = await page.$eval('link[rel="manifest"]', (l) => l.href);
  assert.equal(manifestUrl, `${shoal.home}manifest.webmanifest`);
  const manifest = await page.evaluate(async (u) => (await fetch(u)).json(), manifestUrl);
  assert.equal(new URL(manifest.start_url, manifestUrl).href, shoal.home);
  for (const icon of manifest.icons) {
    const status = await page.evaluate(async (u) => (await fetch(u)).status, new URL(icon.src, manifestUrl).href);
    assert.equal(status, 200, icon.src);
  }

  await page.click('#example-button');
  await page.waitForSelector('#run-button:not([disabled])');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  const online = await tableRows(page, 'concept-populations');
  assert.ok(online.length > 0);
  // The workers start with the first file: the module and the worker came then.
  assert.ok(requests.some((u) => /\/lab\/shoal\/assets\/[^/]+\.wasm$/.test(u)), 'the wasm module came from the sub-path');
  assert.ok(requests.some((u) => /\/lab\/shoal\/assets\/analysis\.worker-[^/]+\.js$/.test(u)), 'the worker came from the sub-path');
  assert.deepEqual(requests.filter((u) => u.startsWith(shoal.origin) && !u.startsWith(shoal.home)), [],
    'the engine\'s requests stay under the sub-path too');

  // Offline: the same sub-path still serves the app from the service worker's cache.
  await untilKeptOffline(page, shoal.home);
  await context.setOffline(true);
  const offline = await shoal.open({ context });
  await offline.page.click('#example-button');
  await offline.page.waitForSelector('#run-button:not([disabled])');
  await offline.page.click('#run-button');
  await offline.page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  assert.deepEqual(await tableRows(offline.page, 'concept-populations'), online);
  await offline.page.screenshot({ path: path.join(artifacts, 'hosted-sub-path-offline.png') });
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(offline.consoleErrors, []);
  await context.close();
});

test('the page shows its version, and a link made by another version says so when it opens', async () => {
  const context = await shoal.context();
  const { page } = await shoal.open({ context });
  const version = (await page.textContent('#version')).trim();
  assert.match(version, /^\d+\.\d+\.\d+/);
  const link = async (tool) => page.evaluate(async (state) => {
    const bytes = new TextEncoder().encode(JSON.stringify(state));
    const packed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    return `#s=${btoa(String.fromCharCode(...packed)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }, { version: 1, tool, parameters: { seed: '3' }, files: [] });

  const older = await shoal.open({ context, url: `${shoal.home}${await link('0.0.1')}` });
  await older.page.waitForSelector('#shared-version');
  const notice = await older.page.textContent('#shared-version');
  assert.ok(notice.includes('Shoal 0.0.1') && notice.includes(`Shoal ${version}`), notice);
  assert.equal(await older.page.inputValue('input[name="seed"]'), '3');

  const same = await shoal.open({ context, url: `${shoal.home}${await link(version)}` });
  await same.page.waitForSelector('#shared-panel:not([hidden])');
  assert.equal(await same.page.$('#shared-version'), null);
  await context.close();
});
