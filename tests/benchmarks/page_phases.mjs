// Where the page's time goes on the paper's data, against the CLI on the
// same files and settings, in one run: colorref.csv plus the 48 shared LLM
// similarity files are dropped on the page in headless Chromium, every phase
// the page measures (User Timing "shoal:*" entries) is printed, then the CLI
// analyses the same files. Rounds alternate page and CLI; the best of each
// is compared, as this machine's load varies.
//   node tests/benchmarks/page_phases.mjs [--rounds N] [--iterations N] [--threads N] [--drag MS] [--timeline]
// (--threads: the CLI's threads, by default as many as the page's workers:
// one per core, up to 8, so both sides use the same cores)
// (--drag: the files are dragged over the page for MS ms before they are
// dropped, as a reader drags them in, which starts the workers; by default
// they arrive with no drag before, and the workers start with them)
// (--timeline: every measure of the best round, in seconds from the click on Run)
// (paths from SHOAL_SITE, SHOAL_NATIVE and SHOAL_SHARED, as for the e2e tests)
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, native, openApp, shared, site, startServer } from '../e2e/support.mjs';
import { summarisePhases } from './page_measures.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const rounds = option('rounds', 2);
const iterations = option('iterations', 500);
const burnIn = Math.floor(iterations / 5);  // the paper's 100 of 500
const drag = option('drag', 0);
const threads = option('threads', Math.max(1, Math.min(os.availableParallelism(), 8)));

const colorFile = path.join(shared, 'paper-data/color-task/colorref.csv');
const llmDir = path.join(shared, 'paper-data/concept-task/llm-responses');
const llmFiles = readdirSync(llmDir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(llmDir, f));

async function pageRound(browser, origin) {
  const { context, page } = await openApp(browser, origin);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.fill('input[name="iterations"]', String(iterations));
  await page.fill('input[name="burnIn"]', String(burnIn));
  await page.fill('input[name="chains"]', '1');
  const workers = await page.evaluate(() => Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8)));
  if (drag > 0) {
    await page.evaluate(() => document.dispatchEvent(new DragEvent('dragenter', { bubbles: true })));
    await page.waitForTimeout(drag);
  }
  const dropped = Date.now();
  await page.setInputFiles('#file-input', [colorFile, ...llmFiles]);
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled, null, { timeout: 600000, polling: 100 });
  const ready = Date.now() - dropped;
  const longBeforeRun = await page.evaluate(() => window.longTasks.splice(0));
  const clicked = Date.now();
  const clickedAt = await page.evaluate(() => performance.now());
  await page.click('#run-button');
  await page.waitForFunction(() => /^Done/.test(document.querySelector('#run-status').textContent)
    || !document.querySelector('#run-error').hidden, null, { timeout: 1200000, polling: 250 });
  const total = Date.now() - clicked;
  const error = await page.evaluate(() => (document.querySelector('#run-error').hidden ? '' : document.querySelector('#run-error').textContent));
  if (error) throw new Error(`the page's run failed: ${error}`);
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('shoal:')).map((m) => ({ name: m.name, startTime: m.startTime, duration: m.duration })));
  const longDuringRun = await page.evaluate(() => window.longTasks);
  await context.close();
  const timeline = [
    ...measures.filter((m) => m.startTime >= clickedAt - 1)
      .map((m) => ({ name: m.name.slice('shoal:'.length), from: m.startTime - clickedAt, to: m.startTime + m.duration - clickedAt })),
    ...longDuringRun.map((t) => ({ name: 'long task', from: t.start - clickedAt, to: t.start + t.duration - clickedAt })),
  ].sort((a, b) => a.from - b.from);
  return {
    ready, total, workers, phases: summarisePhases(measures), timeline,
    longBeforeRun: longBeforeRun.map((t) => t.duration), longDuringRun: longDuringRun.map((t) => t.duration),
  };
}

function cliRound() {
  const time = (args) => {
    const start = process.hrtime.bigint();
    execFileSync(native, [...args, '--quiet', '--threads', String(threads), '--out', '/dev/null'], { maxBuffer: 1 << 28 });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const color = time(['color', colorFile]);
  const concept = time(['concept', ...llmFiles, '--iterations', String(iterations), '--burn-in', String(burnIn), '--chains', '1']);
  return { color, concept, total: color + concept };
}

const { server, origin } = await startServer(site);
const browser = await launchBrowser();
const pages = [];
const clis = [];
try {
  for (let round = 0; round < rounds; round++) {
    pages.push(await pageRound(browser, origin));
    clis.push(cliRound());
    const p = pages.at(-1);
    const c = clis.at(-1);
    console.log(`round ${round + 1}: page ready ${(p.ready / 1000).toFixed(2)} s, page analysis ${(p.phases.analysis.wall / 1000).toFixed(2)} s, ` +
      `CLI ${(c.total / 1000).toFixed(2)} s`);
  }
} finally {
  await browser.close();
  server.kill();
}

const best = (list, key) => list.reduce((a, b) => (key(b) < key(a) ? b : a));
const page = best(pages, (p) => p.phases.analysis.wall);
const readyBest = Math.min(...pages.map((p) => p.ready));
const cli = best(clis, (c) => c.total);
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\ncolorref.csv + ${llmFiles.length} LLM similarity files (${iterations} iterations, 1 chain), best of ${rounds} alternating rounds`);
console.log('page phase       wall      work (all workers)  measures');
for (const [phase, t] of Object.entries(page.phases)) {
  console.log(`${phase.padEnd(15)} ${s(t.wall).padStart(8)}  ${s(t.work).padStart(10)}  ${String(t.count).padStart(16)}`);
}
const longest = (list) => (list.length ? Math.max(...list).toFixed(0) : '0');
console.log(`main-thread tasks over 50 ms: ${page.longBeforeRun.length} while reading (longest ${longest(page.longBeforeRun)} ms), ` +
  `${page.longDuringRun.length} during the run (longest ${longest(page.longDuringRun)} ms)`);
console.log(`drop to Run enabled (reading and inspection${drag > 0 ? `, after a drag of ${drag} ms` : ''}): ${s(readyBest)}`);
console.log(`CLI: colour ${s(cli.color)} + similarity ${s(cli.concept)} = ${s(cli.total)} (one process at a time, ${threads} thread${threads === 1 ? '' : 's'}; the page had ${page.workers} worker${page.workers === 1 ? '' : 's'})`);
console.log(`page analysis / CLI: ${(page.phases.analysis.wall / cli.total).toFixed(2)}; ` +
  `with drawing the results: ${((page.phases.analysis.wall + page.phases.rendering.wall) / cli.total).toFixed(2)}`);
if (process.argv.includes('--timeline')) {
  console.log('\ntimeline of the best round (s from the click on Run)');
  for (const m of page.timeline) console.log(`${m.name.padEnd(15)} ${(m.from / 1000).toFixed(2).padStart(7)} → ${(m.to / 1000).toFixed(2).padStart(7)}`);
}
