// The concept analysis in wasm, with its chains dealt out to several module
// instances as the page's workers do, must give the native CLI's report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertSameReport, filesFor, loadShoal, native, nativeReport, settingsText, shared } from './support.mjs';

const responses = path.join(shared, 'paper-data/concept-task/llm-responses');
const paths = [
  path.join(responses, 'openchat-prompt=random-temp=default.csv'),
  path.join(responses, 'zephyr-mistral-prompt=none-temp=default.csv'),
];

const request = settingsText({ iterations: 120, 'burn-in': 20, chains: 3, subsets: '25,50', seed: 9, bootstrap: 500, 'max-iterations': 240 });

test('chains spread over three module instances, two of them given only the clustering inputs, assemble into the CLI report', async () => {
  const workers = await Promise.all([loadShoal(), loadShoal(), loadShoal()]);
  const files = filesFor(paths);
  const plan = workers[0].planConcept(files, request);
  assert.equal(plan.ok, true, plan.error.message);
  const tasks = JSON.parse(plan.report).tasks;
  const costs = plan.data.slice();
  assert.equal(costs.length, tasks);
  assert.ok(tasks % 3 === 0 && tasks >= 2 * 20 * 3, `${tasks} tasks`);  // 2 files, 20 concepts, 1-2 subsets, 3 chains

  // As the page does: the instance that parsed the files hands the others
  // what the chains need as bytes, a small part of the files' text.
  const encoded = workers[0].clusteringInputs(files);
  assert.equal(encoded.ok, true, encoded.error.message);
  const clustering = encoded.data.slice();
  const textBytes = files.reduce((t, f) => t + f.bytes.length, 0);
  assert.ok(clustering.length > 0 && clustering.length < textBytes / 10, `${clustering.length} of ${textBytes} bytes`);

  const progress = [];
  const results = workers.map((worker, w) => {
    const mine = [...Array(tasks).keys()].filter((i) => i % workers.length === w);
    const outcome = w === 0
      ? worker.runConceptChains(files, request, mine, (fraction) => progress.push(fraction))
      : worker.runClusteredChains(clustering, request, mine, (fraction) => progress.push(fraction));
    assert.equal(outcome.ok, true, outcome.error.message);
    return outcome.data.slice();
  });
  assert.ok(progress.length > 0 && progress.every((f) => f > 0 && f <= 1));
  const assembled = workers[1].assembleConcept(files, request, results.reverse(), null, null);
  assert.equal(assembled.ok, true, assembled.error.message);
  assertSameReport(assembled.report, nativeReport('concept', paths,
    ['--iterations', '120', '--burn-in', '20', '--chains', '3', '--subsets', '25,50', '--seed', '9', '--bootstrap', '500', '--max-iterations', '240']));
});

test('chains run by an instance that parsed only one of the files, matched by key, assemble into the CLI report', async () => {
  const [whole, part] = await Promise.all([loadShoal(), loadShoal()]);
  const files = filesFor(paths);
  const plan = whole.planConcept(files, request);
  assert.equal(plan.ok, true, plan.error.message);
  const { tasks, keys } = JSON.parse(plan.report);
  const partPlan = part.planConcept(files.slice(1), request);
  assert.equal(partPlan.ok, true, partPlan.error.message);
  const partKeys = JSON.parse(partPlan.report).keys;
  assert.ok(partKeys.length > 0 && partKeys.length < tasks);
  assert.ok(partKeys.every((k) => keys.includes(k)));
  // A result is a view of the module's memory until the next call: copied at once.
  const partRun = part.runConceptChains(files.slice(1), request, [...partKeys.keys()], null);
  assert.equal(partRun.ok, true, partRun.error.message);
  const partData = partRun.data.slice();
  const rest = [...Array(tasks).keys()].filter((i) => !partKeys.includes(keys[i]));
  const wholeRun = whole.runConceptChains(files, request, rest, null);
  assert.equal(wholeRun.ok, true, wholeRun.error.message);
  const wholeData = wholeRun.data.slice();
  const assembled = whole.assembleConcept(files, request, [partData, wholeData], [partKeys, null], null);
  assert.equal(assembled.ok, true, assembled.error.message);
  assertSameReport(assembled.report, nativeReport('concept', paths,
    ['--iterations', '120', '--burn-in', '20', '--chains', '3', '--subsets', '25,50', '--seed', '9', '--bootstrap', '500', '--max-iterations', '240']));

  // A chain whose key the plan does not have stands for none of its tasks.
  const wrong = whole.assembleConcept(files, request, [partData, wholeData],
    [partKeys.map((k, i) => (i === 0 ? '0'.repeat(64) : k)), null], null);
  assert.equal(wrong.ok, false);
  assert.match(wrong.error.message, /missing/);
});

