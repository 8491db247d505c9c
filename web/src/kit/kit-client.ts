// The page's side of the kit worker: one worker, started on first use.
import type { Outcome, SettingsText, WasmFile } from '@shoal-wasm/shoal.mjs';
import { lazyWorker } from '../worker/lazy-worker';

export type KitJob =
  | { kind: 'prompts'; settings: SettingsText; personas: WasmFile | null; words: WasmFile | null }
  | { kind: 'replies'; requests: WasmFile; results: WasmFile }
  | { kind: 'limits' };

const call = lazyWorker<{ job: KitJob }, Outcome>(
  () => new Worker(new URL('./kit.worker.ts', import.meta.url), { type: 'module' }), 'data-collection');

export function runKit(job: KitJob): Promise<Outcome> {
  return call({ job });
}
