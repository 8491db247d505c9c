// Which chains a worker takes next. The whole plan (every task of the
// analysis) and the plans of shares of the files (their workers start on
// them before the whole plan is known) name their tasks by key (a chain's
// seed and answers: see core/concept/chain_task_key.hpp), so a chain runs
// once, wherever it was planned, and counts for the whole plan's task with
// the same key. Tasks are taken in batches, largest first, so the workers
// end together. Plain bookkeeping, no workers: tested in tests/web/.
import { renumberChains, splitChains, traceOnly } from '../chain-traces';

export interface Plan {
  costs: Float64Array;
  keys: string[];
  // Each task's concept (-1: a pooled cell, a group of its own), when
  // known: a concept's tasks are then taken together, so that concepts are
  // done one after another and can be summarised while other chains run.
  concepts?: number[];
}

// The order tasks are taken in: largest first, or, with concepts, the
// concepts largest first and each concept's tasks together, largest first.
function takingOrder(plan: Plan): (a: number, b: number) => number {
  const byCost = (a: number, b: number) => plan.costs[b] - plan.costs[a] || a - b;
  const concepts = plan.concepts;
  if (!concepts) return byCost;
  const conceptCost = new Map<number, number>();
  concepts.forEach((k, i) => conceptCost.set(k, (conceptCost.get(k) ?? 0) + plan.costs[i]));
  const cost = (i: number) => (concepts[i] < 0 ? plan.costs[i] : conceptCost.get(concepts[i])!);
  const group = (i: number) => (concepts[i] < 0 ? concepts.length + i : concepts[i]);
  return (a, b) => cost(b) - cost(a) || group(a) - group(b) || byCost(a, b);
}

export class ChainScheduler {
  private readonly claimed = new Set<string>();
  private readonly shared = new Set<string>();
  private readonly wholeIndex = new Map<string, number>();
  private whole: Plan | null = null;
  private cancelled = false;

  // `workers`: how many take batches from the whole plan; `batchesPerWorker`:
  // how many batches each worker's share of a plan is cut into.
  constructor(private readonly workers: number, private readonly batchesPerWorker: number) {}

  setWhole(plan: Plan) {
    this.whole = plan;
    plan.keys.forEach((key, i) => this.wholeIndex.set(key, i));
  }

  addShare(plan: Plan) {
    for (const key of plan.keys) this.shared.add(key);
  }

  // The whole plan's index of a task key, if it has one.
  wholeTask(key: string): number | undefined {
    return this.wholeIndex.get(key);
  }

  // The next batch of `plan`'s task indices, in increasing order: tasks no
  // one took, those the whole plan has (once it is known), from the whole
  // plan those of no share first; [] when none is left or after cancel().
  nextBatch(plan: Plan): number[] {
    if (this.cancelled) return [];
    const fromWhole = plan === this.whole;
    const wholeKnown = this.whole !== null;
    let open = [...plan.keys.keys()].filter((i) => !this.claimed.has(plan.keys[i]) && (!wholeKnown || this.wholeIndex.has(plan.keys[i])));
    if (fromWhole) {
      const unshared = open.filter((i) => !this.shared.has(plan.keys[i]));
      if (unshared.length > 0) open = unshared;
    }
    open.sort(takingOrder(plan));
    const planCost = plan.costs.reduce((t, c) => t + c, 0);
    const target = planCost / this.batchesPerWorker / (fromWhole ? this.workers : 1);
    const batch: number[] = [];
    let cost = 0;
    for (const i of open) {
      if (cost >= target) break;
      batch.push(i);
      cost += plan.costs[i];
      this.claimed.add(plan.keys[i]);
    }
    return batch.sort((a, b) => a - b);
  }

  // A batch that will not complete (its job failed): its tasks may be taken again.
  release(plan: Plan, batch: number[]) {
    for (const i of batch) this.claimed.delete(plan.keys[i]);
  }

  // No further batches: the analysis stops.
  cancel() {
    this.cancelled = true;
  }

  // Whole-plan tasks that no one has taken.
  unclaimed(): number[] {
    if (!this.whole) return [];
    return [...this.whole.keys.keys()].filter((i) => !this.claimed.has(this.whole!.keys[i]));
  }
}

// A round of run until converged: the tasks to continue (whole-plan
// indices) and the work each adds, dealt out like the plan's chains, in
// batches, largest first, so the workers end together.
export interface Round {
  tasks: number[];
  work: number[];
}

export class RoundScheduler {
  private open: number[] = [];
  private readonly workOf = new Map<number, number>();
  private target = 0;
  private cancelled = false;

  constructor(private readonly workers: number, private readonly batchesPerWorker: number) {}

  begin(round: Round) {
    this.workOf.clear();
    round.tasks.forEach((task, i) => this.workOf.set(task, round.work[i]));
    this.open = [...round.tasks].sort((a, b) => this.workOf.get(b)! - this.workOf.get(a)! || a - b);
    this.target = round.work.reduce((t, w) => t + w, 0) / this.batchesPerWorker / this.workers;
  }