test('the Gibbs kernel in wasm gives the CLI report of --kernel gibbs', async () => {
  const shoal = await loadShoal();
  const files = filesFor(paths.slice(0, 1));
  const gibbs = { ...request, kernel: 'gibbs', chains: '2', 'min-people': '1' };
  const tasks = JSON.parse(shoal.planConcept(files, gibbs).report).tasks;
  const run = shoal.runConceptChains(files, gibbs, [...Array(tasks).keys()], null);
  assert.equal(run.ok, true, run.error.message);
  const assembled = shoal.assembleConcept(files, gibbs, [run.data.slice()], null, null);
  assert.equal(assembled.ok, true, assembled.error.message);
  assert.equal(JSON.parse(assembled.report).parameters.kernel, 'gibbs');
  assert.equal(JSON.parse(assembled.report).parameters.min_people, 1);
  assertSameReport(assembled.report, nativeReport('concept', paths.slice(0, 1),
    ['--kernel', 'gibbs', '--iterations', '120', '--burn-in', '20', '--chains', '2', '--subsets', '25,50', '--seed', '9',
      '--bootstrap', '500', '--min-people', '1', '--max-iterations', '240']));
});

test('missing chain results and bad options come back as errors', async () => {
  const shoal = await loadShoal();
  const files = filesFor(paths.slice(0, 1));
  const partial = shoal.runConceptChains(files, request, [0, 1], null).data.slice();
  const assembled = shoal.assembleConcept(files, request, [partial], null, null);
  assert.equal(assembled.ok, false);
  assert.match(assembled.error.message, /missing/);
  const stale = shoal.runClusteredChains(new Uint8Array([1, 2, 3, 4, 5]), request, [0], null);
  assert.equal(stale.ok, false);
  assert.match(stale.error.message, /clustering inputs/);
  const bad = shoal.planConcept(files, { ...request, 'burn-in': '500' });
  assert.equal(bad.ok, false);
  assert.match(bad.error.message, /burn-in/);
  const badKernel = shoal.planConcept(files, { ...request, kernel: 'metropolis' });
  assert.equal(badKernel.ok, false);
  assert.match(badKernel.error.message, /kernel/);
  const badMinPeople = shoal.planConcept(files, { ...request, 'min-people': '-1' });
  assert.equal(badMinPeople.ok, false);
  assert.match(badMinPeople.error.message, /^min-people .* got '-1'$/);
});

test('chain results of another layout, and a file given in part, are refused with what is wrong', async () => {
  const shoal = await loadShoal();
  const files = filesFor(paths.slice(0, 1));
  const tasks = JSON.parse(shoal.planConcept(files, request).report).tasks;
  const results = shoal.runConceptChains(files, request, [...Array(tasks).keys()], null).data.slice();
  // The first chain's draws start with their layout: 1 was every number one to a double.
  const draws = 15 + results[1] * 5 + results[2] + results[3];
  assert.equal(results[draws], 2);
  results[draws] = 1;
  const assembled = shoal.assembleConcept(files, request, [results], null, null);
  assert.equal(assembled.ok, false);
  assert.equal(assembled.error.message, "chain results are of another layout than this version reads (their draws' layout 1, not 2)");
  // A page's file states its size: fewer bytes than that are not analysed as if they were the file.
  const released = shoal.planConcept([{ ...files[0], bytes: new Uint8Array(), size: files[0].bytes.length, sha256: 'f'.repeat(64) }], request);
  assert.equal(released.ok, false);
  assert.equal(released.error.message,
    `${files[0].name} is ${files[0].bytes.length} bytes, but 0 of them were given: it cannot be analysed in part`);
});

