// Analyses numeric answers off the main thread, with its own wasm instance.
import createShoal, { type ShoalModule, type ValuesRequest, type WasmFile } from '@shoal-wasm/shoal.mjs';
import wasmUrl from '@shoal-wasm/shoal.wasm?url';

const shoal: Promise<ShoalModule> = createShoal({ locateFile: () => wasmUrl });

self.onmessage = async (event: MessageEvent<{ id: number; files: WasmFile[]; request: ValuesRequest }>) => {
  const { id, files, request } = event.data;
  try {
    const outcome = (await shoal).analyseValues(files, request);
    self.postMessage({ id, outcome: { ok: outcome.ok, report: outcome.report, error: outcome.error } });
  } catch (error) {
    self.postMessage({ id, crashed: error instanceof Error ? error.message : String(error) });
  }
};
