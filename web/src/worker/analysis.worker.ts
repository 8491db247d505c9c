// Runs analyses off the main thread so the page never freezes. Each worker
// holds its own instance of the wasm core.
import createShoal, { type Outcome, type ShoalModule } from '@shoal-wasm/shoal.mjs';
import wasmUrl from '@shoal-wasm/shoal.wasm?url';
import type { FromWorker, Job, JobResult, ToWorker, WorkerProgress } from './protocol';

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });
const shoal: Promise<ShoalModule> = createShoal({ locateFile: () => wasmUrl });

function run(module: ShoalModule, job: Job, progress: (fraction: number) => void): Outcome {
  switch (job.kind) {
    case 'version':
      return { ok: true, report: module.version(), error: { file: '', row: 0, column: '', message: '' }, data: null };
    case 'inspect':
      return module.inspectFile(job.file);
    case 'color':
      return module.analyseColor(job.files, job.request, progress);
    case 'concept-plan':
      return module.planConcept(job.files, job.request);
    case 'concept-chains':
      return module.runConceptChains(job.files, job.request, job.tasks, progress);
    case 'concept-assemble':
      return module.assembleConcept(job.files, job.request, job.chainResults);
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const { id, job } = event.data;
  try {
    const module = await shoal;
    const started = performance.now();
    // Progress is posted at most every 100 ms: messages are cheap, not free.
    let lastPosted = 0;
    const state: WorkerProgress = { fraction: 0, bytesRead: 0 };
    const send = (final: boolean) => {
      const now = performance.now();
      if (now - lastPosted < 100 && !final) return;
      lastPosted = now;
      post({ id, type: 'progress', progress: { ...state } });
    };
    module.onInputRead((bytes) => {
      state.bytesRead = bytes;
      send(false);
    });
    const outcome = run(module, job, (fraction) => {
      state.fraction = fraction;
      send(fraction >= 1);
    });
    module.onInputRead(null);
    // The data view points into wasm memory: copy it before anything else runs.
    const data = outcome.data ? outcome.data.slice() : null;
    const result: JobResult = {
      ok: outcome.ok, report: outcome.report, error: outcome.error, data, millis: performance.now() - started,
    };
    post({ id, type: 'done', result }, data ? [data.buffer] : []);
  } catch (error) {
    post({ id, type: 'crashed', message: error instanceof Error ? error.message : String(error) });
  }
};
