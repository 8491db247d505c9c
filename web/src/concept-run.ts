// The concept analysis across workers. Worker 0 parses every file, as the
// report needs them all, and hands the others what the chains need as bytes
// (a few MB where the files are 100). With two workers or more, each other
// worker first parses a share of the files and starts on their chains as
// soon as it has, so parsing overlaps sampling. A chain is known by its key
// (its seed and answers), so a chain planned on a share runs once, wherever,
// and counts for the task of the whole plan with the same key. Chains are
// taken in batches, a concept's together, costliest first, so the workers
// end together. Then the rounds of run until converged: worker 0 judges, all
// workers continue the chains of the cells that did not pass. Worker 0
// summarises each concept, and writes its entry of the report, as soon as
// its chains are done and final, between its batches; it assembles the
// report from those and the rest at the end. The chains' seeds come from
// their labels and each cell's rounds from its own chains, so the report is
// the CLI's whatever the split.
import type { ContinuedTask, JobFile, JobResult, SettingsText, WorkerProgress } from './worker/protocol';
import type { WorkerPool } from './worker/client';
import { ChainResults, ChainScheduler, EarlySummaries, RoundScheduler, type Plan } from './concept/chain-scheduler';
import { chainViews, renumberChains } from './chain-traces';

export interface ConceptRun {
  report: string;
  reportBlob: Blob | null;   // a report longer than a string may be (report is then empty)
  millis: number;
  workers: number;
  chains: Float64Array[];   // each chain's trace (traceOnly), continued ones at their full length, under the whole plan's task indices
}

// What the analysis has done of what it planned. Work is counted in Gibbs
// iterations × individuals; parsing the files is counted in bytes, converted
// at what a byte costs relative to one individual's iteration (measured on
// the paper's data: parsing 107 MB takes as long as 30-45 million
// individual-iterations).
export interface ConceptProgress {
  bytesRead: number;
  bytesPlanned: number;
  iterationsDone: number;
  iterationsPlanned: number;
  fraction: number;
}

const ITERATIONS_PER_BYTE = 0.35;
// Assembling builds the report with its bootstrap: about an eighth of a
// parse, measured the same way.
const ASSEMBLY_SHARE_OF_A_READ = 0.13;
// A worker takes chains in batches of about this share of its work, so the
// workers end close together and the bar moves.
const BATCHES_PER_WORKER = 8;

// Each share is a run of files from the end of the list, about
// SHARE_OF_BYTES of the bytes each, all the files at most between them. A
// share keeps its worker busy (parsing it, then its chains) until the first
// worker, which parses everything, has the whole plan and the chains' inputs
// for the others; any more is parsed twice for nothing. With two workers on
// the paper's files, 40% against 60% (the old 1.2 × an even split) measured
// 0.99 and 1.22 of the CLI against 1.31 and 1.34, in alternating runs on the
// loaded test machine.
const SHARE_OF_BYTES = 0.4;

function shareFiles(files: JobFile[], shares: number): JobFile[][] {
  if (shares === 0) return [];
  const fraction = Math.min(1, SHARE_OF_BYTES * shares);
  const total = files.reduce((t, f) => t + f.size, 0);
  const target = total * fraction / shares;
  const out: JobFile[][] = [[]];
  let bytes = 0;
  for (let i = files.length - 1; i >= 0; i--) {
    // A file goes to the share whose target its middle falls within.
    if (bytes > 0 && bytes + files[i].size / 2 > target) {
      if (out.length === shares) break;
      out.push([]);
      bytes = 0;
    }
    out.at(-1)!.unshift(files[i]);
    bytes += files[i].size;
  }
  return out.filter((s) => s.length > 0);
}