test('a ChoiceNumber other than 0 or 1 is reported with file, row and column', async () => {
  const shoal = await loadShoal();
  const text = 'Concept,ID,Question,ChoiceNumber\na finch,0,a robin a seal,0\na finch,0,a robin an eagle,2\na finch,1,a robin a seal,1\n';
  const outcome = shoal.planConcept([{ name: 'judgements.csv', bytes: new TextEncoder().encode(text) }], request);
  assert.equal(outcome.ok, false);
  assert.equal(outcome.error.file, 'judgements.csv');
  assert.equal(outcome.error.row, 3);
  assert.equal(outcome.error.column, 'ChoiceNumber');
});

test('an instance parses the same files once, reports the bytes parsed, and parses again when a file or its settings change', async () => {
  const shoal = await loadShoal();
  const files = filesFor(paths.slice(0, 2));
  const total = files.reduce((t, f) => t + f.bytes.length, 0);
  const reads = [];
  shoal.onInputRead((bytes) => reads.push(bytes));
  const plan = shoal.planConcept(files, request);
  assert.equal(plan.ok, true, plan.error.message);
  assert.deepEqual(reads, [files[0].bytes.length, total]);

  reads.length = 0;
  const tasks = [...Array(JSON.parse(plan.report).tasks).keys()];
  const chains = shoal.runConceptChains(files, request, tasks, null);
  assert.equal(chains.ok, true, chains.error.message);
  assert.deepEqual(reads, []);  // the same names, bytes and settings: parsed already
  const results = [chains.data.slice()];
  const first = JSON.parse(shoal.assembleConcept(files, request, results, null, null).report);
  assert.deepEqual(reads, []);

  const renamed = files.map((f, i) => (i === 0 ? { ...f, settings: { labels: { name: 'renamed' } } } : f));
  const second = JSON.parse(shoal.assembleConcept(renamed, request, results, null, null).report);
  assert.deepEqual(reads, [files[0].bytes.length, total]);
  assert.deepEqual(second.populations.map((p) => p.name), ['renamed', first.populations[1].name]);

  // Files given with their SHA-256 are known by it: the same fingerprints
  // are the same files, and other bytes under them are not looked at.
  reads.length = 0;
  const fingerprinted = files.map((f, i) => ({ ...f, sha256: `sha-of-file-${i}` }));
  assert.equal(shoal.planConcept(fingerprinted, request).ok, true);
  assert.equal(reads.length, 2);
  const sameFingerprints = fingerprinted.map((f) => ({ ...f, bytes: new Uint8Array() }));
  assert.equal(shoal.planConcept(sameFingerprints, request).ok, true);
  assert.equal(reads.length, 2);

  reads.length = 0;
  const changed = files.map((f, i) => (i === 1 ? { ...f, bytes: f.bytes.slice(0, f.bytes.lastIndexOf(10, f.bytes.length - 2) + 1) } : f));
  assert.equal(shoal.planConcept(changed, request).ok, true);
  assert.equal(reads.length, 2);
  shoal.onInputRead(null);
});

test('the files are read in turn, each as its parse comes, and give the report of files read at once', async () => {
  const shoal = await loadShoal();
  const files = filesFor(paths.slice(0, 2));
  const events = [];
  const inTurn = files.map((f, i) => ({ name: f.name, size: f.bytes.length, get bytes() { events.push(`read ${i}`); return f.bytes; } }));
  shoal.onInputRead((bytes) => events.push(`parsed ${bytes}`));
  const plan = shoal.planConcept(inTurn, request);
  shoal.onInputRead(null);
  assert.equal(plan.ok, true, plan.error.message);
  // Each file's bytes once for its fingerprint (none given), then once as its parse comes.
  assert.deepEqual(events, ['read 0', 'read 1', 'read 0', `parsed ${files[0].bytes.length}`, 'read 1',
    `parsed ${files[0].bytes.length + files[1].bytes.length}`]);
  const tasks = [...Array(JSON.parse(plan.report).tasks).keys()];
  const results = [shoal.runConceptChains(inTurn, request, tasks, null).data.slice()];
  const fromTurns = shoal.assembleConcept(inTurn, request, results, null, null);
  const whole = await loadShoal();
  const atOnce = whole.assembleConcept(files, request, results, null, null);
  assert.equal(fromTurns.ok, true, fromTurns.error.message);
  assertSameReport(fromTurns.report, atOnce.report);
});

