// The wasm build's speed against the native one on the same workloads, in
// one run (ratios, not absolute times, are what carries between machines):
// the CRP sampler on a paper file, and the whole colorref colour analysis.
// Each is timed by the processor time it used (user + system), which a busy
// machine changes much less than the wall-clock time, and by the wall clock.
//   node tests/benchmarks/wasm_vs_native.mjs build/native/shoal build/wasm/shoal.mjs ../shared
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [native, wasmModule, shared] = process.argv.slice(2);
const { default: createShoal } = await import(pathToFileURL(path.resolve(wasmModule)).href);
const shoal = await createShoal({ wasmBinary: readFileSync(path.resolve(wasmModule).replace(/\.mjs$/, '.wasm')) });

const conceptFile = path.join(shared, 'paper-data/concept-task/llm-responses/openchat-prompt=random-temp=default.csv');
const colorFile = path.join(shared, 'paper-data/color-task/colorref.csv');
const file = (p) => [{ name: path.basename(p), bytes: new Uint8Array(readFileSync(p)) }];
// The registry's defaults but four chains, as the native run below.
const request = { chains: '4' };

// The native runs go through GNU time for their processor time.
const timeFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'shoal-bench-')), 'time');
const nativeRun = (args) => () => {
  execFileSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, native, ...args]);
  return readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).reduce((t, s) => t + Number(s) * 1000, 0);
};

// {cpu, wall} in ms; a native run returns its own processor time.
function time(run) {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const childCpu = run();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const own = process.cpuUsage(cpuStart);
  return { cpu: typeof childCpu === 'number' ? childCpu : (own.user + own.system) / 1000, wall };
}

const workloads = {
  'CRP, one paper file, 4 chains (20 concepts x 4 subsets x 500 iterations)': {
    native: nativeRun(['concept', conceptFile, '--chains', '4', '--quiet', '--out', '/dev/null']),
    wasm: () => {
      const plan = shoal.planConcept(file(conceptFile), request);
      const tasks = [...Array(JSON.parse(plan.report).tasks).keys()];
      const chains = shoal.runConceptChains(file(conceptFile), request, tasks, null).data.slice();
      if (!shoal.assembleConcept(file(conceptFile), request, [chains], null, null).ok) throw new Error('assembly failed');
    },
  },
  'colour, all of colorref.csv': {
    native: nativeRun(['color', colorFile, '--quiet', '--out', '/dev/null']),
    wasm: () => {
      if (!shoal.analyseColor(file(colorFile), {}, null).ok) throw new Error('failed');
    },
  },
};

for (const [name, w] of Object.entries(workloads)) {
  const times = { native: [], wasm: [] };
  for (let round = 0; round < 5; round++) {
    times.native.push(time(w.native));
    times.wasm.push(time(w.wasm));
  }
  const best = (list, key) => Math.min(...list.map((t) => t[key]));
  const ratio = (key) => (best(times.wasm, key) / best(times.native, key)).toFixed(2);
  console.log(`${name}: processor time native ${best(times.native, 'cpu').toFixed(0)} ms, wasm ${best(times.wasm, 'cpu').toFixed(0)} ms, ` +
    `wasm/native ${ratio('cpu')}; wall clock wasm/native ${ratio('wall')} (best of 5, alternating)`);
}
