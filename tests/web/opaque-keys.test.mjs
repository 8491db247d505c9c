// Opaque keys (web/src/charts/opaque-keys.ts): names that Vega groups or
// orders by carry an invisible prefix, values drawn as they are do not.
// Bundled with esbuild as in chain-scheduler.test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(mkdtempSync(join(tmpdir(), 'shoal-opaque-')), 'opaque-keys.mjs');
execFileSync(join(root, 'web/node_modules/.bin/esbuild'),
  [join(root, 'web/src/charts/opaque-keys.ts'), '--bundle', '--format=esm', '--platform=node', `--outfile=${out}`]);
const { withOpaqueKeys, KEY_PREFIX } = await import(pathToFileURL(out).href);

// The shape of the colour-bars figure: a nominal word facet and each mark's
// own colour drawn as it is.
const bars = (rows) => ({
  data: { values: rows },
  facet: { column: { field: 'word', type: 'nominal', sort: ['constructor', 'tomato'] } },
  spec: {
    mark: 'rect',
    encoding: {
      y: { field: 'population', type: 'nominal' },
      x: { field: 'rank', type: 'quantitative' },
      color: { field: 'colour', type: 'nominal', scale: null },
    },
  },
});

test('a colour drawn as it is (scale: null) keeps its value, while grouped names get the prefix', () => {
  const spec = withOpaqueKeys(bars([{ word: 'constructor', population: '__proto__', rank: 1, colour: '#ff6347' }]));
  const row = spec.data.values[0];
  assert.equal(row.colour, '#ff6347');
  assert.equal(row.word, KEY_PREFIX + 'constructor');
  assert.equal(row.population, KEY_PREFIX + '__proto__');
  assert.equal(row.rank, 1);
  assert.deepEqual(spec.facet.column.sort, [KEY_PREFIX + 'constructor', KEY_PREFIX + 'tomato']);
});

test('a field drawn as it is in one encoding is not prefixed even if another groups by it', () => {
  const spec = bars([{ word: 'w', population: 'p', rank: 1, colour: '#000000' }]);
  spec.spec.encoding.detail = { field: 'colour', type: 'nominal' };
  assert.equal(withOpaqueKeys(spec).data.values[0].colour, '#000000');
});
