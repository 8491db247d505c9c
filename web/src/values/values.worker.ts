// Analyses numeric answers off the main thread, with its own wasm instance.
import createShoal, { type SettingsText, type ShoalModule, type WasmFile } from '@shoal-wasm/shoal.mjs';
import wasmUrl from '@shoal-wasm/shoal.wasm?url';

const shoal: Promise<ShoalModule> = createShoal({ locateFile: () => wasmUrl });

type Message = { id: number; job: 'report' | 'analysis-file'; files: WasmFile[]; settings: SettingsText };

self.onmessage = async (event: MessageEvent<Message>) => {
  const { id, job, files, settings } = event.data;
  try {
    const module = await shoal;
    const outcome = job === 'analysis-file' ? module.analysisFile('values', files, settings) : module.analyseValues(files, settings);
    self.postMessage({ id, outcome: { ok: outcome.ok, report: outcome.report, summary: outcome.summary, error: outcome.error, data: null } });
  } catch (error) {
    self.postMessage({ id, crashed: error instanceof Error ? error.message : String(error) });
  }
};
