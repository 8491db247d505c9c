// The concept analysis across workers: parse and plan in one worker, deal
// the chains out by cost, run them in parallel, assemble the report in the
// worker that parsed. The chains'
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
  // One worker parses the files and plans the chains; it then hands the
  // other workers what the chains need as bytes (a few MB, not the files'
  // text to parse again). Until the plan is known the chains' work is not:
  // the parse is measured against a provisional total, and once the plan is
  // known the rest of the bar measures the rest of the work, so the bar never
  // steps back.
  let iterationsPlanned = 0;
  let bytesRead = 0;
  const iterations: number[] = [];
  let rebase = { shown: 0, done: 0 };
  const report = (assembled: boolean) => {
    const iterationsDone = iterations.reduce((t, i) => t + i, 0);
    const total = readWork + (iterationsPlanned || readWork * pool.size) + assemblyWork;
    const done = bytesRead * ITERATIONS_PER_BYTE + iterationsDone + (assembled ? assemblyWork : 0);
    const fraction = rebase.shown + (1 - rebase.shown) * (done - rebase.done) / (total - rebase.done);
    onProgress({ bytesRead, bytesPlanned: bytes, iterationsDone, iterationsPlanned, fraction: Math.min(1, fraction) });
    return { fraction, done };
  };

  let planner = 0;
  const planJob = pool.run({ kind: 'concept-plan', files, request }, (p: WorkerProgress) => {
    bytesRead = Math.min(p.bytesRead, bytes);
    report(false);
  }, { onStart: (worker) => { planner = worker; } });
  track([planJob.id]);
  const plan = await planJob.done;
  if (!plan.ok) throw new Error(plan.error.message);
  const costs = plan.data as Float64Array;
  bytesRead = bytes;
  const atPlan = report(false);
  rebase = { shown: atPlan.fraction, done: atPlan.done };

  // Largest first into the least loaded worker.
  const bins = Array.from({ length: pool.size }, (_, worker) => ({ worker, tasks: [] as number[], cost: 0 }));
  [...costs.keys()].sort((a, b) => costs[b] - costs[a]).forEach((task) => {
    const bin = bins.reduce((first, b) => (b.cost < first.cost ? b : first));
    bin.tasks.push(task);
    bin.cost += costs[task];
  });
  const used = bins.filter((b) => b.tasks.length > 0);
  iterationsPlanned = used.reduce((t, b) => t + b.cost, 0);
  report(false);

  let clustering: Uint8Array | null = null;
  if (used.some((b) => b.worker !== planner)) {
    const clusteringJob = pool.run({ kind: 'concept-clustering', files: 'planned' }, undefined, { worker: planner });
    track([clusteringJob.id]);
    const encoded = await clusteringJob.done;
    if (!encoded.ok) throw new Error(encoded.error.message);
    clustering = encoded.data as Uint8Array;
  }
  const jobs = used.map((bin, k) => {
    iterations.push(0);
    const tasks = bin.tasks.sort((a, b) => a - b);
    const job = bin.worker === planner
      ? { kind: 'concept-chains' as const, files: 'planned' as const, request, tasks }
      : { kind: 'concept-clustered-chains' as const, clustering: clustering!, request, tasks };
    return pool.run(job, (p) => {
      iterations[k] = p.fraction * bin.cost;
      report(false);
    }, { worker: bin.worker });
  });
  track(jobs.map((j) => j.id));
  const results = await Promise.all(jobs.map((j) => j.done));
  const failed = results.find((r) => !r.ok);
  if (failed) throw new Error(failed.error.message);

  const chains = results.map((r) => r.data as Float64Array);
  const assembleJob = pool.run({ kind: 'concept-assemble', files: 'planned', request, chainResults: chains }, undefined, { worker: planner });
  track([assembleJob.id]);
  const assembled = await assembleJob.done;
  if (!assembled.ok) throw new Error(assembled.error.message);
  report(true);
  return { report: assembled.report, millis: performance.now() - started, workers: used.length, chains };
}
