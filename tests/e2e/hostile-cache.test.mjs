// The offline cache against a neighbour on the same origin: the Cache API
// is shared by every page of an origin, so another page can write into
// Shoal's cache. The service worker must not serve what it did not check,
// nor keep anything beyond its own build's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { site, siteFiles, untilKeptOffline, useSite } from './support.mjs';

const shoal = useSite();
// The page's own script, as its HTML names it.
const script = /<script type="module"[^>]* src="\.\/assets\/([^"]+\.js)"/.exec(readFileSync(path.join(site, 'index.html'), 'utf8'))[1];

// The page, once its service worker controls it and has cached the build.
async function visitUntilCached(context) {
  const page = await context.newPage();
  await page.goto(shoal.home);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await untilKeptOffline(page, shoal.home);
  return page;
}

test('a script another same-origin page writes into the cache is not run on the next visit', async () => {
  const context = await shoal.browser.newContext();
  const first = await visitUntilCached(context);
  await first.close();

  // Another page of the origin (any path outside the build) rewrites the
  // page's script in every cache it finds: the real script plus a marker.
  const neighbour = await context.newPage();
  await neighbour.goto(`${shoal.origin}/another-app/`);
  const written = await neighbour.evaluate(async (name) => {
    let count = 0;
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        if (!new URL(request.url).pathname.endsWith(`/assets/${name}`)) continue;
        const original = await (await cache.match(request)).text();
        await cache.put(request, new Response(`${original}\nwindow.__tampered = true;`, { headers: { 'content-type': 'text/javascript' } }));
        count += 1;
      }
    }
    return count;
  }, script);
  assert.ok(written >= 1, 'the neighbour found no cached script to rewrite');
  await neighbour.close();

  const second = await context.newPage();
  const errors = [];
  second.on('pageerror', (e) => errors.push(e.message));
  await second.goto(shoal.home);
  await second.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  assert.equal(await second.evaluate(() => navigator.serviceWorker.controller !== null), true, 'the service worker does not control the page');
  assert.equal(await second.evaluate(() => window.__tampered ?? false), false, 'the tampered script ran');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the service worker keeps only its own build\'s files', async () => {
  const context = await shoal.browser.newContext();
  const page = await visitUntilCached(context);
  // Same-origin requests the page makes for files that are not the build's.
  await page.evaluate(async () => {
    await fetch('sw.js');
    await fetch('examples/index.json?probe=1');
    await fetch('no-such-file.txt');
  });
  const cached = await page.evaluate(async () => {
    const out = [];
    for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) out.push(new URL(r.url).pathname);
    return out;
  });
  const built = new Set(['/', ...siteFiles().filter((f) => f !== 'sw.js' && f !== 'index.html').map((f) => `/${encodeURI(f)}`)]);
  assert.deepEqual(cached.filter((p) => !built.has(p)), []);
  assert.ok(cached.length > 5);
  await context.close();
});
