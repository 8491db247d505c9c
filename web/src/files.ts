// The files the user dropped, what the core recognised in each, and the
// settings the user corrected.
import type { FileSettings, WasmFile } from '@shoal-wasm/shoal.mjs';
import type { Inspection } from './report-types';

export interface LoadedFile {
  id: number;
  name: string;
  bytes: Uint8Array;
  sha256: string;
  settings: FileSettings;
  inspection: Inspection | null;
  // Set when a shared link expects other contents under this name.
  mismatch?: string;
}

let nextId = 1;

export async function loadFile(name: string, bytes: Uint8Array): Promise<LoadedFile> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { id: nextId++, name, bytes, sha256, settings: {}, inspection: null };
}

export function toWasmFile(file: LoadedFile): WasmFile {
  return { name: file.name, bytes: file.bytes, settings: file.settings };
}

export const FORMATS = ['auto', 'human-long', 'llm-wide', 'plain-long', 'analysis', 'raw-llm'];

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
  family: 'Model family',
  aligned: 'Aligned (yes/no)',
};
