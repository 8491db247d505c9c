// Peak memory on generated 100 MB inputs, one per format, natively and in
// the browser module, each run in its own process (tests/adversarial/
// peak_memory). Not a test: run by hand, it prints a Markdown table.
//   SHOAL_NATIVE=build/native/shoal SHOAL_WASM=build/wasm/shoal.mjs \
//     node tests/benchmarks/memory_benchmark.mjs [MEGABYTES]
// In the browser module the concept task runs as the page's calls make it
// (plan, every chain, assembly), here in one module. The module's memory is
// its linear memory at the end, which never shrinks (so: the most it held);
// the process's peak adds Node itself and the JavaScript copies of the file
// and the report. Each module report is checked against the command line's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { draws, llmWideHeader, llmWideRow, writeRows as writeRowsOf } from './generated_inputs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const native = process.env.SHOAL_NATIVE ?? 'build/native/shoal';
const wasmModule = process.env.SHOAL_WASM ?? 'build/wasm/shoal.mjs';
const peakMemory = process.env.SHOAL_PEAK_MEMORY ?? path.join(path.dirname(native), 'tests', 'peak_memory');
const target = Number(process.argv[2] ?? 100) * 1e6;
const random = draws(7);
const { int, hex } = random;

// Whole groups only (300 rows: a multiple of every group size below).
const writeRows = (file, header, row, gzip = false) => writeRowsOf(file, header, row, { target, group: 300, gzip });

// Many words with 25 individuals each keep the analysis (pairs per word)
// small, so the run measures reading, not ΔE.
const PEOPLE = 25;
const humanRow = (i) => {
  const person = i % (2 * PEOPLE) >> 1, word = Math.floor(i / (2 * PEOPLE));
  return `${person},w${word},${int(256)},${int(256)},${int(256)},block${(i & 1) + 1}_target_trial\n`;
};
const conceptRow = (i) => {
  // 10 individuals x 6 questions per concept.
  const concept = Math.floor(i / 60), person = Math.floor((i % 60) / 6), q = i % 6;
  return `c${concept},${person},c${concept}q${q}a c${concept}q${q}b,${int(2)}\n`;
};
const formats = [
  ['color', 'human-long CSV', 'human.csv', 'participantID,word,response_r,response_g,response_b,condition\n', humanRow],
  ['color', 'llm-wide CSV', 'llm.csv', llmWideHeader, llmWideRow(PEOPLE, random)],
  ['color', 'plain-long CSV', 'plain.csv', 'population,individual,word,block,colour\n',
    (i) => `gpt,${i % (2 * PEOPLE) >> 1},w${Math.floor(i / (2 * PEOPLE))},${(i & 1) + 1},${hex()}\n`],
  ['color', 'human-long JSON Lines', 'human.jsonl', '', (i) => {
    const [p, w, r, g, b, c] = humanRow(i).trim().split(',');
    return JSON.stringify({ participantID: p, word: w, response_r: +r, response_g: +g, response_b: +b, condition: c }) + '\n';
  }],
  ['color', 'human-long gzip CSV', 'human.csv.gz', 'participantID,word,response_r,response_g,response_b,condition\n', humanRow, true],
  ['concept', 'analysis CSV', 'concept.csv', 'Concept,ID,Question,ChoiceNumber\n', conceptRow],
  ['concept', 'raw-llm CSV', 'raw.csv', 'subject_num,target,choice1,choice2,generation1,generation2\n', (i) => {
    const concept = Math.floor(i / 60), person = Math.floor((i % 60) / 6), q = i % 6;
    return `${person},c${concept},c${concept}q${q}a,c${concept}q${q}b,c${concept}q${q}${int(2) ? 'a' : 'b'},c${concept}q${q}${int(2) ? 'a' : 'b'}\n`;
  }],
];

const options = {
  color: ['--jsd-samples', '100', '--bootstrap', '0'],
  concept: ['--iterations', '3', '--burn-in', '1', '--subsets', '10', '--bootstrap', '0'],
};

const work = mkdtempSync(path.join(os.tmpdir(), 'shoal-memory-'));
const lines = ['| format | file MB | text MB | native peak MB | native / text | module memory MB | module / text | module process peak MB | native s |',
  '|---|---|---|---|---|---|---|---|---|'];
try {
  // SHOAL_BENCH_ONLY=PATTERN measures only the formats whose label matches.
  const only = process.env.SHOAL_BENCH_ONLY ? new RegExp(process.env.SHOAL_BENCH_ONLY) : null;
  for (const [task, label, name, header, row, gzip] of formats.filter((f) => !only || only.test(f[1]))) {
    const file = path.join(work, name);
    const text = await writeRows(file, header, row, gzip);
    const size = statSync(file).size;
    const started = Date.now();
    const run = spawnSync(peakMemory, [path.join(work, 'peak'), native, task, file, '--quiet', '--out', path.join(work, 'out.json'), ...options[task]], { encoding: 'utf8' });
    const seconds = (Date.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`${label}: ${run.stderr}`);
    const nativePeak = Number(readFileSync(path.join(work, 'peak'), 'utf8')) * 1024;

    let moduleBytes = NaN, processPeak = NaN;
    // SHOAL_BENCH_WASM=0 measures the command line only.
    if (process.env.SHOAL_BENCH_WASM !== '0') {
      const dir = path.join(work, 'wasm');
      mkdirSync(path.join(dir, 'files'), { recursive: true });
      rmSync(path.join(dir, 'files', name), { force: true });
      spawnSync('ln', ['-sf', file, path.join(dir, 'files', name)]);
      // The module takes the command line's options as {name: text}.
      const request = {};
      for (let k = 0; k < options[task].length; k += 2) request[options[task][k].slice(2)] = options[task][k + 1];
      writeFileSync(path.join(dir, 'case.json'), JSON.stringify({ task, complete: true, files: [name],
        settings: { format: 'auto', columns: {}, labels: {} }, request }));
      const w = spawnSync(peakMemory, [path.join(work, 'wpeak'), process.execPath, path.join(here, '..', 'adversarial', 'run_wasm_case.mjs'), dir, wasmModule],
        { encoding: 'utf8' });
      const result = w.status === 0 ? JSON.parse(readFileSync(path.join(dir, 'wasm-result.json'), 'utf8')) : { ok: false, message: w.stderr };
      if (result.ok) {
        moduleBytes = result.heapBytes;
        processPeak = Number(readFileSync(path.join(work, 'wpeak'), 'utf8')) * 1024;
        const cli = readFileSync(path.join(work, 'out.json'));
        const same = result.reportFile ? readFileSync(result.reportFile).equals(cli) : result.report === cli.toString('utf8');
        if (!same) console.error(`${label}: the module's report differs from the command line's`);
        if (result.reportFile) rmSync(result.reportFile);
      } else {
        console.error(`${label} (wasm): ${result.message}`);
      }
    }
    const mb = (b) => (Number.isNaN(b) ? 'n/a' : (b / 1e6).toFixed(0));
    const ratio = (b) => (Number.isNaN(b) ? '' : (b / text).toFixed(2));
    lines.push(`| ${label} | ${mb(size)} | ${mb(text)} | ${mb(nativePeak)} | ${ratio(nativePeak)} | ${mb(moduleBytes)} | ${ratio(moduleBytes)} | ${mb(processPeak)} | ${seconds.toFixed(1)} |`);
    console.error(lines.at(-1));
    rmSync(file, { force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(lines.join('\n'));
