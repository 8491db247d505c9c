// The page's side of the kit worker: one worker, started on first use.
import type { KitOutcome, PromptSettings, WasmFile } from '@shoal-wasm/shoal.mjs';
import { lazyWorker } from '../worker/lazy-worker';

export type KitJob =
  | { kind: 'prompts'; settings: PromptSettings; personas: WasmFile | null; words: WasmFile | null }
  | { kind: 'replies'; requests: WasmFile; results: WasmFile }
  | { kind: 'limits' };

const call = lazyWorker<{ job: KitJob }, KitOutcome>(
  () => new Worker(new URL('./kit.worker.ts', import.meta.url), { type: 'module' }), 'data-collection');

export function runKit(job: KitJob): Promise<KitOutcome> {
  return call({ job });
}
