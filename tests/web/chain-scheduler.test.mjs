// The page's chain scheduling and result matching (web/src/concept/
// chain-scheduler.ts), without workers: bundled with esbuild from
// web/node_modules (this Node does not strip TypeScript types itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(mkdtempSync(join(tmpdir(), 'shoal-scheduler-')), 'chain-scheduler.mjs');
execFileSync(join(root, 'web/node_modules/.bin/esbuild'),
  [join(root, 'web/src/concept/chain-scheduler.ts'), '--bundle', '--format=esm', '--platform=node', `--outfile=${out}`]);
const { ChainScheduler, ChainResults } = await import(pathToFileURL(out).href);

const plan = (keys, costs) => ({ keys, costs: Float64Array.from(costs ?? keys.map(() => 1)) });

// One chain result as core/concept/chain_codec.cpp writes it: header (task,
// recorded, seating, state sizes, last and MAP records), no records, no
// seating, no state.
const chain = (task) => [task, 0, 0, 0, ...Array(10).fill(0)];

test('every task is taken once, largest first, in batches, across the whole plan and a share', () => {
  const scheduler = new ChainScheduler(2, 2);
  const whole = plan(['a', 'b', 'c', 'd', 'e', 'f'], [5, 1, 4, 1, 3, 2]);
  const share = plan(['e', 'f'], [3, 2]);
  scheduler.setWhole(whole);
  scheduler.addShare(share);
  const fromShare = scheduler.nextBatch(share);
  assert.deepEqual(fromShare, [0]);   // e: the larger, a quarter of the share's cost reached
  // The whole plan takes the tasks of no share first, largest first.
  const first = scheduler.nextBatch(whole);
  assert.deepEqual(first, [0]);
  const taken = [fromShare.map((i) => share.keys[i]), first.map((i) => whole.keys[i])].flat();
  for (let batch = scheduler.nextBatch(whole); batch.length > 0; batch = scheduler.nextBatch(whole)) {
    taken.push(...batch.map((i) => whole.keys[i]));
  }
  assert.deepEqual([...taken].sort(), ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepEqual(scheduler.unclaimed(), []);
});

test('cancelled, no batch is handed out; a failed batch can be taken again', () => {
  const scheduler = new ChainScheduler(1, 1);
  const whole = plan(['a', 'b', 'c']);
  scheduler.setWhole(whole);
  const batch = scheduler.nextBatch(whole);
  assert.deepEqual(batch, [0, 1, 2]);
  scheduler.release(whole, [1]);
  assert.deepEqual(scheduler.unclaimed(), [1]);
  scheduler.cancel();
  assert.deepEqual(scheduler.nextBatch(whole), []);
});

test('a share planned before the whole plan: its tasks the whole plan lacks are not run once it is known', () => {
  const scheduler = new ChainScheduler(1, 1);
  const share = plan(['x', 'a']);
  scheduler.addShare(share);
  scheduler.setWhole(plan(['a', 'b']));
  assert.deepEqual(scheduler.nextBatch(share), [1]);
});

test('results arriving in any order are matched to the whole plan by key', () => {
  const scheduler = new ChainScheduler(2, 1);
  scheduler.setWhole(plan(['a', 'b', 'c']));
  const inOrder = new ChainResults();
  const outOfOrder = new ChainResults();
  const fromWhole = Float64Array.from([...chain(2), ...chain(0)]);
  const fromShare = Float64Array.from(chain(0));   // the share's task 0 is key 'b'
  inOrder.add(fromWhole, null);
  inOrder.add(fromShare, ['b']);
  outOfOrder.add(fromShare, ['b']);
  outOfOrder.add(fromWhole, null);
  const tasksOf = (results) => results.wholePlanChains(scheduler)
    .flatMap((data) => [...data].filter((_, i) => i % 14 === 0)).sort();
  assert.deepEqual(tasksOf(inOrder), [0, 1, 2]);
  assert.deepEqual(tasksOf(outOfOrder), [0, 1, 2]);
  const assembly = outOfOrder.forAssembly();
  assert.deepEqual(assembly.recordedKeys, [['b'], null]);
  assert.equal(assembly.chainResults[1], fromWhole);
});
