// The page's side of the numeric-answer worker: one worker, started on first use.
import type { ValuesOutcome, ValuesRequest, WasmFile } from '@shoal-wasm/shoal.mjs';
import { lazyWorker } from '../worker/lazy-worker';

const call = lazyWorker<{ files: WasmFile[]; request: ValuesRequest }, ValuesOutcome>(
  () => new Worker(new URL('./values.worker.ts', import.meta.url), { type: 'module' }), 'numeric-answer');

export function analyseValues(files: WasmFile[], request: ValuesRequest): Promise<ValuesOutcome> {
  return call({ files, request });
}
