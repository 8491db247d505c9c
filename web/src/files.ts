// The files the user dropped, what the core recognised in each, and the
// settings the user corrected.
import type { FileSettings } from '@shoal-wasm/shoal.mjs';
import type { JobFile } from './worker/protocol';
import type { Inspection } from './report-types';
import { sha256Hex } from './sha256';

// A file is read, fingerprinted, then inspected by the core; only then can
// the page say whether it will be analysed.
export type FileState = 'reading' | 'inspecting' | 'inspected';

export interface LoadedFile {
  id: number;
  name: string;
  size: number;
  state: FileState;
  // The file's bytes, for the workers and a link that carries them; the page
  // does not hold them itself (half a gigabyte in a large study), and reads
  // them back only to embed them in a link.
  blob: Blob;
  sha256: string;
  settings: FileSettings;
  inspection: Inspection | null;
  // Why the core could not inspect the file at all.
  failure?: string;
  // Set when a shared link expects other contents under this name.
  mismatch?: string;
}

let nextId = 1;

export function pendingFile(name: string, size: number): LoadedFile {
  return { id: nextId++, name, size, state: 'reading', blob: new Blob(), sha256: '', settings: {}, inspection: null };
}

// Why a file could not be read, from the reader's error. The browser
// refuses to read a chosen file that has changed on disk since (its words
// speak of permissions), so that nothing is analysed but the bytes chosen.
export const unreadable = (error: unknown) => 'it could not be read; if it was changed, moved or deleted since it was ' +
  `added, add it again (the browser said: ${error instanceof Error ? error.message : String(error)})`;

// Fills in the bytes of a file the page holds in memory, and their
// fingerprint; the file then waits for inspection. (A dropped file is read
// and fingerprinted by the worker that inspects it.)
export async function finishReading(file: LoadedFile, bytes: Uint8Array) {
  file.sha256 = await sha256Hex(bytes);
  file.blob = new Blob([bytes as BlobPart]);
  file.size = bytes.length;
  file.state = 'inspecting';
}

export const TASK_NAMES: Record<string, string> = { color: 'word–colour', concept: 'similarity' };

// Why a file that was inspected will not be analysed, or null if it will.
export function exclusionReason(file: LoadedFile): string | null {
  if (file.state !== 'inspected') return null;
  if (file.failure) return file.failure;
  const i = file.inspection;
  if (i?.error) return i.error.message;
  if (!i?.task) return 'its columns fit no accepted format';
  return null;
}

export function analysable(file: LoadedFile): boolean {
  return file.state === 'inspected' && !file.mismatch && exclusionReason(file) === null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

// The bytes a worker read whole to fingerprint a dropped file, handed back,
// so that a run's first worker parses them instead of reading the file
// again (on the paper's 48 similarity files it read their Blobs for about
// a second before its first chain); up to KEEP_BYTES in all, each file's
// for one run.
const KEEP_BYTES = 256 * 1024 * 1024;
const kept = new WeakMap<LoadedFile, ArrayBuffer>();
let keptBytes = 0;

export function keepBytes(file: LoadedFile, bytes: ArrayBuffer) {
  if (kept.has(file) || keptBytes + bytes.byteLength > KEEP_BYTES) return;
  kept.set(file, bytes);
  keptBytes += bytes.byteLength;
}

function takeBytes(file: LoadedFile): ArrayBuffer | undefined {
  const bytes = kept.get(file);
  if (bytes) {
    kept.delete(file);
    keptBytes -= bytes.byteLength;
  }
  return bytes;
}

// A file removed, or read again: its kept bytes go.
export const forgetBytes = (file: LoadedFile) => { takeBytes(file); };

// The file as a job takes it; for a run (`taking`), with its kept bytes,
// which it takes from the page.
export function toJobFile(file: LoadedFile, taking = false): JobFile {
  const job: JobFile = { name: file.name, blob: file.blob, size: file.size, settings: file.settings, sha256: file.sha256 };
  const bytes = taking ? takeBytes(file) : undefined;
  return bytes ? { ...job, bytes } : job;
}

export const FORMATS = ['auto', 'human-long', 'llm-wide', 'plain-long', 'analysis', 'raw-llm', 'generic'];

export const ROLE_TITLES: Record<string, string> = {
  population: 'Population',
  individual: 'Individual id',
  word: 'Word',
  block: 'Block (1st / 2nd answer)',
  r: 'Red channel',
  g: 'Green channel',
  b: 'Blue channel',
  colour: 'Colour (#rrggbb or r,g,b)',
  hex1: 'First hex code',
  hex2: 'Second hex code',
  reply1: 'First reply (free text)',
  reply2: 'Second reply (free text)',
  model: 'Model name',
  prompt: 'Prompt condition',
  temperature: 'Temperature',
  concept: 'Target concept',
  question: 'Question (the pair)',
  choice: 'Choice number (0/1)',
  choice1: 'First choice',
  choice2: 'Second choice',
  answer: 'Answer (any text)',
  options: 'Options (a|b|c)',
  family: 'Model family',
  aligned: 'Aligned (yes/no)',
};