  // The next batch of the round's tasks (whole-plan indices, increasing);
  // [] when none is left or after cancel().
  nextBatch(): number[] {
    if (this.cancelled) return [];
    const batch: number[] = [];
    let cost = 0;
    while (this.open.length > 0 && (batch.length === 0 || cost < this.target)) {
      const task = this.open.shift()!;
      batch.push(task);
      cost += this.workOf.get(task)!;
    }
    return batch.sort((a, b) => a - b);
  }

  // The work a batch of this round adds.
  work(batch: number[]): number {
    return batch.reduce((t, task) => t + (this.workOf.get(task) ?? 0), 0);
  }

  // No further batches, in this round or any other: the analysis stops.
  cancel() {
    this.cancelled = true;
  }
}

// The chain results as they come back, in any order: first each batch of
// the plan's chains under the plan it was run from; once every batch is in,
// settle() puts each chain under the whole plan's task index (a share's by
// key), one result per task, and continued chains replace the results they
// continued. Chains of a share that stand for no task of the whole plan are
// dropped (their tasks ran apart).
export class ChainResults {
  private readonly batches: { data: Float64Array; keys: string[] | null }[] = [];
  private readonly byTask = new Map<number, Float64Array>();

  add(data: Float64Array, shareKeys: string[] | null) {
    this.batches.push({ data, keys: shareKeys });
  }

  settle(scheduler: ChainScheduler) {
    for (const { data, keys } of this.batches) {
      const whole = keys ? renumberChains(data, (task) => scheduler.wholeTask(keys[task])) : data;
      for (const { task, data: chain } of splitChains(whole)) {
        if (task < 0) continue;
        if (this.byTask.has(task)) throw new Error(`chain ${task} came back twice`);
        this.byTask.set(task, chain);
      }
    }
    this.batches.length = 0;
  }

  // Continued chains: each replaces its task's result so far.
  addContinued(data: Float64Array) {
    for (const { task, data: chain } of splitChains(data)) {
      if (!this.byTask.has(task)) throw new Error(`chain ${task} was continued but never run`);
      this.byTask.set(task, chain);
    }
  }

  // The results of these tasks, one Float64Array each.
  of(tasks: number[]): Float64Array[] {
    return tasks.map((task) => {
      const chain = this.byTask.get(task);
      if (!chain) throw new Error(`no result for chain ${task}`);
      return chain;
    });
  }

  // From now on only each chain's trace is kept (traceOnly): the rest of a
  // result, most of it the draws' seatings, is for continuing the chain and
  // assembling the report, which the workers do.
  keepTracesOnly() {
    for (const [task, chain] of this.byTask) this.byTask.set(task, traceOnly(chain));
  }

  // Every task's latest result, in task order.
  all(): Float64Array[] {
    return [...this.byTask.keys()].sort((a, b) => a - b).map((task) => this.byTask.get(task)!);
  }
}

// Which concepts worker 0 may summarise before the assembly, while other
// chains still run: those whose chains it holds, every one final. Chains are
// final as planned when no round of run until converged can continue them;
// else once a round has judged them and not continued them. `conceptOf`:
// each task's concept (-1 for a pooled cell, which the assembly summarises).
export class EarlySummaries {
  private readonly tasksOf = new Map<number, number[]>();
  private readonly held = new Set<number>();
  private readonly final = new Set<number>();
  private readonly touched = new Set<number>();
  private readonly taken = new Set<number>();

  constructor(private readonly conceptOf: number[], allFinal: boolean) {
    conceptOf.forEach((k, task) => {
      if (k < 0) return;
      if (!this.tasksOf.has(k)) this.tasksOf.set(k, []);
      this.tasksOf.get(k)!.push(task);
      if (allFinal) this.final.add(task);
    });
  }

  // Worker 0 now holds these tasks' results.
  hold(tasks: number[]) {
    for (const task of tasks) this.mark(this.held, task);
  }

  // A round judged `judged` (every task: 'all') and continues `continued`.
  judged(judged: number[] | 'all', continued: number[]) {
    const again = new Set(continued);
    for (const task of judged === 'all' ? this.conceptOf.keys() : judged) {
      if (!again.has(task)) this.mark(this.final, task);
    }
  }

  // The concepts ready since the last call, and all their tasks; each is
  // given once.
  take(): { concepts: number[]; tasks: number[] } {
    const concepts: number[] = [];
    const tasks: number[] = [];
    for (const k of [...this.touched].sort((a, b) => a - b)) {
      const own = this.tasksOf.get(k)!;
      if (this.taken.has(k) || !own.every((t) => this.held.has(t) && this.final.has(t))) continue;
      this.taken.add(k);
      concepts.push(k);
      tasks.push(...own);
    }
    this.touched.clear();
    return { concepts, tasks };
  }

  private mark(set: Set<number>, task: number) {
    const k = this.conceptOf[task];
    if (k === undefined || k < 0) return;
    set.add(task);
    this.touched.add(k);
  }
}
