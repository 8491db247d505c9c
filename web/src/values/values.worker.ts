// Analyses numeric answers off the main thread, with its own wasm instance.
import createShoal, { type SettingsText, type ShoalModule, type WasmFile } from '@shoal-wasm/shoal.mjs';
import wasmUrl from '@shoal-wasm/shoal.wasm?url';

const shoal: Promise<ShoalModule> = createShoal({ locateFile: () => wasmUrl });

self.onmessage = async (event: MessageEvent<{ id: number; files: WasmFile[]; settings: SettingsText }>) => {
  const { id, files, settings } = event.data;
  try {
    const outcome = (await shoal).analyseValues(files, settings);
    self.postMessage({ id, outcome: { ok: outcome.ok, report: outcome.report, summary: outcome.summary, error: outcome.error, data: null } });
  } catch (error) {
    self.postMessage({ id, crashed: error instanceof Error ? error.message : String(error) });
  }
};
