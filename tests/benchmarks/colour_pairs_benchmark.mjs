// The colour analysis of one long llm-wide file (by default 42,000
// individuals × 24 words, the models' replies in full: about 100 MB), where
// the pairs of individuals are nearly all the work. Not a test: run by hand,
// it prints a Markdown table. Each RUN is LABEL=COMMAND, the command being
// a shoal binary and options of its own; every run is timed with every
// --threads count, alternating (run 1 with 1 thread, run 2 with 1 thread,
// …, then 2 threads …), so that a drift in the machine's load falls on all
// alike. Times are wall-clock and processor (user + system) seconds as GNU
// time measures them. The reports of one run must be the same bytes for
// every thread count; runs that use every pair must agree on every word's
// population ΔE to 1e-9.
//   node tests/benchmarks/colour_pairs_benchmark.mjs [--people N] [--words N] [--threads 1,2] [--rounds R] \
//     'before=/path/to/old/shoal' 'after=build/native/shoal --all-pairs-up-to 42000' 'sampled=build/native/shoal'
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { draws, llmRepliesHeader, llmRepliesRow, writeRows } from './generated_inputs.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
};
const people = Number(option('--people', 42000));
const words = Number(option('--words', 24));
const threadCounts = option('--threads', '1,2').split(',').map(Number);
const rounds = Number(option('--rounds', 1));
const runs = args.map((text) => {
  const eq = text.indexOf('=');
  const [binary, ...extra] = text.slice(eq + 1).split(/\s+/).filter(Boolean);
  return { label: text.slice(0, eq), binary, extra };
});
if (runs.length === 0) throw new Error('give at least one run: LABEL=SHOAL [options]');

const work = mkdtempSync(path.join(os.tmpdir(), 'shoal-pairs-'));
try {
  const file = path.join(work, 'long-llm-prompt=none-temp=default.csv');
  // One byte is past after the first row: writeRows then completes the
  // group, people × words rows.
  await writeRows(file, llmRepliesHeader, llmRepliesRow(people, draws(11)), { target: 1, group: people * words });
  console.error(`${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${people} individuals × ${words} words`);

  const results = [];
  for (let round = 1; round <= rounds; ++round) {
    for (const threads of threadCounts) {
      for (const run of runs) {
        const out = path.join(work, `${run.label}-${threads}-${round}.json`);
        const timing = path.join(work, 'time');
        const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timing, run.binary, 'color', file, ...run.extra,
          '--threads', String(threads), '--quiet', '--bootstrap', '0', '--out', out], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`${run.label}: ${r.stderr}`);
        const [wall, user, system] = readFileSync(timing, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        const text = readFileSync(out, 'utf8');
        const result = { run: run.label, threads, round, wall, cpu: user + system, text,
          sha: createHash('sha256').update(text).digest('hex').slice(0, 16) };
        results.push(result);
        console.error(`${run.label} --threads ${threads} round ${round}: ${wall.toFixed(1)} s wall, ${result.cpu.toFixed(1)} s processor`);
      }
    }
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const lines = ['| run | command | --threads | wall s | processor s | report |', '|---|---|---|---|---|---|'];
  for (const run of runs) {
    for (const threads of threadCounts) {
      const mine = results.filter((r) => r.run === run.label && r.threads === threads);
      lines.push(`| ${run.label} | \`${[path.basename(run.binary), ...run.extra].join(' ')}\` | ${threads} | ` +
        `${median(mine.map((r) => r.wall)).toFixed(1)} | ${median(mine.map((r) => r.cpu)).toFixed(1)} | ${mine[0].sha} |`);
    }
    const shas = new Set(results.filter((r) => r.run === run.label).map((r) => r.sha));
    if (shas.size !== 1) console.error(`${run.label}: the reports differ between thread counts (${[...shas].join(', ')})`);
  }
  console.log(lines.join('\n'));

  // Every word's population ΔE, run against run: where both used every
  // pair, their relative difference; where the other sampled pairs, the
  // difference in its Monte Carlo standard errors.
  const wordsOf = (label) => JSON.parse(results.find((r) => r.run === label).text).populations.flatMap((p) => p.words);
  const [base, ...others] = runs.map((run) => run.label);
  const exact = wordsOf(base);
  for (const other of others) {
    let worst = 0, compared = 0, worstErrors = 0, sampled = 0;
    wordsOf(other).forEach((w, k) => {
      const x = exact[k];
      if (x.sampled_pairs) return;
      if (w.sampled_pairs) {
        worstErrors = Math.max(worstErrors, Math.abs(w.population_delta_e.mean - x.population_delta_e.mean) / w.sampled_pairs.population_delta_e_mean_mc_error);
        ++sampled;
        return;
      }
      worst = Math.max(worst, Math.abs(x.population_delta_e.mean - w.population_delta_e.mean) / Math.abs(x.population_delta_e.mean));
      ++compared;
    });
    if (compared > 0) console.log(`${other} against ${base}: ${compared} words with every pair in both, largest relative difference of the population ΔE ${worst.toExponential(2)}`);
    if (sampled > 0) console.log(`${other} against ${base}: ${sampled} words sampled, largest difference of the population ΔE ${worstErrors.toFixed(2)} Monte Carlo standard errors`);
    if (worst > 1e-9) process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
