// Runs analyses off the main thread so the page never freezes. Each worker
// holds its own instance of the wasm core.
import createShoal, { type ErrorInfo, type Outcome, type ShoalModule } from '@shoal-wasm/shoal.mjs';
import wasmUrl from '@shoal-wasm/shoal.wasm?url';
import type { FromWorker, Job, JobFile, JobResult, ToWorker, WorkerProgress, WasmFile } from './protocol';
import { chainViews } from '../chain-traces';
import { unreadable } from '../files';
import { sha256Hex } from '../sha256';

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer });
const shoal: Promise<ShoalModule> = createShoal({ locateFile: () => wasmUrl });

let planned: WasmFile[] | null = null;
// The whole plan's chain results this worker holds, by task.
const chains = new Map<number, Float64Array>();

function hold(results: Float64Array) {
  for (const { task, data } of chainViews(results)) if (task >= 0) chains.set(task, data);
}

function heldChains(tasks: number[] | 'all'): Float64Array[] {
  const list = tasks === 'all' ? [...chains.keys()].sort((a, b) => a - b) : tasks;
  return list.map((task) => {
    const chain = chains.get(task);
    if (!chain) throw new Error(`this worker holds no result for chain ${task}`);
    return chain;
  });
}

function held(): WasmFile[] {
  if (!planned) throw new Error('this worker has not parsed the files');
  return planned;
}

// An outcome with no report: a success (`error` null) or that error.
function noReport(error: ErrorInfo | null): Outcome {
  return {
    ok: !error, report: '', reportParts: null, summary: '', data: null,
    error: error ?? { file: '', row: 0, column: '', setting: '', message: '' },
  };
}

// Why `file` could not be read, as the module words a file's error.
const unreadableError = (file: JobFile, error: unknown): ErrorInfo =>
  ({ file: file.name, row: 0, column: '', setting: '', message: unreadable(error) });

// The file's bytes, or its first `limit` bytes only.
async function read(file: JobFile, limit = Infinity): Promise<WasmFile> {
  const blob = file.size > limit ? file.blob.slice(0, limit) : file.blob;
  const bytes = file.bytes && limit >= file.size ? new Uint8Array(file.bytes) : new Uint8Array(await blob.arrayBuffer());
  return { name: file.name, bytes, size: file.size, settings: file.settings, sha256: file.sha256 };
}

// The first of a run's files that could not be read (changed on disk since
// it was dropped), with its name and the card's words: the job fails with
// it. Reset as each job starts (a worker runs one job at a time).
let unread: ErrorInfo | null = null;
const noteUnread = (file: JobFile, error: unknown) => {
  unread ??= { ...unreadableError(file, error), message: `${file.name}: ${unreadable(error)}` };
};

// The file as the module reads it in turn (see load_concepts): its bytes are
// read from the Blob each time the module asks for them, synchronously (a
// worker may), so that the worker holds one file's bytes at a time rather
// than every file's (half a gigabyte in a large study) beside the module.
// A file that cannot be read then gives no bytes, which the module refuses
// as a file given in part, and the job fails with why (unread): the
// reader's exception, thrown through the module, had ended the worker with
// the browser's words alone.
function readInTurn(file: JobFile): WasmFile {
  return {
    name: file.name, size: file.size, settings: file.settings, sha256: file.sha256,
    get bytes() {
      // Bytes the page kept are parsed once, then left to the collector.
      const kept = file.bytes;
      if (kept) {
        file.bytes = undefined;
        return new Uint8Array(kept);
      }
      try {
        return new Uint8Array(new FileReaderSync().readAsArrayBuffer(file.blob));
      } catch (error) {
        noteUnread(file, error);
        return new Uint8Array();
      }
    },
  };
}

// A long file is judged on its first bytes (a tenth of one of the paper's
// files); the rest is read only when the module finds them not enough (an
// empty report). A file not yet fingerprinted is read whole and
// fingerprinted here first: the workers read and hash the dropped files
// side by side, where the page's one thread had taken as long as the rest
// of a drop (for the paper's 49 files, 0.8 s of its time went to hashing).
async function inspect(module: ShoalModule, file: JobFile, fingerprinted: (sha256: string, bytes: ArrayBuffer) => void): Promise<Outcome> {
  let whole: WasmFile | null = null;
  if (!file.sha256) {
    // Read once here: should the File change on disk after, reading it again
    // (for a run) fails, rather than give other bytes than those fingerprinted.
    let buffer: ArrayBuffer;
    try {
      buffer = new FileReaderSync().readAsArrayBuffer(file.blob);
    } catch (error) {
      return noReport(unreadableError(file, error));
    }
    const sha256 = await sha256Hex(buffer);
    fingerprinted(sha256, buffer);
    whole = { name: file.name, bytes: new Uint8Array(buffer), size: buffer.byteLength, settings: file.settings, sha256 };
  }
  const sample = module.inspectionSample();
  const head = whole ? { ...whole, bytes: whole.bytes.subarray(0, sample) } : await read(file, sample);
  const outcome = module.inspectFile(head);
  return outcome.ok && outcome.report === '' ? module.inspectFile(whole ?? await read(file)) : outcome;
}

