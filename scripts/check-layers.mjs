// Checks that the C++ layers point one way: every `#include "folder/..."` in
// core/ and wasm/ names a folder in the same layer or a lower one.
//   node scripts/check-layers.mjs [ROOT]
// Prints each upward include as file:line with the two layers and exits 1;
// prints nothing and exits 0 when there is none. A folder of core/ that is in
// no layer is an error too, so that a new folder is given its place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Lowest first. Folders in one layer may include each other.
const layers = [
  { name: 'io and stats', folders: ['io', 'stats'] },
  { name: 'domains', folders: ['color', 'concept', 'values', 'kit'] },
  { name: 'compare', folders: ['compare'] },
  { name: 'report', folders: ['report'] },
  { name: 'analysis', folders: ['analysis'] },
  { name: 'entry points', folders: ['cli', 'wasm'] },
];
const layerOf = new Map(layers.flatMap((layer, rank) => layer.folders.map((f) => [f, { ...layer, rank, folder: f }])));

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const source = /\.(cpp|hpp|h)$/;
const include = /^\s*#\s*include\s*"([^"]+)"/;

function filesUnder(dir) {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : source.test(name) ? [p] : [];
  });
}

const problems = [];
const placed = [];
for (const folder of readdirSync(path.join(root, 'core'))) {
  if (!statSync(path.join(root, 'core', folder)).isDirectory()) continue;
  if (!layerOf.has(folder)) problems.push(`core/${folder}/: in no layer (add it to scripts/check-layers.mjs)`);
  else placed.push(path.join(root, 'core', folder));
}
if (statSync(path.join(root, 'wasm'), { throwIfNoEntry: false })) placed.push(path.join(root, 'wasm'));

for (const dir of placed) {
  const from = layerOf.get(path.basename(dir));
  for (const file of filesUnder(dir)) {
    const shown = path.relative(root, file).split(path.sep).join('/');
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const match = include.exec(line);
      // A header of the file's own folder ("page_files.hpp") stays in its layer.
      const folder = match?.[1].includes('/') ? match[1].split('/')[0] : null;
      const to = folder && layerOf.get(folder);
      if (to && to.rank > from.rank) {
        problems.push(
          `${shown}:${i + 1}: ${from.folder} (layer ${from.name}) includes "${match[1]}" ` +
            `from ${to.folder} (layer ${to.name}), a higher layer`,
        );
      }
    });
  }
}

if (problems.length) {
  console.error(`layers point one way: ${layers.map((l) => l.folders.join(', ')).join(' -> ')}`);
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
