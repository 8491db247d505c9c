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
const { ChainScheduler, ChainResults, EarlySummaries, RoundScheduler } = await import(pathToFileURL(out).href);

const plan = (keys, costs) => ({ keys, costs: Float64Array.from(costs ?? keys.map(() => 1)) });

// One chain result as core/concept/chain_codec.cpp writes it: header (task,
// recorded, seating, state and draws sizes, last and MAP records), no
// records, no seating, no state, no draws.
const CHAIN_LENGTH = 15;
const chain = (task) => [task, 0, 0, 0, 0, ...Array(10).fill(0)];

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
  const fromWhole = Float64Array.from([...chain(2), ...chain(0)]);
  const fromShare = Float64Array.from([...chain(0), ...chain(1)]);   // the share's task 0 is key 'b', 1 is 'x'
  const settled = (batches) => {
    const results = new ChainResults();
    for (const [data, keys] of batches) results.add(data, keys);
    results.settle(scheduler);
    return results.all().map((data) => [...data]);
  };
  const inOrder = settled([[fromWhole, null], [fromShare, ['b', 'x']]]);
  const outOfOrder = settled([[fromShare, ['b', 'x']], [fromWhole, null]]);
  // One result per whole-plan task, in task order; the share's chain of a
  // key the whole plan lacks is dropped.
  assert.deepEqual(inOrder.map((data) => data[0]), [0, 1, 2]);
  assert.deepEqual(outOfOrder, inOrder);
  const twice = new ChainResults();
  twice.add(fromWhole, null);
  twice.add(Float64Array.from(chain(2)), null);
  assert.throws(() => twice.settle(scheduler), /chain 2 came back twice/);
});

// A chain result with `recorded` iterations, each record marked by `mark`.
const longChain = (task, recorded, mark) => [task, recorded, 0, 0, 0, ...Array(10).fill(0), ...Array(recorded * 5).fill(mark)];

test('continued chains replace the results they continued, whatever order they come back in', () => {
  const scheduler = new ChainScheduler(1, 1);
  scheduler.setWhole(plan(['a', 'b', 'c']));
  const run = () => {
    const results = new ChainResults();
    results.add(Float64Array.from([...longChain(0, 2, 1), ...longChain(1, 2, 1), ...longChain(2, 2, 1)]), null);
    results.settle(scheduler);
    return results;
  };
  const first = run();
  const second = run();
  const continuedA = Float64Array.from(longChain(2, 4, 2));
  const continuedB = Float64Array.from([...longChain(0, 4, 2), ...longChain(1, 4, 3)]);
  first.addContinued(continuedA);
  first.addContinued(continuedB);
  second.addContinued(continuedB);
  second.addContinued(continuedA);
  const lengths = (results) => results.all().map((data) => [data[0], data[1], data.at(-1)]);
  assert.deepEqual(lengths(first), [[0, 4, 2], [1, 4, 3], [2, 4, 2]]);
  assert.deepEqual(lengths(second), lengths(first));
  assert.deepEqual(first.of([2, 0]).map((data) => data[0]), [2, 0]);
  assert.throws(() => first.addContinued(Float64Array.from(longChain(7, 1, 0))), /never run/);
  assert.throws(() => first.of([5]), /no result for chain 5/);
});

test('once only the traces are kept, each chain holds its header and recorded iterations, and no seating, state or draws', () => {
  const scheduler = new ChainScheduler(1, 1);
  scheduler.setWhole(plan(['a', 'b']));
  const results = new ChainResults();
  // Chain 1: 2 recorded iterations, a MAP seating of 3, a state of 4 and draws of 5 numbers.
  const full = [1, 2, 3, 4, 5, ...Array(10).fill(7), ...Array(10).fill(8), 0, 1, 0, 9, 9, 9, 9, 6, 6, 6, 6, 6];
  results.add(Float64Array.from([...longChain(0, 1, 4), ...full]), null);
  results.settle(scheduler);
  results.keepTracesOnly();
  const [first, second] = results.all();
  assert.deepEqual([...first], longChain(0, 1, 4));
  assert.deepEqual([...second], [1, 2, 0, 0, 0, ...Array(10).fill(7), ...Array(10).fill(8)]);
});

