// Share links: the whole analysis in the URL fragment, which browsers never
// send to a server. A link names every input by name and SHA-256 (so a
// reviewer's copies can be checked before anything runs) and carries the
// parameters, settings and labels; optionally the data themselves
// (compressed) or public URLs to fetch them from, after the reviewer agrees.
// Links are made as analysis files (links/analysis-link.ts); this module
// holds what both layouts share (the state they decode to, compression,
// bounded inflating, field checks) and reads links of the earlier layout
// (#s=), which stated the form's fields and each file's size.
import type { FileSettings } from '@shoal-wasm/shoal.mjs';
import { PastLimit, readAtMost } from './links/bounded-read';
import { isLocalHost, isPublicHost } from './links/public-host';
import { visibleText } from './links/visible-text';

// A link and an analysis file (analysis-file/open-analysis.ts) are two
// encodings of one definition of an analysis: the settings, and each input
// by name, SHA-256 and the settings it is read with. Both decode to this.
export interface SharedFile {
  name: string;
  // A link states each file's size; an analysis file does not.
  size?: number;
  sha256: string;
  settings: FileSettings;
  url?: string;
  data?: string;   // base64url of the deflate-raw compressed bytes
}

export interface ShareState {
  version: 1;
  tool: string;
  parameters: Record<string, string>;
  files: SharedFile[];
  // The name of the analysis file this state was read from; absent for a link.
  analysisFile?: string;
}

const PREFIX = '#s=';
// Links longer than this are refused: some browsers, chat tools and mail
// clients cut long URLs, and a failed link is worse than no link.
export const MAX_LINK_LENGTH = 2_000_000;

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

export const compress = (bytes: Uint8Array) => transform(bytes, new CompressionStream('deflate-raw'));

// Inflates into at most `budget` bytes, stopping at the chunk that would pass
// it: a short link can hold a deflate bomb of gigabytes, and the reviewer's
// tab must never hold more than the budget.
export async function decompress(bytes: Uint8Array, budget: number): Promise<Uint8Array> {
  const inflating = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  try {
    return await readAtMost(inflating, budget);
  } catch (error) {
    if (error instanceof PastLimit) throw new Error(`it inflates to more than ${budget} bytes`);
    throw error;
  }
}

// The link's own state: names, settings and parameters, plus the embedded
// data, which were compressed first and are base64 (4/3) in the state.
const STATE_BUDGET = 4 * MAX_LINK_LENGTH;
// Embedded data are compressed before they go into the state, so the state
// inflates to about the link's length: only names, settings and addresses
// compress well, and they fit in a megabyte. A state that inflates much
// further is a bomb, stopped before its declared sizes are even read.
export const stateBudget = (linkLength: number) => Math.min(STATE_BUDGET, (1 << 20) + 2 * linkLength);
// The most a file of a link may hold (the page's own limit is the browser's).
export const MAX_SHARED_FILE = 1 << 30;
// The most data a link may carry, in total, as the files' stated sizes:
// checked before anything is inflated, so a short link that states gigabytes
// is refused at once (docs/privacy.md). Data past this go by reference.
export const MAX_EMBEDDED_BYTES = 8 << 20;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function encodeShare(state: ShareState): Promise<string> {
  return PREFIX + toBase64Url(await compress(new TextEncoder().encode(JSON.stringify(state))));
}

// The state in a location hash, or null when there is none; throws with a
// readable message when the hash is a damaged or malformed link. Every field
// is checked here, before the page uses any: types, lengths, names; the
// parameters then go through the analysis settings' own validator at Run.
// `parameterNames` are those a link may set: the parameter form's fields.
export async function decodeShare(hash: string, parameterNames: ReadonlySet<string>): Promise<ShareState | null> {
  const unchecked = await inflateShare(hash);
  return unchecked === null ? null : checkShare(unchecked, parameterNames);
}

// The two halves of decodeShare. The page inflates a link first, before its
// analysis engine starts, so that a damaged link or a bomb is refused at
// once and whatever the workers take; the fields are checked once the
// engine has said which parameters exist.
export interface InflatedShare { state: unknown }

export async function inflateShare(hash: string): Promise<InflatedShare | null> {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    if (hash.length > MAX_LINK_LENGTH) throw new Error(`it is longer than ${MAX_LINK_LENGTH} characters`);
    const json = new TextDecoder('utf-8', { fatal: true }).decode(await decompress(fromBase64Url(hash.slice(PREFIX.length)), stateBudget(hash.length)));
    return { state: JSON.parse(json) };
  } catch (error) {
    throw damaged(error);
  }
}

export function checkShare(inflated: InflatedShare, parameterNames: ReadonlySet<string>): ShareState {
  try {
    return checkState(inflated.state, parameterNames);
  } catch (error) {
    throw damaged(error);
  }
}

export const damaged = (error: unknown) =>
  new Error(`This share link is damaged or incomplete (${error instanceof Error ? error.message : String(error)}).`);

// The bytes of a file embedded in a link, inflated into its stated size and
// no further (checkState has bounded the stated sizes).
export async function embeddedBytes(file: SharedFile): Promise<Uint8Array> {
  const bytes = await decompress(fromBase64Url(file.data ?? ''), file.size ?? 0);
  if (bytes.length !== file.size) throw new Error(`The embedded ${file.name} holds ${bytes.length} bytes, not the ${file.size} the link states.`);
  return bytes;
}

