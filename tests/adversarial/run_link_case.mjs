// Runs one `links` case with the page's link code, bundled for Node, in its
// own process so that its memory can be measured: reads link-case.json in
// the given directory and writes link-result.json beside it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, bundle] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(path.join(dir, 'link-case.json'), 'utf8'));
const { decodeShare, embeddedFiles, visibleText } = await import(pathToFileURL(path.resolve(bundle)).href);

let result;
try {
  const state = await decodeShare(spec.hash, new Set(['seed', 'iterations', 'subsets']));
  const problems = [];
  if (spec.restore) problems.push(...(await embeddedFiles(state)).problems);
  result = problems.length ? { ok: false, message: problems.join(' ') } : { ok: true, names: state.files.map((f) => visibleText(f.name)) };
} catch (error) {
  result = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
writeFileSync(path.join(dir, 'link-result.json'), JSON.stringify(result));
