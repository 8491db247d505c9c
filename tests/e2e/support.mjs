// Shared by the end-to-end tests: the built site on a local server, Debian's
// Chromium through playwright-core, and pages that record console errors and
// every request.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before } from 'node:test';
import { createDeflateRaw } from 'node:zlib';

// playwright-core is a dependency of the web package.
const { chromium } = createRequire(path.resolve('web/package.json'))('playwright-core');

export const site = path.resolve(process.env.SHOAL_SITE ?? 'build/site');
export const native = path.resolve(process.env.SHOAL_NATIVE ?? 'build/native/shoal');
export const shared = path.resolve(process.env.SHOAL_SHARED ?? '../shared');
export const artifacts = path.resolve(process.env.SHOAL_ARTIFACTS ?? 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

export async function startServer(root, host = 'localhost', extraArgs = []) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(process.execPath, [path.resolve('scripts/serve.mjs'), root, String(port), ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  return { server, origin: `http://${host}:${port}` };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A static server of `root` for all the tests of the file that calls this at
// its top level.
export function useServer(root, host = 'localhost', extraArgs = []) {
  const served = { origin: null, server: null };
  before(async () => Object.assign(served, await startServer(root, host, extraArgs)));
  after(() => served.server?.kill());
  return served;
}

// The built site (under `base`) and a browser, for all the tests of the file
// that calls this at its top level. `open()` opens the page at `url`, by
// default the site's home, in `context` or else in a new context made with
// the remaining options; `context()` makes a context with the page's
// defaults, for a test that sets it up (routes, scripts) before opening;
// `readOffline()` opens a file the page saved (an exported report) in a
// context with no network.
export function useSite({ base = '/' } = {}) {
  const served = useServer(site, 'localhost', base === '/' ? [] : ['--base', base]);
  const shoal = {
    browser: null,
    get origin() { return served.origin; },
    get home() { return `${served.origin}${base}`; },
    context: (options = {}) => newAppContext(shoal.browser, options),
    open: async ({ url = shoal.home, context = null, ...contextOptions } = {}) =>
      openApp(shoal.browser, served.origin, url, context ?? await newAppContext(shoal.browser, contextOptions)),
    readOffline: (file, options = {}) => openOffline(shoal.browser, file, options),
  };
  before(async () => { shoal.browser = await launchBrowser(); });
  after(() => shoal.browser?.close());
  return shoal;
}

function newAppContext(browser, options = {}) {
  return browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 }, ...options });
}

// A page of the app with every console error and every request recorded.
export async function openApp(browser, origin, url = `${origin}/`, context = null) {
  context ??= await newAppContext(browser);
  const page = await context.newPage();
  const consoleErrors = consoleErrorsOf(page);
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const foreignRequests = () => requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  return { context, page, consoleErrors, requests, foreignRequests };
}

// A page's console errors and uncaught exceptions, as they come.
function consoleErrorsOf(page) {
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

// A saved file (an exported report) read in a context with no network, its
// every request and console error recorded.
async function openOffline(browser, file, options) {
  const context = await newAppContext(browser, { ...options, offline: true });
  const page = await context.newPage();
  const consoleErrors = consoleErrorsOf(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  return { context, page, consoleErrors, requests };
}

export async function downloadOf(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'shoal-dl-')), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

export function cliReport(args) {
  return JSON.parse(execFileSync(native, [...args, '--quiet'], { maxBuffer: 1 << 28 }).toString());
}

export function tableRows(page, name) {
  return page.$$eval(`table[data-table="${name}"]`, (tables) => {
    const table = tables[0];
    const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    return [...table.querySelectorAll('tbody tr')].map((tr) =>
      Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [header[i], td.textContent.trim()])));
  });
}

// Every file of the built site, as paths relative to it.
export function siteFiles(dir = site, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? siteFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

// Waits until the page's service worker holds every file of the build in
// `dir` (but itself) in its cache, served under `home` (the page's address):
// from then on the page works offline. The page asks the worker for this
// once it has read its link and is idle.
export async function untilKeptOffline(page, home, dir = site) {
  const expected = siteFiles(dir).filter((f) => f !== 'sw.js').map((f) => new URL(f === 'index.html' ? '' : encodeURI(f), home).href);
  // Polled from here: waitForFunction takes a promise for a truthy value.
  const missing = () => page.evaluate(async (urls) => {
    const kept = new Set();
    for (const name of await caches.keys()) {
      if (name.startsWith('shoal-')) for (const request of await (await caches.open(name)).keys()) kept.add(request.url);
    }
    return urls.filter((u) => !kept.has(u));
  }, expected);
  const until = Date.now() + 60000;
  for (let left = await missing(); left.length > 0; left = await missing()) {
    if (Date.now() > until) throw new Error(`the service worker did not keep ${left.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// Deflate of `bytes` zeros, streamed so this process never holds them: the
// payload of a link's decompression bomb.
export async function deflatedZeros(bytes) {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks = [];
  deflate.on('data', (c) => chunks.push(c));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1 << 20);
  for (let written = 0; written < bytes; written += block.length) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

// Chromium's processes started under this one: each with its type (and
// utility sub-type) and its memory fields from /proc (kB by name: VmHWM,
// VmRSS, RssAnon, ...).
export function chromiumProcesses() {
  const parent = new Map();
  const found = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parent.set(pid, status.match(/^PPid:\s+(\d+)/m)[1]);
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('--type=')) continue;
      const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
      const flag = (name) => new RegExp(`--${name}=([^\\s\\0]+)`).exec(command)?.[1];
      found.push({ pid, type: flag('type'), subType: flag('utility-sub-type'), kb });
    } catch {
      // the process ended meanwhile
    }
  }
  const ours = (pid) => { for (let p = pid; p && p !== '1'; p = parent.get(p)) if (p === String(process.pid)) return true; return false; };
  return found.filter((p) => ours(p.pid));
}