const LABEL_TEXT = ['name', 'model', 'prompt', 'temperature', 'family'] as const;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function text(v: unknown, what: string, longest: number, pattern?: RegExp): string {
  if (typeof v !== 'string') throw new Error(`${what} is not text`);
  if (v.length > longest) throw new Error(`${what} is longer than ${longest} characters`);
  if (pattern && !pattern.test(v)) throw new Error(`${what} is malformed`);
  return v;
}

// What a file name and a fingerprint may be, in a link or an analysis file.
export const FILE_NAME = /^[^/\\\u0000]+$/;
export const SHA256 = /^[0-9a-f]{64}$/;

// A file's settings as a link or an analysis file states them.
export function checkFileSettings(v: unknown, what: string): FileSettings {
  if (v === undefined) return {};
  if (!isRecord(v)) throw new Error(`${what} is not an object`);
  const out: FileSettings = {};
  for (const key of Object.keys(v)) {
    if (!['format', 'columns', 'labels'].includes(key)) throw new Error(`${what} has an unknown field '${visibleText(key.slice(0, 40))}'`);
  }
  if (v.format !== undefined) out.format = text(v.format, `${what}.format`, 32, /^[a-z-]+$/);
  if (v.columns !== undefined) {
    if (!isRecord(v.columns) || Object.keys(v.columns).length > 32) throw new Error(`${what}.columns is not a small object`);
    out.columns = {};
    for (const [role, column] of Object.entries(v.columns)) {
      out.columns[text(role, `${what}.columns role`, 32, /^[a-z0-9]+$/)] = text(column, `${what}.columns.${role}`, 256);
    }
  }
  if (v.labels !== undefined) {
    const labels = v.labels;
    if (!isRecord(labels)) throw new Error(`${what}.labels is not an object`);
    out.labels = {};
    for (const key of Object.keys(labels)) {
      if (!(LABEL_TEXT as readonly string[]).includes(key) && key !== 'aligned' && key !== 'human') throw new Error(`${what}.labels has an unknown field '${visibleText(key.slice(0, 40))}'`);
    }
    for (const key of LABEL_TEXT) if (labels[key] !== undefined) out.labels[key] = text(labels[key], `${what}.labels.${key}`, 256);
    for (const key of ['aligned', 'human'] as const) {
      if (labels[key] === undefined) continue;
      if (typeof labels[key] !== 'boolean') throw new Error(`${what}.labels.${key} is not true or false`);
      out.labels[key] = labels[key] as boolean;
    }
  }
  return out;
}

function checkFile(v: unknown, index: number): SharedFile {
  const what = `file ${index + 1}`;
  if (!isRecord(v)) throw new Error(`${what} is not an object`);
  for (const key of Object.keys(v)) {
    if (!['name', 'size', 'sha256', 'settings', 'url', 'data'].includes(key)) throw new Error(`${what} has an unknown field '${visibleText(key.slice(0, 40))}'`);
  }
  const size = v.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_SHARED_FILE) {
    throw new Error(`${what}.size is not a whole number from 0 to ${MAX_SHARED_FILE}`);
  }
  const file: SharedFile = {
    name: text(v.name, `${what}.name`, 255, FILE_NAME),
    size,
    sha256: text(v.sha256, `${what}.sha256`, 64, SHA256),
    settings: checkFileSettings(v.settings, `${what}.settings`),
  };
  if (v.url !== undefined) {
    const url = fetchableUrl(text(v.url, `${what}.url`, 2048));
    if (!url) throw new Error(`${what}.url is not an address this page may fetch`);
    file.url = url.href;   // as the reviewer is shown it, agrees to it and the policy allows it
  }
  if (v.data !== undefined) file.data = text(v.data, `${what}.data`, MAX_LINK_LENGTH, /^[A-Za-z0-9_-]*$/);
  return file;
}

function checkState(v: unknown, parameterNames: ReadonlySet<string>): ShareState {
  if (!isRecord(v)) throw new Error('the state is not an object');
  if (v.version !== 1) throw new Error('unknown layout');
  for (const key of Object.keys(v)) {
    if (!['version', 'tool', 'parameters', 'files'].includes(key)) throw new Error(`unknown field '${visibleText(key.slice(0, 40))}'`);
  }
  if (!isRecord(v.parameters)) throw new Error('the parameters are not an object');
  const parameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(v.parameters)) {
    if (!parameterNames.has(name)) throw new Error(`unknown parameter '${visibleText(name.slice(0, 40))}'`);
    parameters[name] = text(value, `parameter ${name}`, 100, /^[0-9A-Za-z.,+-]*$/);
  }
  if (!Array.isArray(v.files) || v.files.length > 64) throw new Error('the files are not a list of at most 64');
  const files = v.files.map(checkFile);
  const embedded = files.reduce((total, f) => total + (f.data !== undefined ? (f.size ?? 0) : 0), 0);
  if (embedded > MAX_EMBEDDED_BYTES) {
    throw new Error(`it states ${embedded.toLocaleString('en')} bytes of embedded data, and a link may carry at most ` +
      `${MAX_EMBEDDED_BYTES.toLocaleString('en')}`);
  }
  return { version: 1, tool: text(v.tool, 'tool', 64), parameters, files };
}

// Only https URLs to public hosts (links/public-host.ts) may be fetched; a
// page served from this machine or a private network (development, an
// intranet) may also fetch from such hosts, and over http from this machine.
export function fetchableUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    const local = typeof location !== 'undefined' && isLocalHost(location.hostname);
    if (!isPublicHost(url.hostname) && !local) return null;
    if (url.username || url.password) return null;
    if (url.protocol === 'https:') return url;
    if (url.protocol === 'http:' && local && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return url;
  } catch {
    // not a URL
  }
  return null;
}
