// A small pool of analysis workers. A job that is cancelled or whose worker
// dies takes the worker with it; a fresh one replaces it, so the page stays
// usable.
import type { FromWorker, Job, JobResult, WorkerProgress } from './protocol';
import { epochNow, recordPhase, type Phase } from '../phases';

// The phase a job's own computation counts as (its parsing and transfer
// are counted apart).
const COMPUTE_PHASE: Partial<Record<Job['kind'], Phase>> = {
  inspect: 'inspection', color: 'color', 'concept-chains': 'chains', 'concept-clustered-chains': 'chains', 'concept-assemble': 'assembly',
  'concept-continue': 'chains', 'concept-clustered-continue': 'chains', 'concept-round': 'assembly',
  'concept-summarise': 'summaries',
};

// Timed from the job's arrival at its worker, not from its queuing: 49
// files dropped at once wait for two workers, and their waits, summed, once
// passed for a minute of inspection.
function recordJob(kind: Job['kind'], postedAt: number, result: JobResult) {
  const t = result.timings;
  recordPhase('transfer', postedAt, t.received);
  if (t.read > 0) recordPhase('reading', t.started, t.read);
  if (t.parsed > t.started) recordPhase('parsing', t.started, t.parsed);
  const phase = COMPUTE_PHASE[kind];
  const serialised = t.finished - t.serialiseMillis;
  if (phase) recordPhase(phase, Math.max(t.started, t.parsed, t.read), serialised);
  if (t.serialiseMillis > 0) recordPhase('serialisation', serialised, t.finished);
}

interface Pending {
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: WorkerProgress) => void;
  onStart?: (worker: number) => void;
}

// Where a job may run: any worker, or one that holds what it needs.
export interface Placement {
  worker?: number;
  onStart?: (worker: number) => void;
}

export class CancelledError extends Error {
  constructor() {
    super('Analysis cancelled');
  }
}

class Slot {
  worker: Worker;
  busy: { id: number; kind: Job['kind']; postedAt: number; pending: Pending } | null = null;

  constructor(readonly index: number, private readonly onIdle: () => void) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`The analysis worker stopped: ${event.message || 'out of memory or crashed'}`));
    };
    return worker;
  }

  private receive(message: FromWorker) {
    if (!this.busy || this.busy.id !== message.id) return;
    const { pending, kind, postedAt } = this.busy;
    if (message.type === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.busy = null;
    if (message.type === 'done') {
      recordJob(kind, postedAt, message.result);
      pending.resolve(message.result);
    }
    else pending.reject(new Error(`The analysis worker failed: ${message.message}`));
    this.onIdle();
  }

  start(id: number, job: Job, pending: Pending) {
    pending.onStart?.(this.index);
    const postedAt = epochNow();
    this.busy = { id, kind: job.kind, postedAt, pending };
    // A file's bytes the page kept cross by transfer, not by copy.
    const bytes = 'files' in job && Array.isArray(job.files) ? job.files.flatMap((f) => (f.bytes ? [f.bytes] : [])) : [];
    this.worker.postMessage({ id, job, postedAt }, { transfer: bytes });
  }

  // Ends the running job with `error` and replaces the worker.
  fail(error: Error) {
    this.worker.terminate();
    this.worker = this.spawn();
    const pending = this.busy?.pending;
    this.busy = null;
    pending?.reject(error);
    this.onIdle();
  }
}

// The workers start with the first job, or when start() is called ahead of
// one: each holds an instance of the module (tens of megabytes), which a page
// opened only to read a link, or to refuse one, never needs.
export class WorkerPool {
  private slots: Slot[] = [];
  private readonly queue: { id: number; job: Job; pending: Pending; worker?: number }[] = [];
  private nextId = 1;

  private answered = false;

  // `events.starting` is called as the workers start, `events.ready` when the
  // first of them has answered (its module loaded), once each.
  constructor(readonly size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8)),
    private readonly events: { starting?: () => void; ready?: () => void } = {}) {}

  get started(): boolean {
    return this.slots.length > 0;
  }

  start() {
    if (this.started) return;
    this.slots = Array.from({ length: this.size }, (_, index) => new Slot(index, () => this.dispatch()));
    this.events.starting?.();
  }

  run(job: Job, onProgress?: (progress: WorkerProgress) => void, placement: Placement = {}): { id: number; done: Promise<JobResult> } {
    const id = this.nextId++;
    const done = new Promise<JobResult>((resolve, reject) => {
      this.queue.push({ id, job, pending: { resolve, reject, onProgress, onStart: placement.onStart }, worker: placement.worker });
    });
    this.start();
    this.dispatch();
    if (!this.answered) {
      done.then(() => {
        if (this.answered) return;
        this.answered = true;
        this.events.ready?.();
      }, () => undefined);
    }
    return { id, done };
  }

  cancel(ids: number[]) {
    for (const id of ids) {
      const queued = this.queue.findIndex((q) => q.id === id);
      if (queued >= 0) this.queue.splice(queued, 1)[0].pending.reject(new CancelledError());
      const slot = this.slots.find((s) => s.busy?.id === id);
      slot?.fail(new CancelledError());
    }
  }

  private dispatch() {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const at = this.queue.findIndex((q) => q.worker === undefined || q.worker === slot.index);
      if (at < 0) continue;
      const next = this.queue.splice(at, 1)[0];
      slot.start(next.id, next.job, next.pending);
    }
  }
}
