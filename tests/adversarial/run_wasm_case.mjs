// Runs one adversarial case in the browser module, in its own process so
// that its memory can be measured: reads case.json in the given directory
// and writes wasm-result.json beside it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, modulePath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8'),
  (key, value) => (value && typeof value === 'object' && 'nonFinite' in value ? Number(value.nonFinite) : value));
const { default: createShoal } = await import(pathToFileURL(path.resolve(modulePath)).href);
const shoal = await createShoal({ wasmBinary: readFileSync(path.resolve(modulePath).replace(/\.mjs$/, '.wasm')) });

const files = spec.files.map((name) => ({
  name,
  bytes: new Uint8Array(readFileSync(path.join(dir, 'files', name))),
  settings: spec.settings,
}));
let outcome;
if (spec.task === 'color') {
  outcome = shoal.analyseColor(files, spec.request, null);
} else {
  outcome = shoal.planConcept(files, spec.request);
  // `complete`: the whole analysis, as the page's calls make it (plan, every
  // chain, assembly), in one module.
  if (outcome.ok && spec.complete) {
    const tasks = JSON.parse(outcome.report).tasks;
    const chains = shoal.runConceptChains(files, spec.request, [...Array(tasks).keys()], null);
    outcome = chains.ok ? shoal.assembleConcept(files, spec.request, [chains.data.slice()]) : chains;
  }
}
writeFileSync(path.join(dir, 'wasm-result.json'), JSON.stringify({
  ok: outcome.ok,
  message: outcome.ok ? '' : outcome.error.message,
  report: outcome.ok && (spec.task === 'color' || spec.complete) ? outcome.report : '',
  // The module's memory never shrinks: its size now is the most it held.
  heapBytes: shoal.HEAP8.buffer.byteLength,
}));
