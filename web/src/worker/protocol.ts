// Messages between the page and its analysis workers.
import type { ContinuedTask, ErrorInfo, FileSettings, SettingsText, WasmFile } from '@shoal-wasm/shoal.mjs';

export type { ContinuedTask, ErrorInfo, SettingsText, WasmFile };

// A file as it crosses to a worker: its bytes as a Blob, which crosses by
// reference, where bytes would be copied on the page's thread (160 MB of the
// paper's files at the start of a run); the worker reads them.
export interface JobFile {
  name: string;
  blob: Blob;
  size: number;
  settings?: FileSettings;
  sha256?: string;
  // The bytes, when the page still holds them from the file's fingerprint
  // (see keepBytes): transferred to the worker, which reads them instead.
  bytes?: ArrayBuffer;
}

export type Job =
  // The validator's words and the setting at fault as its error.
  | { kind: 'check-settings'; settings: { color: SettingsText; concept: SettingsText } }
  // A file without a fingerprint (sha256 '') is read whole and
  // fingerprinted by the worker that inspects it (see JobResult.sha256).
  | { kind: 'inspect'; file: JobFile }
  // The analysis file of running `analysis` on the files with the settings
  // (JSON), as that run's report will hold it; the files' bytes are not read.
  | { kind: 'analysis-file'; analysis: 'color' | 'concept'; files: JobFile[]; settings: SettingsText }
  // settings: {name: text} by command-line name, as the validator takes them.
  | { kind: 'color'; files: JobFile[]; settings: SettingsText }
  | { kind: 'concept-plan'; files: JobFile[]; settings: SettingsText }
  // keep: the worker also holds the results as those of the whole plan.
  | { kind: 'concept-chains'; files: HeldFiles; settings: SettingsText; tasks: number[]; keep: boolean }
  | { kind: 'concept-clustering'; files: HeldFiles }
  | { kind: 'concept-clustered-chains'; clustering: Uint8Array; settings: SettingsText; tasks: number[] }
  // Chain results of the whole plan for this worker to hold. The worker that
  // assembles the report holds every chain's latest result (a continued
  // chain replaces its earlier one): its own as it runs them (keep), the
  // others' as they come back, sent on while the chains still run. So the
  // chains (100 MB and more with their seatings) cross to it once, and no
  // round waits for them to be copied.
  | { kind: 'concept-hold'; chainResults: Float64Array }
  // A round of run until converged on the held results of `judge` (every task: 'all'), and that round's chains continued (see ContinuedTask).
  | { kind: 'concept-round'; files: HeldFiles; settings: SettingsText; judge: number[] | 'all'; continued: ContinuedTask[] }
  | { kind: 'concept-continue'; files: HeldFiles; settings: SettingsText; continued: ContinuedTask[]; chainResults: Float64Array[]; keep: boolean }
  | { kind: 'concept-clustered-continue'; clustering: Uint8Array; settings: SettingsText; continued: ContinuedTask[]; chainResults: Float64Array[] }
  // Summaries of `concepts` (indices as the plan gives each task's) from
  // the held results of `tasks`, all their chains, kept in the module for
  // the assembly; the worker then drops those results.
  | { kind: 'concept-summarise'; files: HeldFiles; settings: SettingsText; continued: ContinuedTask[]; concepts: number[]; tasks: number[] }
  // The report, from the held results (and the concepts summarised before).
  | { kind: 'concept-assemble'; files: HeldFiles; settings: SettingsText; continued: ContinuedTask[] };

// 'planned': the files of the last concept-plan job this worker ran, which
// it keeps, so they cross to the worker once rather than once per job.
export type HeldFiles = 'planned';

export interface JobResult {
  ok: boolean;
  report: string;
  // A report longer than one string may be, as a Blob (report is then empty).
  reportBlob: Blob | null;
  summary: string;
  error: ErrorInfo;
  data: Uint8Array | Float64Array | null;
  millis: number;
  timings: JobTimings;
  // An inspected file's SHA-256, when the worker took it ('' otherwise),
  // and the bytes it read whole to take it (transferred to the page).
  sha256: string;
  bytes: ArrayBuffer | null;
}

// When the worker received the job, started it (its module loaded), had
// read a file whole to fingerprint it (0 if it did not), had parsed the
// files it had to, and finished, as epoch milliseconds; and how long
// writing the report as text took.
export interface JobTimings {
  received: number;
  started: number;
  read: number;
  parsed: number;
  finished: number;
  serialiseMillis: number;
}

// Work done so far in one job: `fraction` of its own computation (words,
// or Gibbs iterations × individuals), `bytesRead` of the files it parsed.
export interface WorkerProgress {
  fraction: number;
  bytesRead: number;
}

// postedAt: epoch milliseconds, for the time the job took to reach the worker.
export type ToWorker = { id: number; job: Job; postedAt: number };
export type FromWorker =
  | { id: number; type: 'progress'; progress: WorkerProgress }
  | { id: number; type: 'done'; result: JobResult }
  | { id: number; type: 'crashed'; message: string };
