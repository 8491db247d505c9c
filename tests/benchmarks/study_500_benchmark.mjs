// A study of about 500 MB in the page: the 48 shared LLM similarity files
// copied COPIES times (5 by default) under new model names (the first copy
// keeps the names, the others add "-copyK" to the model's, so every copy is a
// population of its own: 240 populations), plus colorref.csv as the colour
// file, dropped on the built page in headless Chromium and analysed to the
// end. Prints the wall time of the drop and of the run, every phase the page
// times, and the peak memory of the tab's renderer process (its workers and
// their wasm modules are threads of it), sampled while it runs and read from
// /proc at the end (VmHWM).
//   node tests/benchmarks/study_500_benchmark.mjs [--copies N] [--paper] [--limit-gb G] [--keep DIR]
// --paper: the paper's settings (500 iterations, burn-in 100, 1 chain), as
//   page_phases.mjs runs; otherwise the page's defaults.
// --limit-gb: the run is stopped (and reported) when the tab's processes
//   pass G GB together (default 12), so a runaway cannot take the machine.
// --keep DIR: write the study into DIR and keep it (else a temporary
//   directory, removed at the end).
// (paths from SHOAL_SITE and SHOAL_SHARED, as for the e2e tests)
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumProcesses, launchBrowser, openApp, shared, site, startServer } from '../e2e/support.mjs';
import { summarisePhases } from './page_measures.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const copies = Number(option('copies', 5));
const paper = process.argv.includes('--paper');
const limit = Number(option('limit-gb', 12)) * 1e9;
const keep = option('keep', null);

const colorFile = path.join(shared, 'paper-data/color-task/colorref.csv');
const llmDir = path.join(shared, 'paper-data/concept-task/llm-responses');

// "gemma-instruct-prompt=none-temp=default.csv" → the model "gemma-instruct-copy2".
function copyName(file, copy) {
  if (copy === 1) return file;
  const at = file.indexOf('-prompt=');
  if (at < 0) throw new Error(`${file}: not named MODEL-prompt=...`);
  return `${file.slice(0, at)}-copy${copy}${file.slice(at)}`;
}

function writeStudy(dir) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let copy = 1; copy <= copies; copy++) {
    for (const file of readdirSync(llmDir).filter((f) => f.endsWith('.csv')).sort()) {
      const to = path.join(dir, copyName(file, copy));
      copyFileSync(path.join(llmDir, file), to);
      files.push(to);
    }
  }
  return files;
}

// The tab's processes: Chromium's renderers (the page, its workers, the
// service worker); the browser and GPU processes are counted apart.
function memory() {
  const processes = chromiumProcesses();
  const sum = (list, key) => list.reduce((t, p) => t + p.kb(key) * 1024, 0);
  const renderers = processes.filter((p) => p.type === 'renderer');
  return { rss: sum(renderers, 'VmRSS'), peak: sum(renderers, 'VmHWM'), others: sum(processes.filter((p) => p.type !== 'renderer'), 'VmRSS') };
}

const dir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'shoal-study-'));
const studyFiles = writeStudy(dir);
const studyBytes = studyFiles.reduce((t, f) => t + statSync(f).size, 0);
console.log(`${studyFiles.length} similarity files (${(studyBytes / 1e6).toFixed(1)} MB) + colorref.csv in ${dir}; ` +
  `${paper ? "the paper's settings (500 iterations, 1 chain)" : "the page's default settings"}`);

const { server, origin } = await startServer(site);
const browser = await launchBrowser();
const samples = [];
let stopped = '';
let status = 'opening';
const sampler = setInterval(() => {
  const m = memory();
  samples.push({ at: Date.now(), status, ...m });
  if (m.rss + m.others > limit && !stopped) {
    stopped = `the tab's processes passed ${(limit / 1e9).toFixed(1)} GB (${((m.rss + m.others) / 1e9).toFixed(2)} GB) during "${status}"`;
    void browser.close();
  }
}, 200);
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes) => `${(bytes / 1e9).toFixed(2)} GB`;
try {
  const { page, consoleErrors } = await openApp(browser, origin);
  if (paper) {
    await page.fill('input[name="iterations"]', '500');
    await page.fill('input[name="burnIn"]', '100');
    await page.fill('input[name="chains"]', '1');
  }
  const dropped = Date.now();
  status = 'reading';
  await page.setInputFiles('#file-input', [colorFile, ...studyFiles]);
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled, null, { timeout: 3600000, polling: 250 });
  const ready = Date.now() - dropped;
  const afterDrop = memory();
  console.log(`drop to Run enabled: ${s(ready)}; tab then ${gb(afterDrop.rss)} (peak so far ${gb(afterDrop.peak)})`);
  const clicked = Date.now();
  await page.click('#run-button');
  // The run's status line, polled so that each memory sample knows its step.
  for (;;) {
    const state = await page.evaluate(() => ({
      status: document.querySelector('#run-status').textContent,
      progress: `${Math.round(100 * document.querySelector('#progress').value)}% ${document.querySelector('#progress-detail').textContent}`,
      error: document.querySelector('#run-error').hidden ? '' : document.querySelector('#run-error').textContent,
    }));
    status = `${state.status} ${state.progress}`.trim().slice(0, 120);
    if (state.error) throw new Error(`the page's run failed after ${s(Date.now() - clicked)}: ${state.error}`);
    if (/^Done/.test(state.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const total = Date.now() - clicked;
  const end = memory();
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('shoal:')).map((m) => ({ name: m.name, startTime: m.startTime, duration: m.duration })));
  console.log(`run: ${s(total)} from the click on Run to "Done"`);
  console.log('page phase       wall      work (all workers)  measures');
  for (const [phase, t] of Object.entries(summarisePhases(measures))) {
    console.log(`${phase.padEnd(15)} ${s(t.wall).padStart(8)}  ${s(t.work).padStart(10)}  ${String(t.count).padStart(16)}`);
  }
  const top = samples.reduce((a, b) => (b.rss > a.rss ? b : a));
  console.log(`tab's renderer, peak resident memory (VmHWM): ${gb(end.peak)}; highest sample ${gb(top.rss)} during "${top.status}"; ` +
    `browser and GPU processes at most ${gb(Math.max(...samples.map((m) => m.others)))}`);
  // The tab's memory over the run: the highest sample of each tenth of it.
  console.log('s from Run   tab GB   step');
  const run = samples.filter((m) => m.at >= clicked);
  for (let tenth = 0; tenth < 10; tenth++) {
    const part = run.filter((m) => Math.min(9, Math.floor((10 * (m.at - clicked)) / total)) === tenth);
    if (part.length === 0) continue;
    const high = part.reduce((a, b) => (b.rss > a.rss ? b : a));
    console.log(`${((high.at - clicked) / 1000).toFixed(1).padStart(10)}  ${(high.rss / 1e9).toFixed(2).padStart(7)}   ${high.status}`);
  }
  if (consoleErrors.length) console.log(`console errors: ${consoleErrors.join(' | ')}`);
} catch (error) {
  console.log(stopped || `stopped: ${error.message}`);
  const top = samples.length ? samples.reduce((a, b) => (b.rss > a.rss ? b : a)) : null;
  if (top) console.log(`highest sample of the tab's renderer: ${gb(top.rss)} during "${top.status}"`);
  process.exitCode = 1;
} finally {
  clearInterval(sampler);
  await browser.close().catch(() => undefined);
  server.kill();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
