// The Embind module built from wasm/bindings.cpp.
declare module '@shoal-wasm/shoal.mjs' {
  // Where a problem is: a place in an input, or the setting (command-line name) at fault.
  export interface ErrorInfo { file: string; row: number; column: string; setting: string; message: string }
  // What every entry point returns. report: the result as text (a report, an
  // inspection, a plan, the kit's requests or replies); summary: JSON beside
  // it (the kit's counts); data: numbers not in the report, valid until the
  // next call. reportParts: a report longer than one string may be (256 MB),
  // as its parts in order, with report empty; else null.
  export interface Outcome { ok: boolean; report: string; reportParts: string[] | null; summary: string; error: ErrorInfo; data: Uint8Array | Float64Array | null }
  export interface FileSettings {
    format?: string;
    columns?: Record<string, string>;
    labels?: { name?: string; model?: string; prompt?: string; temperature?: string; family?: string; aligned?: boolean; human?: boolean };
  }
  // sha256: the bytes' fingerprint, if known; the module then knows files it
  // has parsed already by it, without copying or hashing them again.
  // A chain task of a round of run until converged: its index in the plan and
  // the task itself as bytes, which only the module reads.
  export interface ContinuedTask { task: number; bytes: Uint8Array }
  // size: the whole file's, when `bytes` may be its first bytes only (see inspectFile).
  export interface WasmFile { name: string; bytes: Uint8Array; size?: number; settings?: FileSettings; sha256?: string }
  export interface ShoalModule {
    version(): string;
    // A file's task, format, columns, populations and first rows (JSON). A
    // file longer than inspectionSample() bytes is judged on those alone: it
    // may come as them only, with `size` the whole file's; the report is then
    // empty when they are not enough and the whole file is needed.
    inspectFile(file: WasmFile): Outcome;
    inspectionSample(): number;
    // settings: {name: text} by the names of `shoal color`, as its validator takes them.
    analyseColor(files: WasmFile[], settings: SettingsText, progress: ((fraction: number) => void) | null): Outcome;
    // Called with the bytes parsed so far after each file a concept call parses.
    onInputRead(callback: ((bytes: number) => void) | null): void;
    // report: {tasks, keys, concepts, final}; keys match the chains of a plan of some of the files to those of all of
    // them; concepts: each task's concept (-1: a pooled cell); final: no round of run until converged can continue a chain.
    planConcept(files: WasmFile[], settings: SettingsText): Outcome;
    runConceptChains(files: WasmFile[], settings: SettingsText, tasks: number[], progress: ((fraction: number) => void) | null): Outcome;
    // What the chains need of the files, as bytes for runClusteredChains in another instance.
    clusteringInputs(files: WasmFile[]): Outcome;
    runClusteredChains(clustering: Uint8Array, settings: SettingsText, tasks: number[], progress: ((fraction: number) => void) | null): Outcome;
    // Run until converged, one round, judged on the cells whose chains are all in chainResults: report
    // {tasks: [index], work: [added work], taskBytes}, data: a Uint8Array of the tasks lengthened, taskBytes each.
    // recordedKeys as for assembleConcept; continued: every task of earlier rounds, later after earlier.
    continuationRound(files: WasmFile[], settings: SettingsText, chainResults: Float64Array[], recordedKeys: (string[] | null)[] | null, continued: ContinuedTask[] | null): Outcome;
    // The round's chains continued from their results so far (chainResults[i], one chain each, for continued[i]).
    continueConceptChains(files: WasmFile[], settings: SettingsText, continued: ContinuedTask[], chainResults: Float64Array[], progress: ((fraction: number) => void) | null): Outcome;
    continueClusteredChains(clustering: Uint8Array, settings: SettingsText, continued: ContinuedTask[], chainResults: Float64Array[], progress: ((fraction: number) => void) | null): Outcome;
    // Summarises the concepts given (indices as planConcept's report gives each task's) from chainResults, which
    // hold all their chains, and keeps them for assembleConcept, which then needs none of their chains.
    summariseConcepts(files: WasmFile[], settings: SettingsText, chainResults: Float64Array[], continued: ContinuedTask[] | null, concepts: number[]): Outcome;
    // recordedKeys[i]: null when chainResults[i] holds this plan's task indices, else the keys of the plan it was recorded under.
    // Rounds of run until converged not run yet are run here.
    assembleConcept(files: WasmFile[], settings: SettingsText, chainResults: Float64Array[], recordedKeys: (string[] | null)[] | null, continued: ContinuedTask[] | null): Outcome;
    // How long writing the last report as text took, in ms.
    serialiseMillis(): number;
  }
  const createShoal: (options?: { locateFile?: (path: string) => string }) => Promise<ShoalModule>;
  export default createShoal;
}