// Each chain of chain results (runConceptChains' Float64Array) on its own, by
// task index: the header is task, recorded, seating, state and draws sizes,
// then the last and MAP records (see core/concept/chain_codec.cpp).
function byTask(data, into = new Map()) {
  for (let at = 0; at < data.length;) {
    const end = at + 15 + data[at + 1] * 5 + data[at + 2] + data[at + 3] + data[at + 4];
    into.set(data[at], data.slice(at, end));
    at = end;
  }
  return into;
}

// Run until converged as the page runs it: instance 0 judges each round on
// the results so far (the first round every cell, later ones the cells just
// continued), the round's chains are dealt out to the instances (the others
// given the clustering inputs), later rounds' tasks after earlier ones.
function continueOver(workers, files, settings, chains) {
  const clustering = workers.length > 1 ? workers[0].clusteringInputs(files).data.slice() : null;
  const continued = [];
  const rounds = [];
  for (let judged = null; ;) {
    const given = judged ? judged.map((t) => chains.get(t)) : [...chains.keys()].sort((a, b) => a - b).map((t) => chains.get(t));
    const round = workers[0].continuationRound(files, settings, given, null, continued);
    assert.equal(round.ok, true, round.error.message);
    const { tasks, work, taskBytes } = JSON.parse(round.report);
    if (tasks.length === 0) break;
    rounds.push(tasks.length);
    assert.ok(work.every((w) => w > 0));
    const bytes = round.data.slice();
    const entries = tasks.map((task, i) => ({ task, bytes: bytes.slice(i * taskBytes, (i + 1) * taskBytes) }));
    // Dealt out back to front, so that no instance takes the chains in plan order.
    workers.forEach((worker, w) => {
      const mine = entries.filter((_, i) => i % workers.length === w).reverse();
      if (mine.length === 0) return;
      const results = mine.map((e) => chains.get(e.task));
      const outcome = w === 0
        ? worker.continueConceptChains(files, settings, mine, results, null)
        : worker.continueClusteredChains(clustering, settings, mine, results, null);
      assert.equal(outcome.ok, true, outcome.error.message);
      byTask(outcome.data.slice(), chains);
    });
    continued.push(...entries);
    judged = tasks;
  }
  return { continued, rounds };
}

test('run until converged with 4 chains, its rounds on the instances: the same report from 1 instance, from 4, and from the CLI', async () => {
  const adaptive = settingsText({ ...request, iterations: 40, 'burn-in': 8, chains: 4, subsets: '25', 'max-iterations': 160, seed: 2 });
  const files = filesFor(paths.slice(0, 1));
  const reports = [];
  for (const count of [1, 4]) {
    const workers = await Promise.all(Array.from({ length: count }, () => loadShoal()));
    const plan = workers[0].planConcept(files, adaptive);
    assert.equal(plan.ok, true, plan.error.message);
    const tasks = JSON.parse(plan.report).tasks;
    const chains = new Map();
    workers.forEach((worker, w) => {
      const outcome = worker.runConceptChains(files, adaptive, [...Array(tasks).keys()].filter((i) => i % count === w), null);
      assert.equal(outcome.ok, true, outcome.error.message);
      byTask(outcome.data.slice(), chains);
    });
    const { continued, rounds } = continueOver(workers, files, adaptive, chains);
    // 40 → 80 → 160: two rounds at most, the second on fewer cells.
    assert.ok(rounds.length >= 1 && rounds.length <= 2, `rounds ${rounds}`);
    assert.ok(rounds.every((n) => n % 4 === 0));
    const assembled = workers.at(-1).assembleConcept(files, adaptive, [...chains.values()].reverse(), null, continued);
    assert.equal(assembled.ok, true, assembled.error.message);
    reports.push(assembled.report);
  }
  const report = JSON.parse(reports[0]);
  const iterations = report.populations[0].concepts.map((c) => c.subsets[0].convergence.iterations);
  assert.ok(iterations.some((n) => n > 40), 'some cell was continued');
  assert.equal(reports[1], reports[0]);
  assertSameReport(reports[0], nativeReport('concept', paths.slice(0, 1),
    ['--iterations', '40', '--burn-in', '8', '--chains', '4', '--subsets', '25', '--seed', '2', '--bootstrap', '500',
      '--max-iterations', '160']));
});

