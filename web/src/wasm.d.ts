// The Embind module built from wasm/bindings.cpp.
declare module '@shoal-wasm/shoal.mjs' {
  export interface ErrorInfo { file: string; row: number; column: string; message: string }
  export interface Outcome { ok: boolean; report: string; error: ErrorInfo; data: Uint8Array | Float64Array | null }
  export interface FileSettings {
    format?: string;
    columns?: Record<string, string>;
    labels?: { name?: string; model?: string; prompt?: string; temperature?: string; family?: string; aligned?: boolean; human?: boolean };
  }
  // sha256: the bytes' fingerprint, if known; the module then knows files it
  // has parsed already by it, without copying or hashing them again.
  export interface WasmFile { name: string; bytes: Uint8Array; settings?: FileSettings; sha256?: string }
  export interface ColorRequest { pairs: string; deltaE: string; reference: string; seed: number; jsd: string; jsdSamples: number; bootstrap: number }
  export interface ConceptRequest {
    alpha: number; prior: string; kernel: string; iterations: number; burnIn: number; chains: number; subsets: string; seed: number; traces: boolean;
    bootstrap: number;
    // Concepts clustered on fewer people are left out of the comparisons (--min-people).
    minPeople: number;
    // With 2 chains or more, the most iterations a failing cell's chains run
    // to converge (--max-iterations); left out, the settings' default.
    maxIterations?: number;
  }
  export interface ShoalModule {
    version(): string;
    inspectFile(file: WasmFile): Outcome;
    analyseColor(files: WasmFile[], request: ColorRequest, progress: ((fraction: number) => void) | null): Outcome;
    // Called with the bytes parsed so far after each file a concept call parses.
    onInputRead(callback: ((bytes: number) => void) | null): void;
    // report: {tasks, keys}; keys match the chains of a plan of some of the files to those of all of them.
    planConcept(files: WasmFile[], request: ConceptRequest): Outcome;
    runConceptChains(files: WasmFile[], request: ConceptRequest, tasks: number[], progress: ((fraction: number) => void) | null): Outcome;
    // What the chains need of the files, as bytes for runClusteredChains in another instance.
    clusteringInputs(files: WasmFile[]): Outcome;
    runClusteredChains(clustering: Uint8Array, request: ConceptRequest, tasks: number[], progress: ((fraction: number) => void) | null): Outcome;
    // recordedKeys[i]: null when chainResults[i] holds this plan's task indices, else the keys of the plan it was recorded under.
    assembleConcept(files: WasmFile[], request: ConceptRequest, chainResults: Float64Array[], recordedKeys: (string[] | null)[] | null): Outcome;
    // How long writing the last report as text took, in ms.
    serialiseMillis(): number;
  }
  const createShoal: (options?: { locateFile?: (path: string) => string }) => Promise<ShoalModule>;
  export default createShoal;
}
