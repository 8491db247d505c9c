// The tab's memory when a hostile link is opened: a 20 KB link stating 3 GiB
// of embedded data (as in tests/e2e/hostile-embedded), opened in headless
// Chromium, once per round in each built site given, the sites alternated.
// For each it prints the peak resident memory (VmHWM) of the tab's
// renderer, the process the page shares with its service worker, when the
// link is refused and once the worker has cached the whole build, the link
// phase (from the page's decoder starting to the refusal; read from the
// page's "shoal:link" measure, for builds that record it), and, for the last
// round, every process Chromium started for the tab.
//   node tests/benchmarks/refused_link_memory.mjs [--rounds N] [--no-service-worker] [SITE ...]
// (SITE: a built site folder, build/site by default)
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromiumProcesses, deflatedZeros, launchBrowser, startServer, untilKeptOffline } from '../e2e/support.mjs';

const at = process.argv.indexOf('--rounds');
const rounds = at > 0 ? Number(process.argv[at + 1]) : 3;
const blockWorkers = process.argv.includes('--no-service-worker');
const sites = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--rounds');
if (sites.length === 0) sites.push('build/site');

const pack = (value) => deflateRawSync(Buffer.from(JSON.stringify(value)), { level: 9 }).toString('base64url');
const data = (await deflatedZeros(1 << 30)).toString('base64url');
const files = [0, 1, 2].map((i) => ({ name: `bomb-${i}.csv`, size: 1 << 30, sha256: 'a'.repeat(64), data }));
const definition = { shoal_analysis: 1, version: 'test', analysis: 'concept', settings: {},
  inputs: files.map((f) => ({ name: f.name, role: 'responses', sha256: f.sha256, format: 'auto', columns: {}, labels: {} })) };
const hash = `#a=${pack(definition)}&f=${pack(files)}`;

// Chromium's processes under this one, by type, with their peak and current
// resident memory in MB.
function processes() {
  return chromiumProcesses().map((p) => ({
    pid: p.pid, type: p.type + (p.subType ? ` (${p.subType})` : ''),
    peak: p.kb('VmHWM') / 1024, anon: p.kb('RssAnon') / 1024, file: p.kb('RssFile') / 1024, shared: p.kb('RssShmem') / 1024,
  }));
}
const tabPeak = (before) => Math.max(...processes().filter((p) => p.type === 'renderer' && !before.has(p.pid)).map((p) => p.peak));

const servers = await Promise.all(sites.map((s) => startServer(path.resolve(s))));
const stopServers = () => { for (const s of servers) s.server.kill(); };
process.on('uncaughtException', (error) => { stopServers(); throw error; });
const browser = await launchBrowser();
const results = sites.map(() => []);
let last = [];
for (let round = 0; round < rounds; round++) {
  for (const [i, site] of sites.entries()) {
    const before = new Set(processes().map((p) => p.pid));
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: blockWorkers ? 'block' : 'allow' });
    const page = await context.newPage();
    await page.goto(`${servers[i].origin}/${hash}`);
    await page.waitForSelector('#run-error:not([hidden])', { timeout: 60000 });
    const refused = tabPeak(before);
    const [link] = await page.evaluate(() => performance.getEntriesByName('shoal:link').map((m) => m.duration));
    if (!blockWorkers) await untilKeptOffline(page, `${servers[i].origin}/`, path.resolve(site));
    results[i].push({ refused, kept: tabPeak(before), link });
    last = processes().filter((p) => !before.has(p.pid));
    await context.close();
  }
}
const list = (values, digits = 1) => values.map((v) => (v === undefined ? '-' : v.toFixed(digits))).join(' ');
for (const [i, site] of sites.entries()) {
  console.log(site);
  console.log(`  tab peak at the refusal, MB:        ${list(results[i].map((r) => r.refused))}`);
  if (!blockWorkers) console.log(`  tab peak once the build is cached:  ${list(results[i].map((r) => r.kept))}`);
  console.log(`  link phase, ms:                     ${list(results[i].map((r) => r.link), 0)}`);
}
console.log(`processes Chromium started for the last tab (${sites.at(-1)}), MB:`);
for (const p of last) console.log(`  ${p.pid} ${p.type}: peak ${p.peak.toFixed(1)} (now anonymous ${p.anon.toFixed(1)}, file ${p.file.toFixed(1)}, shared ${p.shared.toFixed(1)})`);
await browser.close();
stopServers();
