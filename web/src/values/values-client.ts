// The page's side of the numeric-answer worker: one worker, started on first use.
import type { Outcome, SettingsText, WasmFile } from '@shoal-wasm/shoal.mjs';
import { lazyWorker } from '../worker/lazy-worker';

// 'report': the analysis; 'analysis-file': its definition, as the report holds it.
type Job = 'report' | 'analysis-file';

const call = lazyWorker<{ job: Job; files: WasmFile[]; settings: SettingsText }, Outcome>(
  () => new Worker(new URL('./values.worker.ts', import.meta.url), { type: 'module' }), 'numeric-answer');

export function analyseValues(files: WasmFile[], settings: SettingsText): Promise<Outcome> {
  return call({ job: 'report', files, settings });
}

export function valuesAnalysisFile(files: WasmFile[], settings: SettingsText): Promise<Outcome> {
  return call({ job: 'analysis-file', files, settings });
}
