// Which chains a worker takes next. The whole plan (every task of the
// analysis) and the plans of shares of the files (their workers start on
// them before the whole plan is known) name their tasks by key (a chain's
// seed and answers: see core/concept/chain_task_key.hpp), so a chain runs
// once, wherever it was planned, and counts for the whole plan's task with
// the same key. Tasks are taken in batches, largest first, so the workers
// end together. Plain bookkeeping, no workers: tested in tests/web/.
import { renumberChains } from '../chain-traces';

export interface Plan {
  costs: Float64Array;
  keys: string[];
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
    open.sort((a, b) => plan.costs[b] - plan.costs[a] || a - b);
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

// The chain results as they come back, each batch under the plan it was run
// from, in any order. The assembly matches each result to its task itself
// (by index for the whole plan's, by key for a share's), so the order of
// arrival does not matter; `wholePlanChains` gives every result under the
// whole plan's task index, for the page's trace plots.
export class ChainResults {
  private readonly batches: { data: Float64Array; keys: string[] | null }[] = [];

  add(data: Float64Array, shareKeys: string[] | null) {
    this.batches.push({ data, keys: shareKeys });
  }

  forAssembly(): { chainResults: Float64Array[]; recordedKeys: (string[] | null)[] } {
    return { chainResults: this.batches.map((b) => b.data), recordedKeys: this.batches.map((b) => b.keys) };
  }

  wholePlanChains(scheduler: ChainScheduler): Float64Array[] {
    return this.batches.map((b) => (b.keys ? renumberChains(b.data, (task) => scheduler.wholeTask(b.keys![task])) : b.data));
  }
}