test('concepts summarised ahead of the assembly, their chains then left out, give the CLI report', async () => {
  // As the page's first worker does: each concept once its chains are done
  // and none will be continued (after the rounds), its entry of the report
  // written then; min-people 30 leaves the 25-people subsets out of the means.
  const early = settingsText({ ...request, iterations: 40, 'burn-in': 8, chains: 4, subsets: '25,50', 'max-iterations': 160, seed: 2, 'min-people': 30 });
  const files = filesFor(paths);
  const workers = await Promise.all([loadShoal(), loadShoal()]);
  const plan = workers[0].planConcept(files, early);
  assert.equal(plan.ok, true, plan.error.message);
  const { tasks, concepts, final } = JSON.parse(plan.report);
  assert.equal(concepts.length, tasks);
  assert.equal(final, false);   // four chains: rounds may continue them
  const chains = new Map();
  workers.forEach((worker, w) => {
    const outcome = worker.runConceptChains(files, early, [...Array(tasks).keys()].filter((i) => i % 2 === w), null);
    assert.equal(outcome.ok, true, outcome.error.message);
    byTask(outcome.data.slice(), chains);
  });
  const { continued } = continueOver(workers, files, early, chains);
  // Every other concept summarised in two calls, in no particular order.
  const ahead = [...new Set(concepts)].filter((k) => k % 2 === 0);
  const ownTasks = (list) => concepts.flatMap((k, t) => (list.includes(k) ? [t] : []));
  for (const part of [ahead.filter((k) => k % 4 === 2), ahead.filter((k) => k % 4 === 0)]) {
    const done = workers[0].summariseConcepts(files, early, ownTasks(part).map((t) => chains.get(t)), continued, part);
    assert.equal(done.ok, true, done.error.message);
  }
  // A concept must come with all its chains.
  const missing = workers[0].summariseConcepts(files, early, [chains.get(ownTasks([1])[0])], continued, [1]);
  assert.match(missing.error.message, /all its chains/);
  const rest = [...chains.keys()].filter((t) => !ownTasks(ahead).includes(t)).map((t) => chains.get(t));
  const assembled = workers[0].assembleConcept(files, early, rest, null, continued);
  assert.equal(assembled.ok, true, assembled.error.message);
  const report = JSON.parse(assembled.report);
  assert.ok(report.populations.some((p) => p.concepts.some((c) => c.below_min_people)));
  assert.ok(report.populations.some((p) => p.concepts.some((c) => !c.below_min_people)));
  assertSameReport(assembled.report, nativeReport('concept', paths,
    ['--iterations', '40', '--burn-in', '8', '--chains', '4', '--subsets', '25,50', '--seed', '2', '--bootstrap', '500',
      '--max-iterations', '160', '--min-people', '30']));
  // The summaries are used once: the next assembly needs every chain again.
  const again = workers[0].assembleConcept(files, early, rest, null, continued);
  assert.equal(again.ok, false);
});

