// Builds request files and reads batch results off the main thread: a batch
// of the paper's size is tens of megabytes of JSON.
import createShoal, { type Outcome, type ShoalModule } from '@shoal-wasm/shoal.mjs';
import wasmUrl from '@shoal-wasm/shoal.wasm?url';
import type { KitJob } from './kit-client';

const shoal: Promise<ShoalModule> = createShoal({ locateFile: () => wasmUrl });

function run(module: ShoalModule, job: KitJob): Outcome {
  switch (job.kind) {
    case 'prompts': return module.makePrompts(job.settings, job.personas, job.words);
    case 'replies': return module.importReplies(job.requests, job.results);
    case 'limits': return module.promptLimits();
  }
}

self.onmessage = async (event: MessageEvent<{ id: number; job: KitJob }>) => {
  const { id, job } = event.data;
  try {
    const outcome = run(await shoal, job);
    self.postMessage({ id, outcome: { ok: outcome.ok, report: outcome.report, summary: outcome.summary, error: outcome.error, data: null } });
  } catch (error) {
    self.postMessage({ id, crashed: error instanceof Error ? error.message : String(error) });
  }
};
