// The page's policy where a hostile neighbour could reach past it: its
// workers (which take no policy from a static host's headers) and a page
// that frames it, nearly invisible, to take a click. A recording server on
// another origin stands in for any other host: it must see no request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { useSite } from './support.mjs';

const shoal = useSite();

// Another host: counts every request it gets, allows any page to read it,
// and serves the framing page.
// The framing page is served as localhost (another origin, but the same
// site, so that the framed page keeps its storage as in a browser that
// allows third-party storage); the data as 127.0.0.1.
const other = { hits: [], origin: null, framer: null, server: null };
before(async () => {
  other.server = createServer((request, response) => {
    if (request.url.startsWith('/frame')) {
      const target = new URL(request.url, 'http://x').searchParams.get('target');
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<!doctype html><p>Win a prize: click below!</p><iframe id="victim" src="${target.replace(/"/g, '&quot;')}" `
        + 'style="opacity:0.01;position:absolute;top:0;left:0" width="1400" height="1000" onload="document.body.dataset.framed=1"></iframe>');
      return;
    }
    other.hits.push(request.url);
    response.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' });
    response.end('subject_num,word,hex1,hex2\n0,sky,#000000,#000000\n');
  });
  await new Promise((resolve) => other.server.listen(0, '127.0.0.1', resolve));
  other.origin = `http://127.0.0.1:${other.server.address().port}`;
  other.framer = `http://localhost:${other.server.address().port}`;
});
after(() => other.server?.close());

// A link whose file is fetched from the other host once the reviewer agrees.
function linkFetching(url) {
  const state = { version: 1, tool: '0.1.0', parameters: { seed: '3' },
    files: [{ name: 'data.csv', size: 48, sha256: 'a'.repeat(64), settings: {}, url }] };
  return `${shoal.origin}/#s=${deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url')}`;
}

test('the page\'s workers run under its policy: a fetch to another host from inside one is blocked', async () => {
  other.hits.length = 0;
  const { context, page } = await shoal.open();
  // The workers start with the first file.
  await page.setInputFiles('#file-input', { name: 'start.csv', mimeType: 'text/csv', buffer: Buffer.from('subject_num,word,hex1,hex2\n0,sky,#000000,#000000\n') });
  await page.waitForFunction(() => /engine is ready/.test(document.getElementById('engine-status')?.textContent ?? ''));
  const workers = page.workers();
  assert.ok(workers.length >= 1, 'no worker started');
  for (const worker of workers) {
    const outcome = await worker.evaluate((url) => fetch(url).then((r) => `fetched ${r.status}`, (e) => `blocked: ${e.message}`), `${other.origin}/from-worker`);
    assert.match(outcome, /^blocked/, `${worker.url()}: ${outcome}`);
  }
  assert.deepEqual(other.hits, []);
  await context.close();
});

test('the host sends frame-ancestors \'none\' and nosniff with every response', async () => {
  for (const path of ['/', '/sw.js', '/no-such-file']) {
    const response = await fetch(`${shoal.origin}${path}`);
    assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
  }
  // So a framing page gets an empty frame.
  const context = await shoal.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${other.framer}/frame?target=${encodeURIComponent(shoal.home)}`);
  await page.waitForSelector('body[data-framed="1"]');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.equal(await frame.$('#run-button'), null);
  await context.close();
});

test('framed on a host that cannot send headers, the consent buttons only say why they do nothing', async () => {
  other.hits.length = 0;
  const context = await shoal.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // GitHub Pages sends no frame-ancestors: take the header away.
  await context.route(`${shoal.origin}/**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const link = linkFetching(`${other.origin}/data.csv`);
  await page.goto(`${other.framer}/frame?target=${encodeURIComponent(link)}`);
  await page.waitForSelector('body[data-framed="1"]');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 60000 });

  await frame.click('#fetch-shared');
  await frame.waitForSelector('#framed-note');
  assert.match(await frame.textContent('#framed-note'), /inside another page.*will not fetch anything from other hosts/);
  await frame.click('#replicate-button');
  await frame.click('#replicate-agree');
  // Both clicks were refused on the spot: the page did not reload to act on them.
  assert.equal(await frame.evaluate(() => sessionStorage.length), 0);
  assert.equal(await frame.$eval('#fetch-shared', (b) => b.isConnected), true);
  assert.deepEqual(other.hits, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(shoal.origin) && !u.startsWith(other.framer) && !u.startsWith('blob:')), []);
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});
