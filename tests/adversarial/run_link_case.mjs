// Runs one `links` case with the page's link code, bundled for Node, in its
// own process so that its memory can be measured: reads link-case.json in
// the given directory and writes link-result.json beside it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, bundle] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(path.join(dir, 'link-case.json'), 'utf8'));
const { decodeLink, embeddedFiles, visibleText } = await import(pathToFileURL(path.resolve(bundle)).href);

// The settings a case's analysis file may state, as the registry states them.
const setting = (name, analyses, fallback) => ({ name, analyses, kind: 'whole', default: fallback, page_default: fallback, on_page: true });
const registry = [setting('seed', ['color', 'concept'], '1'), setting('iterations', ['concept'], '500'), setting('subsets', ['concept'], '25,50,75,100')];

let result;
try {
  const state = await decodeLink(spec.hash, registry);
  const problems = [];
  if (spec.restore) problems.push(...(await embeddedFiles(state)).problems);
  result = problems.length ? { ok: false, message: problems.join(' ') } : { ok: true, names: state.files.map((f) => visibleText(f.name)) };
} catch (error) {
  result = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
writeFileSync(path.join(dir, 'link-result.json'), JSON.stringify(result));
