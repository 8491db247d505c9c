// The concept analysis across workers: plan the chains, deal them out by
// cost, run them in parallel, assemble the report in one worker. The chains'
// seeds come from their labels, so the report is the CLI's whatever the split.
import type { ConceptRequest, WasmFile, WorkerProgress } from './worker/protocol';
import type { WorkerPool } from './worker/client';

export interface ConceptRun {
  report: string;
  millis: number;
  workers: number;
  chains: Float64Array[];   // the workers' chain results, traces included
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
// Assembling re-checks the files and builds the report with its bootstrap:
// about an eighth of a parse, measured the same way.
const ASSEMBLY_SHARE_OF_A_READ = 0.13;

export async function runConcept(
  pool: WorkerPool,
  files: WasmFile[],
  request: ConceptRequest,
  onProgress: (progress: ConceptProgress) => void,
  track: (jobIds: number[]) => void,
): Promise<ConceptRun> {
  const started = performance.now();
  const bytes = files.reduce((t, f) => t + f.bytes.length, 0);
  const readWork = bytes * ITERATIONS_PER_BYTE;
  const assemblyWork = readWork * ASSEMBLY_SHARE_OF_A_READ;
  // Until the plan is known the chains' work is not: the plan's read is
  // measured against a provisional total of one read per worker, and once
  // the plan is known the rest of the bar measures the rest of the work, so
  // the bar never steps back.
  let iterationsPlanned = 0;
  let readsPlanned = pool.size;
  const reads: number[] = [0];     // bytes read by the plan, then by each chains job
  const iterations: number[] = [];
  let rebase = { shown: 0, done: 0 };
  const report = (assembled: boolean) => {
    const bytesRead = reads.reduce((t, r) => t + r, 0);
    const iterationsDone = iterations.reduce((t, i) => t + i, 0);
    const total = readsPlanned * readWork + iterationsPlanned + assemblyWork;
    const done = bytesRead * ITERATIONS_PER_BYTE + iterationsDone + (assembled ? assemblyWork : 0);
    const fraction = rebase.shown + (1 - rebase.shown) * (done - rebase.done) / (total - rebase.done);
    onProgress({ bytesRead, bytesPlanned: readsPlanned * bytes, iterationsDone, iterationsPlanned, fraction: Math.min(1, fraction) });
    return { fraction, done };
  };

  let planner = 0;
  const planJob = pool.run({ kind: 'concept-plan', files, request }, (p: WorkerProgress) => {
    reads[0] = p.bytesRead;
    report(false);
  }, { onStart: (worker) => { planner = worker; } });
  track([planJob.id]);
  const plan = await planJob.done;
  if (!plan.ok) throw new Error(plan.error.message);
  const costs = plan.data as Float64Array;
  reads[0] = bytes;
  const atPlan = report(false);
  rebase = { shown: atPlan.fraction, done: atPlan.done };

  // Largest first into the worker that would finish it first: the planner
  // holds the parsed files, every other worker parses them first.
  const bins = Array.from({ length: pool.size }, (_, worker) => ({
    worker, tasks: [] as number[], cost: 0, ready: worker === planner ? 0 : readWork,
  }));
  [...costs.keys()].sort((a, b) => costs[b] - costs[a]).forEach((task) => {
    const bin = bins.reduce((first, b) => (b.ready + b.cost < first.ready + first.cost ? b : first));
    bin.tasks.push(task);
    bin.cost += costs[task];
  });
  const used = bins.filter((b) => b.tasks.length > 0);
  iterationsPlanned = used.reduce((t, b) => t + b.cost, 0);
  readsPlanned = 1 + used.filter((b) => b.worker !== planner).length;
  report(false);
  const jobs = used.map((bin, k) => {
    reads.push(0);
    iterations.push(0);
    return pool.run({ kind: 'concept-chains', files, request, tasks: bin.tasks.sort((a, b) => a - b) }, (p) => {
      reads[k + 1] = Math.min(p.bytesRead, bytes);
      iterations[k] = p.fraction * bin.cost;
      report(false);
    }, { worker: bin.worker });
  });
  track(jobs.map((j) => j.id));
  const results = await Promise.all(jobs.map((j) => j.done));
  const failed = results.find((r) => !r.ok);
  if (failed) throw new Error(failed.error.message);

  const chains = results.map((r) => r.data as Float64Array);
  const assembleJob = pool.run({ kind: 'concept-assemble', files, request, chainResults: chains }, undefined, { worker: planner });
  track([assembleJob.id]);
  const assembled = await assembleJob.done;
  if (!assembled.ok) throw new Error(assembled.error.message);
  report(true);
  return { report: assembled.report, millis: performance.now() - started, workers: used.length, chains };
}