test('continued chains must be of this analysis, and a round judges whole cells', async () => {
  const adaptive = settingsText({ ...request, iterations: 40, 'burn-in': 8, chains: 4, subsets: '25', 'max-iterations': 160, seed: 2 });
  const shoal = await loadShoal();
  const files = filesFor(paths.slice(0, 1));
  const tasks = JSON.parse(shoal.planConcept(files, adaptive).report).tasks;
  const chains = byTask(shoal.runConceptChains(files, adaptive, [...Array(tasks).keys()], null).data.slice());
  const round = shoal.continuationRound(files, adaptive, [...chains.values()], null, null);
  const { tasks: first, taskBytes } = JSON.parse(round.report);
  const bytes = round.data.slice(0, taskBytes);
  const entry = { task: first[0], bytes };
  // The task's bytes under another task's index are refused.
  const elsewhere = shoal.continueConceptChains(files, adaptive, [{ task: first[0] + 1, bytes }], [chains.get(first[0] + 1)], null);
  assert.equal(elsewhere.ok, false);
  assert.match(elsewhere.error.message, /not one of this analysis/);
  const truncated = shoal.continueConceptChains(files, adaptive, [{ task: first[0], bytes: bytes.slice(1) }], [chains.get(first[0])], null);
  assert.match(truncated.error.message, /malformed/);
  const mismatched = shoal.continueConceptChains(files, adaptive, [entry], [chains.get(first[0] + 1)], null);
  assert.match(mismatched.error.message, /not that chain's/);
  // Three of a cell's four chains cannot be judged.
  const partial = shoal.continuationRound(files, adaptive, [0, 1, 2].map((t) => chains.get(t)), null, null);
  assert.equal(partial.ok, false);
  assert.match(partial.error.message, /judged together/);
});

test('pooled pairs are chain tasks: run on the instances, continued until converged, the same report as the CLI', async () => {
  const pair = [path.join(responses, 'mistral-instruct-prompt=none-temp=default.csv'), paths[1]];
  const pooled = settingsText({ ...request, iterations: 40, 'burn-in': 8, chains: 4, subsets: '25', 'max-iterations': 160, seed: 3 });
  const files = filesFor(pair);
  const workers = await Promise.all([loadShoal(), loadShoal()]);
  const plan = workers[0].planConcept(files, pooled);
  assert.equal(plan.ok, true, plan.error.message);
  const tasks = JSON.parse(plan.report).tasks;
  const chains = new Map();
  workers.forEach((worker, w) => {
    const outcome = worker.runConceptChains(files, pooled, [...Array(tasks).keys()].filter((i) => i % 2 === w).reverse(), null);
    assert.equal(outcome.ok, true, outcome.error.message);
    byTask(outcome.data.slice(), chains);
  });
  const { continued } = continueOver(workers, files, pooled, chains);
  // The pooled cells' chains come after the populations' own (at most 2 × 20 cells of 4 chains).
  assert.ok(continued.some((e) => e.task >= 2 * 20 * 4), 'a pooled cell was continued');
  const assembled = workers[1].assembleConcept(files, pooled, [...chains.values()].reverse(), null, continued);
  assert.equal(assembled.ok, true, assembled.error.message);
  const assembledReport = JSON.parse(assembled.report);
  const shared = assembledReport.shared_concepts;
  // A cell per population, concept and subset (one subset of at most 25), then the pooled ones.
  const ownCells = assembledReport.populations.reduce((t, p) => t + p.concepts.reduce((u, c) => u + c.subsets.length, 0), 0);
  // A pooled cell per concept both answer with 2 people or more.
  assert.ok(shared.length >= 15 && shared.length <= 20, `${shared.length} pooled cells`);
  assert.equal(tasks, 4 * (ownCells + shared.length));
  assert.deepEqual([shared[0].population_a, shared[0].population_b],
    ['mistral-instruct prompt=none temp=default', 'zephyr-mistral prompt=none temp=default']);
  assertSameReport(assembled.report, nativeReport('concept', pair,
    ['--iterations', '40', '--burn-in', '8', '--chains', '4', '--subsets', '25', '--seed', '3', '--bootstrap', '500',
      '--max-iterations', '160']));
  // Named on the command line as on the page: one pair, the same cells.
  const named = settingsText({ ...request, iterations: 40, 'burn-in': 8, chains: 1, subsets: '25', seed: 3,
    pair: 'zephyr-mistral prompt=none temp=default,mistral-instruct prompt=none temp=default' });
  const namedPlan = workers[0].planConcept(files, named);
  assert.equal(namedPlan.ok, true, namedPlan.error.message);
  assert.equal(JSON.parse(namedPlan.report).tasks, ownCells + shared.length);
  const unknown = workers[0].planConcept(files, settingsText({ ...request, pair: 'gpt,zephyr-mistral prompt=none temp=default' }));
  assert.equal(unknown.ok, false);
  assert.match(unknown.error.message, /no population is named 'gpt'/);
});

test('a long file inspected on its first bytes alone gives the report of the whole file inspected, or asks for the whole file', async () => {
  const shoal = await loadShoal();
  const [file] = filesFor(paths.slice(0, 1));
  const sample = shoal.inspectionSample();
  assert.ok(file.bytes.length > 2 * sample, `${file.bytes.length} bytes`);
  const whole = shoal.inspectFile(file);
  assert.equal(whole.ok, true, whole.error.message);
  const head = shoal.inspectFile({ ...file, bytes: file.bytes.slice(0, sample), size: file.bytes.length });
  assert.equal(head.ok, true, head.error.message);
  assert.equal(head.report, whole.report);
  const report = JSON.parse(head.report);
  assert.equal(report.task, 'concept');
  assert.equal(report.bytes, file.bytes.length);
  assert.ok(report.sampled_bytes > sample - 200 && report.sampled_bytes <= sample, `${report.sampled_bytes}`);

  // A quoted field open across the end of the first bytes: they cannot be
  // judged alone, and the report is empty; the whole file is then inspected.
  const quoted = new TextEncoder().encode(`Concept,ID,Question,ChoiceNumber\n"a finch\n${'x'.repeat(sample)}",0,a robin a seal,0\n`);
  const cut = shoal.inspectFile({ name: 'q.csv', bytes: quoted.slice(0, sample), size: quoted.length });
  assert.equal(cut.ok, true, cut.error.message);
  assert.equal(cut.report, '');
  assert.equal(shoal.inspectFile({ name: 'q.csv', bytes: quoted, size: quoted.length }).ok, true);
});

test('a report longer than one JavaScript string may be comes in parts, which together are the CLI report', async () => {
  // 10 individuals × 6 questions per concept, about 45 MB: its report is
  // past the module's 256 MB string. Plain generated answers, seeded.
  const { draws, writeRows } = await import('../benchmarks/generated_inputs.mjs');
  const { int } = draws(11);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shoal-long-report-'));
  try {
    const file = path.join(dir, 'many-concepts.csv');
    await writeRows(file, 'Concept,ID,Question,ChoiceNumber\n', (i) => {
      const concept = Math.floor(i / 60), person = Math.floor((i % 60) / 6), q = i % 6;
      return `c${concept},${person},c${concept}q${q}a c${concept}q${q}b,${int(2)}\n`;
    }, { target: 45e6, group: 60 });
    const args = { iterations: 3, 'burn-in': 1, subsets: 10, bootstrap: 0 };
    const cliReport = path.join(dir, 'cli.json');
    execFileSync(native, ['concept', file, '--quiet', '--out', cliReport, ...Object.entries(args).flatMap(([k, v]) => [`--${k}`, String(v)])]);

    const shoal = await loadShoal();
    const files = filesFor([file]);
    const settings = settingsText(args);
    const plan = shoal.planConcept(files, settings);
    assert.ok(plan.ok, plan.error.message);
    const tasks = JSON.parse(plan.report).tasks;
    const chains = shoal.runConceptChains(files, settings, [...Array(tasks).keys()], null);
    assert.ok(chains.ok, chains.error.message);
    const outcome = shoal.assembleConcept(files, settings, [chains.data.slice()], null, null);
    assert.ok(outcome.ok, outcome.error.message);
    assert.equal(outcome.report, '');
    assert.ok(outcome.reportParts.length > 256, `${outcome.reportParts.length} parts`);
    const expected = readFileSync(cliReport);
    assert.ok(expected.length > 256 * 2 ** 20, `the CLI report is ${expected.length} bytes`);
    assert.ok(Buffer.concat(outcome.reportParts.map((part) => Buffer.from(part))).equals(expected), 'the parts differ from the CLI report');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