// The job's files, read, before the module's synchronous call.
async function readFiles(job: Job): Promise<WasmFile[]> {
  // Named by their fingerprints: the bytes are not needed.
  if (job.kind === 'analysis-file') {
    return job.files.map((f) => ({ name: f.name, bytes: new Uint8Array(), settings: f.settings, sha256: f.sha256 }));
  }
  if (job.kind === 'concept-plan') return job.files.map(readInTurn);
  if (job.kind === 'color') {
    return Promise.all(job.files.map((f) => read(f).catch((error) => {
      noteUnread(f, error);
      return { name: f.name, bytes: new Uint8Array(), size: f.size };
    })));
  }
  return [];
}

function run(module: ShoalModule, job: Exclude<Job, { kind: 'inspect' }>, files: WasmFile[], progress: (fraction: number) => void): Outcome {
  switch (job.kind) {
    case 'concept-hold':
      hold(job.chainResults);
      return noReport(null);
    case 'check-settings':
      return module.checkSettings(job.settings);
    case 'analysis-file':
      return module.analysisFile(job.analysis, files, job.settings);
    case 'color':
      return unread ? noReport(unread) : module.analyseColor(files, job.settings, progress);
    case 'concept-plan': {
      planned = files;
      chains.clear();
      const outcome = module.planConcept(files, job.settings);
      return unread ? noReport(unread) : outcome;
    }
    case 'concept-chains':
      return module.runConceptChains(held(), job.settings, job.tasks, progress);
    case 'concept-clustering':
      return module.clusteringInputs(held());
    case 'concept-clustered-chains':
      return module.runClusteredChains(job.clustering, job.settings, job.tasks, progress);
    case 'concept-round':
      return module.continuationRound(held(), job.settings, heldChains(job.judge), null, job.continued);
    case 'concept-continue':
      return module.continueConceptChains(held(), job.settings, job.continued, job.chainResults, progress);
    case 'concept-clustered-continue':
      return module.continueClusteredChains(job.clustering, job.settings, job.continued, job.chainResults, progress);
    case 'concept-summarise': {
      const outcome = module.summariseConcepts(held(), job.settings, heldChains(job.tasks), job.continued, job.concepts);
      if (outcome.ok) for (const task of job.tasks) chains.delete(task);
      return outcome;
    }
    case 'concept-assemble': {
      const outcome = module.assembleConcept(held(), job.settings, heldChains('all'), null, job.continued);
      chains.clear();
      return outcome;
    }
  }
}

const epochNow = () => performance.timeOrigin + performance.now();

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const { id, job } = event.data;
  unread = null;
  try {
    // Reading the files' blobs counts as their transfer (a similarity plan's
    // files are read in turn, as the module parses them: see readInTurn).
    const files = await readFiles(job);
    const received = epochNow();
    const module = await shoal;
    const started = performance.now();
    const startedEpoch = epochNow();
    let parsed = startedEpoch;
    let readAt = 0;
    let sha256 = '';
    let readWhole: ArrayBuffer | null = null;
    // Progress is posted at most every 100 ms: messages are cheap, not free.
    let lastPosted = 0;
    const state: WorkerProgress = { fraction: 0, bytesRead: 0 };
    const send = (final: boolean) => {
      const now = performance.now();
      if (now - lastPosted < 100 && !final) return;
      lastPosted = now;
      post({ id, type: 'progress', progress: { ...state } });
    };
    module.onInputRead((bytes) => {
      parsed = epochNow();
      state.bytesRead = bytes;
      send(false);
    });
    const outcome = job.kind === 'inspect' ? await inspect(module, job.file, (taken, bytes) => {
      readAt = epochNow();
      sha256 = taken;
      readWhole = bytes;
    }) : run(module, job, files, (fraction) => {
      state.fraction = fraction;
      send(fraction >= 1);
    });
    module.onInputRead(null);
    // The data view points into wasm memory: copy it before anything else runs.
    const data = outcome.data ? outcome.data.slice() : null;
    if ('keep' in job && job.keep && data instanceof Float64Array) hold(data.slice());
    const serialiseMillis = job.kind === 'color' || job.kind === 'concept-assemble' ? module.serialiseMillis() : 0;
    const reportBlob = outcome.reportParts ? new Blob(outcome.reportParts, { type: 'application/json' }) : null;
    const result: JobResult = {
      ok: outcome.ok, report: outcome.report, reportBlob, summary: outcome.summary, error: outcome.error, data, millis: performance.now() - started,
      timings: { received, started: startedEpoch, read: readAt, parsed, finished: epochNow(), serialiseMillis }, sha256,
      bytes: readWhole,
    };
    post({ id, type: 'done', result }, [...(data ? [data.buffer] : []), ...(readWhole ? [readWhole] : [])]);
  } catch (error) {
    post({ id, type: 'crashed', message: error instanceof Error ? error.message : String(error) });
  }
};