test('a round is dealt out in batches, largest first, each task once, over rounds', () => {
  const rounds = new RoundScheduler(2, 2);
  rounds.begin({ tasks: [3, 5, 8, 9, 12], work: [1, 6, 2, 2, 5] });
  // A batch holds about a quarter of the round's work (16 / 2 workers / 2 batches).
  const batches = [];
  for (let batch = rounds.nextBatch(); batch.length > 0; batch = rounds.nextBatch()) batches.push(batch);
  assert.deepEqual(batches, [[5], [12], [8, 9], [3]]);
  assert.deepEqual(batches.map((b) => rounds.work(b)), [6, 5, 4, 1]);
  // The next round holds only the tasks it names.
  rounds.begin({ tasks: [5, 12], work: [12, 10] });
  assert.deepEqual([rounds.nextBatch(), rounds.nextBatch(), rounds.nextBatch()], [[5], [12], []]);
});

test('cancelled in the middle of a round, no further batch is handed out, in that round or the next', () => {
  const rounds = new RoundScheduler(1, 4);
  rounds.begin({ tasks: [0, 1, 2, 3], work: [1, 1, 1, 1] });
  assert.deepEqual(rounds.nextBatch(), [0]);
  rounds.cancel();
  assert.deepEqual(rounds.nextBatch(), []);
  rounds.begin({ tasks: [4], work: [1] });
  assert.deepEqual(rounds.nextBatch(), []);
});

test('a concept is summarised early once all its chains are held and final, once, pooled cells never', () => {
  // Tasks 0-1: concept 0; 2-4: concept 1; 5: a pooled cell; 6: concept 2.
  const conceptOf = [0, 0, 1, 1, 1, -1, 2];
  const planned = new EarlySummaries(conceptOf, true);
  planned.hold([1, 2, 5]);
  assert.deepEqual(planned.take(), { concepts: [], tasks: [] });
  planned.hold([0, 3]);
  assert.deepEqual(planned.take(), { concepts: [0], tasks: [0, 1] });
  planned.hold([4, 6]);
  assert.deepEqual(planned.take(), { concepts: [1, 2], tasks: [2, 3, 4, 6] });
  planned.hold([0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(planned.take(), { concepts: [], tasks: [] });

  // Chains a round may continue are final only once judged and not continued.
  const rounds = new EarlySummaries(conceptOf, false);
  rounds.hold([0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(rounds.take(), { concepts: [], tasks: [] });
  rounds.judged('all', [3, 4, 6]);
  assert.deepEqual(rounds.take(), { concepts: [0], tasks: [0, 1] });
  // The continued chains come back; the next round judges them alone.
  rounds.hold([3, 4, 6]);
  rounds.judged([3, 4, 6], [6]);
  assert.deepEqual(rounds.take(), { concepts: [1], tasks: [2, 3, 4] });
  rounds.hold([6]);
  rounds.judged([6], []);
  assert.deepEqual(rounds.take(), { concepts: [2], tasks: [6] });
});

test('with concepts known, a concept\'s tasks are taken together, the costliest concepts first', () => {
  const scheduler = new ChainScheduler(1, 1);
  // Concept 0: tasks 0 (cost 5) and 3 (1); concept 1: 1 (4) and 2 (3); a pooled cell: 4 (6).
  const whole = { ...plan(['a', 'b', 'c', 'd', 'e'], [5, 4, 3, 1, 6]), concepts: [0, 1, 1, 0, -1] };
  scheduler.setWhole(whole);
  // One task a batch, in order: concept 1 (7); then, at equal cost, concept
  // 0 (6) before the pooled cell (6), which comes after every concept.
  const order = [];
  const batches = new ChainScheduler(1, 100);
  batches.setWhole(whole);
  for (let batch = batches.nextBatch(whole); batch.length > 0; batch = batches.nextBatch(whole)) order.push(...batch);
  assert.deepEqual(order, [1, 2, 0, 3, 4]);
  // A batch as large as the plan takes it whole.
  assert.deepEqual(scheduler.nextBatch(whole), [0, 1, 2, 3, 4]);
});
