// The concept analysis across workers: plan the chains, deal them out by
// cost, run them in parallel, assemble the report in one worker. The chains'
// seeds come from their labels, so the report is the CLI's whatever the split.
import type { ConceptRequest, WasmFile } from './worker/protocol';
import type { WorkerPool } from './worker/client';

export interface ConceptRun {
  report: string;
  millis: number;
  workers: number;
  chains: Float64Array[];   // the workers' chain results, traces included
}

export async function runConcept(
  pool: WorkerPool,
  files: WasmFile[],
  request: ConceptRequest,
  onProgress: (fraction: number) => void,
  track: (jobIds: number[]) => void,
): Promise<ConceptRun> {
  const started = performance.now();
  const planJob = pool.run({ kind: 'concept-plan', files, request });
  track([planJob.id]);
  const plan = await planJob.done;
  if (!plan.ok) throw new Error(plan.error.message);
  const costs = plan.data as Float64Array;

  // Largest first into the least loaded worker.
  const bins = Array.from({ length: pool.size }, () => ({ tasks: [] as number[], cost: 0 }));
  [...costs.keys()].sort((a, b) => costs[b] - costs[a]).forEach((task) => {
    const bin = bins.reduce((least, b) => (b.cost < least.cost ? b : least));
    bin.tasks.push(task);
    bin.cost += costs[task];
  });
  const used = bins.filter((b) => b.tasks.length > 0);
  const total = used.reduce((t, b) => t + b.cost, 0);
  const done = used.map(() => 0);
  const jobs = used.map((bin, k) =>
    pool.run({ kind: 'concept-chains', files, request, tasks: bin.tasks.sort((a, b) => a - b) }, (fraction) => {
      done[k] = fraction * bin.cost;
      onProgress(done.reduce((t, d) => t + d, 0) / total);
    }),
  );
  track(jobs.map((j) => j.id));
  const results = await Promise.all(jobs.map((j) => j.done));
  const failed = results.find((r) => !r.ok);
  if (failed) throw new Error(failed.error.message);

  const chains = results.map((r) => r.data as Float64Array);
  const assembleJob = pool.run({ kind: 'concept-assemble', files, request, chainResults: chains });
  track([assembleJob.id]);
  const assembled = await assembleJob.done;
  if (!assembled.ok) throw new Error(assembled.error.message);
  return { report: assembled.report, millis: performance.now() - started, workers: used.length, chains };
}
