// Bundles one of the page's TypeScript modules for Node with esbuild from
// web/node_modules (this Node does not strip TypeScript types itself).
// SHOAL_WEB_SRC points at another checkout's web/src, to run the same tests
// against an older page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webSrc = resolve(process.env.SHOAL_WEB_SRC ?? join(root, 'web/src'));

export async function importPageModule(relative) {
  const out = join(mkdtempSync(join(tmpdir(), 'shoal-web-')), `${basename(relative, '.ts')}.mjs`);
  execFileSync(join(root, 'web/node_modules/.bin/esbuild'),
    [join(webSrc, relative), '--bundle', '--format=esm', '--platform=node', '--log-level=error', `--outfile=${out}`]);
  return import(pathToFileURL(out).href);
}
