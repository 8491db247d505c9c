// Messages between the page and its analysis workers.
import type { ColorRequest, ConceptRequest, ErrorInfo, WasmFile } from '@shoal-wasm/shoal.mjs';

export type { ColorRequest, ConceptRequest, ErrorInfo, WasmFile };

export type Job =
  | { kind: 'version' }
  | { kind: 'inspect'; file: WasmFile }
  | { kind: 'color'; files: WasmFile[]; request: ColorRequest }
  | { kind: 'concept-plan'; files: WasmFile[]; request: ConceptRequest }
  | { kind: 'concept-chains'; files: WasmFile[]; request: ConceptRequest; tasks: number[] }
  | { kind: 'concept-assemble'; files: WasmFile[]; request: ConceptRequest; chainResults: Float64Array[] };

export interface JobResult {
  ok: boolean;
  report: string;
  error: ErrorInfo;
  data: Uint8Array | Float64Array | null;
  millis: number;
}

// Work done so far in one job: `fraction` of its own computation (words,
// or Gibbs iterations × individuals), `bytesRead` of the files it parsed.
export interface WorkerProgress {
  fraction: number;
  bytesRead: number;
}

export type ToWorker = { id: number; job: Job };
export type FromWorker =
  | { id: number; type: 'progress'; progress: WorkerProgress }
  | { id: number; type: 'done'; result: JobResult }
  | { id: number; type: 'crashed'; message: string };
