// Rank plots' numbers (web/src/charts/convergence-charts.ts): the counted
// draws of all chains ranked together, ties sharing their average rank, then
// each chain's ranks in bins. Bundled with esbuild as in chain-scheduler.test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(mkdtempSync(join(tmpdir(), 'shoal-ranks-')), 'convergence-charts.mjs');
execFileSync(join(root, 'web/node_modules/.bin/esbuild'),
  [join(root, 'web/src/charts/convergence-charts.ts'), '--bundle', '--format=esm', '--platform=node', `--outfile=${out}`]);
const { rankRows } = await import(pathToFileURL(out).href);

const trace = (values, first = 0) => ({ iteration: values.map((_, i) => first + i), tables: values, pSameTable: values });
const perChain = (rows, chain) => rows.filter((r) => r.chain === chain).map((r) => r.draws);

test('a chain stuck apart has all its ranks at one end; only draws from the burn-in on count', () => {
  // Two chains of 20 draws; the burn-in leaves the last 10 of each. Chain 1
  // holds the 10 smallest values, chain 2 the 10 largest.
  const low = trace([...Array(10).fill(99), ...Array.from({ length: 10 }, (_, i) => i)]);
  const high = trace([...Array(10).fill(-99), ...Array.from({ length: 10 }, (_, i) => 100 + i)]);
  const rows = rankRows([low, high], 'tables', 10);
  // 20 counted draws, 10 per chain: 2 bins (at least 5 draws per chain per bin).
  assert.deepEqual(perChain(rows, 'chain 1'), [10, 0]);
  assert.deepEqual(perChain(rows, 'chain 2'), [0, 10]);
  assert.ok(rows.every((r) => r.expected === 5));
});

test('tied draws share their average rank and so one bin; mixed chains fill the bins alike', () => {
  // 40 draws of one value and 40 of another, each chain half and half: the
  // ties rank 20.5 and 60.5, the middles of the two halves.
  const a = trace([...Array(20).fill(1), ...Array(20).fill(2)]);
  const b = trace([...Array(20).fill(2), ...Array(20).fill(1)]);
  const rows = rankRows([a, b], 'pSameTable', 0);
  const bins = perChain(rows, 'chain 1').length;
  assert.equal(bins, 8);
  assert.deepEqual(perChain(rows, 'chain 1'), perChain(rows, 'chain 2'));
  assert.equal(perChain(rows, 'chain 1').reduce((t, n) => t + n, 0), 40);
  assert.equal(perChain(rows, 'chain 1').filter((n) => n > 0).length, 2);
  assert.deepEqual(rankRows([a, b], 'pSameTable', 1000), []);
});
