// Runs one adversarial case in the browser module, in its own process so
// that its memory can be measured: reads case.json in the given directory
// and writes wasm-result.json beside it.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, modulePath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8'));
const { default: createShoal } = await import(pathToFileURL(path.resolve(modulePath)).href);
const shoal = await createShoal({ wasmBinary: readFileSync(path.resolve(modulePath).replace(/\.mjs$/, '.wasm')) });

const files = spec.files.map((name) => ({
  name,
  bytes: new Uint8Array(readFileSync(path.join(dir, 'files', name))),
  settings: spec.settings,
}));
const run = {
  color: () => shoal.analyseColor(files, spec.request, null),
  concept: () => {
    const plan = shoal.planConcept(files, spec.request);
    // `complete`: the whole analysis, as the page's calls make it (plan, every
    // chain, assembly), in one module.
    if (!plan.ok || !spec.complete) return plan;
    const tasks = JSON.parse(plan.report).tasks;
    const chains = shoal.runConceptChains(files, spec.request, [...Array(tasks).keys()], null);
    return chains.ok ? shoal.assembleConcept(files, spec.request, [chains.data.slice()], null, null) : chains;
  },
  values: () => shoal.analyseValues(files, spec.request),
  prompts: () => shoal.makePrompts(spec.request, null, null),
  // The kit's replies: requests and results in, the CSV to analyse out.
  replies: () => shoal.importReplies(files[0], files[1]),
};
const outcome = run[spec.task]();
// A report longer than one string may be comes in parts: written in turn to
// wasm-report.json beside the result, which then names it.
let reportFile = '';
if (outcome.ok && outcome.reportParts) {
  reportFile = path.join(dir, 'wasm-report.json');
  writeFileSync(reportFile, '');
  for (const part of outcome.reportParts) appendFileSync(reportFile, part);
}
writeFileSync(path.join(dir, 'wasm-result.json'), JSON.stringify({
  ok: outcome.ok,
  message: outcome.ok ? '' : outcome.error.message,
  // A concept plan is not a report.
  report: outcome.ok && (spec.task !== 'concept' || spec.complete) ? outcome.report : '',
  reportFile,
  // The module's memory never shrinks: its size now is the most it held.
  heapBytes: shoal.HEAP8.buffer.byteLength,
}));
