// The page's side of share links: building one from the current state,
// and restoring one — parameters, expected files, embedded or fetched data.
import { refusedInFrame } from './frame-guard';
import { grantConsent } from './links/consent';
import { formatBytes, type LoadedFile } from './files';
import {
  compress, fetchableUrl, MAX_EMBEDDED_BYTES, MAX_LINK_LENGTH, toBase64Url, type ShareState,
} from './share';
import { encodeAnalysisLink, type Carried } from './links/analysis-link';

export { embeddedFiles, fetchAgreedFiles, type LinkFiles } from './links/link-files';

// Data too large for a link: what they would take, against what a link may
// carry. `atLeast` is exact only when `complete` (every file was compressed);
// compressing stops as soon as the data are known not to fit.
export class TooLargeToEmbed extends Error {
  constructor(readonly files: number, readonly bytes: number, readonly atLeast: number, readonly complete: boolean) {
    super(`The data are too large to embed in a link: ${files === 1 ? 'the file' : `the ${files} files`} (${formatBytes(bytes)}) ` +
      `would make a link of ${complete ? '' : 'more than '}${atLeast.toLocaleString('en')} characters even compressed, and a link can ` +
      `carry at most ${MAX_LINK_LENGTH.toLocaleString('en')}.`);
  }
}

// The names of the inputs an analysis file lists, in its order.
const inputsOf = (definition: string) =>
  (JSON.parse(definition) as { inputs: { name: string }[] }).inputs.map((input) => input.name);

// A link to the analyses the analysis files define (the page's own, as it
// downloads them): with the inputs' data or addresses when `mode` asks.
// A file a link may name or carry: its bytes are read only to embed them.
export interface LinkFile { name: string; size: number; id?: number; contents: () => Promise<Uint8Array> }

// A dropped file as a link may carry it: its bytes read back from its Blob
// only if the link embeds them.
export const linkFile = (file: LoadedFile): LinkFile =>
  ({ name: file.name, size: file.size, id: file.id, contents: async () => new Uint8Array(await file.blob.arrayBuffer()) });

export async function buildLink(definitions: string[], files: LinkFile[], mode: string,
  urls: Record<number, string>): Promise<string> {
  if (definitions.length === 0) throw new Error('Add files the page can analyse first.');
  const inputs = definitions.flatMap(inputsOf).map((name) => {
    const file = files.find((f) => f.name === name);
    if (!file) throw new Error(`${name} is no longer listed: add it again, or make the link without it.`);
    return file;
  });
  const carried: Carried[] = [];
  const bytes = inputs.reduce((total, f) => total + f.size, 0);
  let embedded = 0;
  for (const f of inputs) {
    if (mode === 'embed') {
      const data = toBase64Url(await compress(await f.contents()));
      // The link compresses its list once more, which gains next to nothing
      // on compressed data: past the limit here, it is past it in the link.
      embedded += data.length;
      if (embedded > MAX_LINK_LENGTH) throw new TooLargeToEmbed(inputs.length, bytes, embedded, false);
      carried.push({ name: f.name, size: f.size, data });
    }
    if (mode === 'urls') {
      const url = fetchableUrl(urls[f.id ?? -1] ?? '');
      if (!url) throw new Error(`Give an https address for ${f.name}.`);
      carried.push({ name: f.name, size: f.size, url: url.href });
    }
  }
  // The reviewer's page refuses links carrying more than this (analysis-link.ts).
  if (mode === 'embed' && bytes > MAX_EMBEDDED_BYTES) {
    throw new Error(`The data are too large to embed in a link: ${inputs.length === 1 ? 'the file' : `the ${inputs.length} files`} ` +
      `(${formatBytes(bytes)}) are more than the ${formatBytes(MAX_EMBEDDED_BYTES)} a link may carry.`);
  }
  const link = `${location.origin}${location.pathname}${await encodeAnalysisLink(definitions, carried)}`;
  if (link.length > MAX_LINK_LENGTH) {
    if (mode === 'embed') throw new TooLargeToEmbed(inputs.length, bytes, link.length, true);
    throw new Error(`The link would be ${link.length.toLocaleString('en')} characters, more than the ` +
      `${MAX_LINK_LENGTH.toLocaleString('en')} a link can safely carry.`);
  }
  return link;
}

// Compares a dropped file with what the link expects under its name; the
// link's settings apply to it.
export function matchShared(state: ShareState | null, file: LoadedFile) {
  const expected = state?.files.find((f) => f.name === file.name);
  if (!expected) return;
  file.settings = structuredClone(expected.settings ?? {});
  judgeShared(state, file);
}

// Whether the file is the one the shared analysis expects under its name;
// a file not yet fingerprinted is judged when it is (as it is inspected).
export function judgeShared(state: ShareState | null, file: LoadedFile) {
  const expected = state?.files.find((f) => f.name === file.name);
  if (!expected || !file.sha256) return;
  const source = state?.analysisFile ? `the analysis file ${state.analysisFile}` : 'the shared analysis';
  const size = expected.size === undefined ? '' : `${expected.size.toLocaleString()} bytes with `;
  file.mismatch = expected.sha256 === file.sha256 ? undefined
    : `This is not the file ${source} used: expected ${size}SHA-256 ` +
      `${expected.sha256}, got ${file.size.toLocaleString()} bytes with SHA-256 ${file.sha256}. Nothing runs until ` +
      'it is replaced by the right file.';
}

// Whether every file the link expects is present and matches.
export function sharedFilesReady(state: ShareState | null, files: LoadedFile[]): boolean {
  if (!state) return true;
  return state.files.every((e) => files.some((f) => f.name === e.name && !f.mismatch));
}

// The files a Fetch button would ask for: at URLs, not carried, not given.
export const remoteFiles = (state: ShareState, present: (name: string) => boolean) =>
  state.files.filter((e) => e.url && e.data === undefined && !present(e.name));

// The reviewer agrees to fetch exactly these URLs for this link: the policy
// must be set afresh, so the page reloads, and the agreement is used then.
export function agreeToFetch(state: ShareState, present: (name: string) => boolean) {
  if (refusedInFrame()) return;  // a framed page may be clicked through a disguise
  grantConsent({ purpose: 'link', page: location.hash, urls: remoteFiles(state, present).map((e) => e.url!) });
  location.reload();
}