export async function runConcept(
  pool: WorkerPool,
  files: JobFile[],
  settings: SettingsText,
  onProgress: (progress: ConceptProgress) => void,
  track: (jobIds: number[]) => void,
): Promise<ConceptRun> {
  const started = performance.now();
  // Every worker but the first parses a share, so that none waits the whole
  // parse to start on chains. With two workers the share pays only since
  // the loader holds one file's table at a time (before, the two parses
  // contended for memory): on the paper's files the run is 4% shorter.
  // The page's kept bytes go to worker 0 alone (see JobFile.bytes).
  const shares = shareFiles(files.map(({ bytes: _, ...file }) => file), pool.size - 1);
  const sizeOf = (list: JobFile[]) => list.reduce((t, f) => t + f.size, 0);
  const bytesPlanned = sizeOf(files) + shares.reduce((t, s) => t + sizeOf(s), 0);
  const readWork = bytesPlanned * ITERATIONS_PER_BYTE;
  const assemblyWork = sizeOf(files) * ITERATIONS_PER_BYTE * ASSEMBLY_SHARE_OF_A_READ;

  // Worker 0 parses everything; worker k > 0 parses shares[k - 1].
  const plans: (Plan | null)[] = Array.from({ length: shares.length + 1 }, () => null);
  const bytesRead = plans.map(() => 0);
  const scheduler = new ChainScheduler(pool.size, BATCHES_PER_WORKER);
  let iterationsPlanned = 0;
  let iterationsDone = 0;
  const running = new Map<number, number>();   // job id → its iterations so far
  let shown = 0;
  const report = (assembled: boolean) => {
    const read = bytesRead.reduce((t, b) => t + b, 0);
    const chains = iterationsDone + [...running.values()].reduce((t, i) => t + i, 0);
    // Until the whole plan is known its chains are guessed from the bytes.
    const total = readWork + (iterationsPlanned || readWork * pool.size) + assemblyWork;
    const done = read * ITERATIONS_PER_BYTE + chains + (assembled ? assemblyWork : 0);
    shown = Math.max(shown, Math.min(1, done / total));
    onProgress({ bytesRead: read, bytesPlanned, iterationsDone: chains, iterationsPlanned, fraction: shown });
  };

  const results = new ChainResults();
  const usedWorkers = new Set<number>();

  // Worker 0 summarises each concept once it holds all the concept's chains
  // and none will be continued, between its batches, so that the assembly
  // at the end has only the last concepts left: the CLI spreads the
  // summaries over its threads, and here they overlap the other workers'
  // chains. The summarised chains are dropped from worker 0.
  let early: EarlySummaries | null = null;
  const continued: ContinuedTask[] = [];
  const summarising: Promise<JobResult>[] = [];
  const tasksIn = (data: Float64Array) => chainViews(data).map((c) => c.task).filter((t) => t >= 0);
  const heldOn0 = (tasks: number[]) => {
    if (!early) return;
    early.hold(tasks);
    const ready = early.take();
    if (ready.concepts.length === 0) return;
    const job = pool.run({ kind: 'concept-summarise', files: 'planned', settings, continued: [...continued], ...ready }, undefined, { worker: 0 });
    track([job.id]);
    // Awaited before the assembly; until then a cancelled run's rejection
    // is not left unhandled.
    job.done.catch(() => undefined);
    summarising.push(job.done);
  };
  const allSummarised = async () => {
    for (const result of await Promise.all(summarising.splice(0))) if (!result.ok) throw new Error(result.error.message);
  };

  // Worker 0 assembles the report and holds every chain result: its own it
  // keeps, the others' are sent on as they come back (a share's once the
  // whole plan, which renumbers them, is known).
  const holding: Promise<JobResult>[] = [];
  const waitingForPlan: { data: Float64Array; keys: string[] }[] = [];
  const sendOn = (data: Float64Array, shareKeys: string[] | null) => {
    if (shareKeys && !plans[0]) {
      waitingForPlan.push({ data, keys: shareKeys });
      return;
    }
    const whole = shareKeys ? renumberChains(data, (task) => scheduler.wholeTask(shareKeys[task])) : data;
    const job = pool.run({ kind: 'concept-hold', chainResults: whole }, undefined, { worker: 0 });
    track([job.id]);
    const tasks = tasksIn(whole);
    holding.push(job.done.then((result) => {
      if (result.ok) heldOn0(tasks);
      return result;
    }));
  };
  const allHeld = async () => {
    for (const result of await Promise.all(holding.splice(0))) if (!result.ok) throw new Error(result.error.message);
  };

  // Runs batches from `plan` on worker `w` until none is left: on the files
  // it parsed, or on the whole plan's clustering inputs.
  const runBatches = async (w: number, plan: Plan, source: 'parsed' | Uint8Array) => {
    const fromWhole = plan === plans[0];
    for (let batch = scheduler.nextBatch(plan); batch.length > 0; batch = scheduler.nextBatch(plan)) {
      const cost = batch.reduce((t, i) => t + plan.costs[i], 0);
      const job = pool.run(source === 'parsed'
        ? { kind: 'concept-chains', files: 'planned', settings, tasks: batch, keep: w === 0 }
        : { kind: 'concept-clustered-chains', clustering: source, settings, tasks: batch }, (p) => {
        running.set(job.id, p.fraction * cost);
        report(false);
      }, { worker: w });
      track([job.id]);
      const result = await job.done.catch((e) => {
        scheduler.cancel();
        throw e;
      });
      running.delete(job.id);
      if (!result.ok) {
        scheduler.cancel();
        throw new Error(result.error.message);
      }
      iterationsDone += cost;
      usedWorkers.add(w);
      results.add(result.data as Float64Array, fromWhole ? null : plan.keys);
      if (w !== 0) sendOn(result.data as Float64Array, fromWhole ? null : plan.keys);
      else heldOn0(tasksIn(result.data as Float64Array));
      report(false);
    }
  };

  // Run until converged: worker 0 judges the cells on the results so far
  // and names the chains to continue, with their new lengths; the workers
  // continue them from their saved states, in batches, and the next round
  // judges the cells continued. The work each round adds joins the plan, so
  // the bar slows but never goes back.
  const rounds = new RoundScheduler(pool.size, BATCHES_PER_WORKER);
  const continueBatches = async (w: number, round: Map<number, ContinuedTask>, source: 'parsed' | Uint8Array) => {
    for (let batch = rounds.nextBatch(); batch.length > 0; batch = rounds.nextBatch()) {
      const cost = rounds.work(batch);
      const tasks = batch.map((task) => round.get(task)!);
      const chainResults = results.of(batch);
      const job = pool.run(source === 'parsed'
        ? { kind: 'concept-continue', files: 'planned', settings, continued: tasks, chainResults, keep: w === 0 }
        : { kind: 'concept-clustered-continue', clustering: source, settings, continued: tasks, chainResults }, (p) => {
        running.set(job.id, p.fraction * cost);
        report(false);
      }, { worker: w });
      track([job.id]);
      const result = await job.done.catch((e) => {
        rounds.cancel();
        throw e;
      });
      running.delete(job.id);
      if (!result.ok) {
        rounds.cancel();
        throw new Error(result.error.message);
      }
      iterationsDone += cost;
      usedWorkers.add(w);
      results.addContinued(result.data as Float64Array);
      if (w !== 0) sendOn(result.data as Float64Array, null);
      else heldOn0(tasksIn(result.data as Float64Array));
      report(false);
    }
  };
  const continueUntilConverged = async (clusteringBytes: Uint8Array | null) => {
    // The first round judges every cell; later ones only those just continued.
    let judged: number[] | 'all' = 'all';
    for (;;) {
      await allHeld();
      const job = pool.run({ kind: 'concept-round', files: 'planned', settings, judge: judged, continued }, undefined, { worker: 0 });
      track([job.id]);
      const outcome = await job.done;
      if (!outcome.ok) throw new Error(outcome.error.message);
      const { tasks, work, taskBytes } = JSON.parse(outcome.report) as { tasks: number[]; work: number[]; taskBytes: number };
      early?.judged(judged, tasks);
      heldOn0([]);
      if (tasks.length === 0) return;
      const encoded = outcome.data as Uint8Array;
      const round = new Map(tasks.map((task, i): [number, ContinuedTask] =>
        [task, { task, bytes: encoded.slice(i * taskBytes, (i + 1) * taskBytes) }]));
      iterationsPlanned += work.reduce((t, x) => t + x, 0);
      report(false);
      rounds.begin({ tasks, work });
      await Promise.all(Array.from({ length: pool.size }, (_, w) =>
        continueBatches(w, round, w === 0 || !clusteringBytes ? 'parsed' : clusteringBytes)));
      continued.push(...round.values());
      judged = tasks;
    }
  };

  const parse = (w: number, list: JobFile[]) => {
    const job = pool.run({ kind: 'concept-plan', files: list, settings }, (p: WorkerProgress) => {
      bytesRead[w] = Math.min(p.bytesRead, sizeOf(list));
      report(false);
    }, { worker: w });
    track([job.id]);
    return job.done;
  };

  // What the chains need of all the files, as bytes from worker 0, for the
  // workers that did not parse them: a few MB where the files are 100.
  let clustering: Promise<Uint8Array | null> = Promise.resolve(null);
  const planned = (async () => {
    const plan = await parse(0, files);
    if (!plan.ok) throw new Error(plan.error.message);
    bytesRead[0] = sizeOf(files);
    const planned = JSON.parse(plan.report) as { keys: string[]; concepts: number[]; final: boolean };
    const wholePlan: Plan = { costs: plan.data as Float64Array, keys: planned.keys, concepts: planned.concepts };
    plans[0] = wholePlan;
    early = new EarlySummaries(planned.concepts, planned.final);
    scheduler.setWhole(wholePlan);
    for (const { data, keys } of waitingForPlan.splice(0)) sendOn(data, keys);
    iterationsPlanned = wholePlan.costs.reduce((t, c) => t + c, 0);
    report(false);
    if (pool.size > 1) {
      const job = pool.run({ kind: 'concept-clustering', files: 'planned' }, undefined, { worker: 0 });
      track([job.id]);
      clustering = job.done.then((encoded) => {
        if (!encoded.ok) throw new Error(encoded.error.message);
        return encoded.data as Uint8Array;
      });
      // Awaited once a worker has no chains of its own left; until then a
      // cancelled run's rejection is not left unhandled.
      clustering.catch(() => undefined);
    }
    return wholePlan;
  })();
  const whole = planned.then((plan) => runBatches(0, plan, 'parsed'));
  const others = Array.from({ length: pool.size - 1 }, async (_, k) => {
    const w = k + 1;
    const share = shares[k];
    if (share) {
      const plan = await parse(w, share);
      bytesRead[w] = sizeOf(share);
      // A share that does not parse alone leaves its chains to the others;
      // worker 0 reports the files' errors.
      if (plan.ok) {
        const { keys, concepts } = JSON.parse(plan.report) as { keys: string[]; concepts: number[] };
        const sharePlan: Plan = { costs: plan.data as Float64Array, keys, concepts };
        plans[w] = sharePlan;
        scheduler.addShare(sharePlan);
        report(false);
        await runBatches(w, sharePlan, 'parsed');
      }
    }
    // Then whatever is left of the whole plan, once worker 0 has it.
    const plan = await planned.catch(() => null);
    const bytes = plan && await clustering;
    if (plan && bytes) await runBatches(w, plan, bytes);
  });
  await Promise.all([whole, ...others]);
  // A share's chains claimed before the whole plan was known may stand for
  // none of its tasks; whatever is left runs on worker 0.
  await runBatches(0, plans[0]!, 'parsed');

  results.settle(scheduler);
  const bytes = await clustering;
  await continueUntilConverged(bytes);
  // Worker 0 holds every chain for the assembly; the page needs their traces only.
  results.keepTracesOnly();

  await allHeld();
  await allSummarised();
  const assembleJob = pool.run({ kind: 'concept-assemble', files: 'planned', settings, continued }, undefined, { worker: 0 });
  track([assembleJob.id]);
  const assembled = await assembleJob.done;
  if (!assembled.ok) throw new Error(assembled.error.message);
  report(true);
  const workers = usedWorkers.size;
  return { report: assembled.report, reportBlob: assembled.reportBlob, millis: performance.now() - started, workers, chains: results.all() };
}
