// The page's side of the numeric-answer worker: one worker, started on first use.
import type { Outcome, SettingsText, WasmFile } from '@shoal-wasm/shoal.mjs';
import { lazyWorker } from '../worker/lazy-worker';

const call = lazyWorker<{ files: WasmFile[]; settings: SettingsText }, Outcome>(
  () => new Worker(new URL('./values.worker.ts', import.meta.url), { type: 'module' }), 'numeric-answer');

export function analyseValues(files: WasmFile[], settings: SettingsText): Promise<Outcome> {
  return call({ files, settings });
}
