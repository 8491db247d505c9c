// The page's side of share links: building one from the current state,
// and restoring one — parameters, expected files, embedded or fetched data.
import { ALLOWED_ORIGINS_KEY, allowedOrigins } from './csp';
import { append, byId, h } from './dom';
import type { LoadedFile } from './files';
import {
  compress, embeddedBytes, encodeShare, fetchableUrl, MAX_LINK_LENGTH, toBase64Url,
  type ShareState, type SharedFile,
} from './share';

// The parameter form's named fields: what a link carries, and all it may set.
function namedFields(form: HTMLFormElement): (HTMLInputElement | HTMLSelectElement)[] {
  return (Array.from(form.elements) as (HTMLInputElement | HTMLSelectElement)[]).filter((field) => field.name);
}

export const parameterNames = (form: HTMLFormElement) => new Set(namedFields(form).map((field) => field.name));

export function readParameters(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries(namedFields(form).map((field) => [field.name, field.value]));
}

export function applyParameters(form: HTMLFormElement, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (field && typeof value === 'string') field.value = value;
  }
}

export async function buildLink(files: LoadedFile[], parameters: Record<string, string>, tool: string,
  mode: string, urls: Record<number, string>): Promise<string> {
  const shared: SharedFile[] = [];
  for (const f of files) {
    const entry: SharedFile = { name: f.name, size: f.bytes.length, sha256: f.sha256, settings: f.settings };
    if (mode === 'embed') entry.data = toBase64Url(await compress(f.bytes));
    if (mode === 'urls') {
      const url = fetchableUrl(urls[f.id] ?? '');
      if (!url) throw new Error(`Give an https address for ${f.name}.`);
      entry.url = url.href;
    }
    shared.push(entry);
  }
  const state: ShareState = { version: 1, tool, parameters, files: shared };
  const link = `${location.origin}${location.pathname}${await encodeShare(state)}`;
  if (link.length > MAX_LINK_LENGTH) {
    throw new Error(`With the data embedded the link would be ${link.length.toLocaleString()} characters, more than the ` +
      `${MAX_LINK_LENGTH.toLocaleString()} a link can safely carry. Share the files' addresses instead, or send the files.`);
  }
  return link;
}

// Compares a dropped file with what the link expects under its name; the
// link's settings apply to it.
export function matchShared(state: ShareState | null, file: LoadedFile) {
  const expected = state?.files.find((f) => f.name === file.name);
  if (!expected) return;
  file.settings = structuredClone(expected.settings ?? {});
  file.mismatch = expected.sha256 === file.sha256 ? undefined
    : `This is not the file the shared analysis used: expected ${expected.size.toLocaleString()} bytes with SHA-256 ` +
      `${expected.sha256}, got ${file.bytes.length.toLocaleString()} bytes with SHA-256 ${file.sha256}. Nothing runs until ` +
      'it is replaced by the right file.';
}

// Whether every file the link expects is present and matches.
export function sharedFilesReady(state: ShareState | null, files: LoadedFile[]): boolean {
  if (!state) return true;
  return state.files.every((e) => files.some((f) => f.name === e.name && !f.mismatch));
}

export function renderSharedPanel(state: ShareState | null, files: LoadedFile[], onFetch: () => void, toolVersion: string) {
  const panel = byId('shared-panel');
  panel.hidden = state === null;
  if (!state) return;
  const items = state.files.map((e) => {
    const present = files.find((f) => f.name === e.name);
    const status = !present ? 'missing' : present.mismatch ? 'mismatch' : 'matched';
    const words = { missing: 'waiting for this file', mismatch: 'a different file was given', matched: 'matches' }[status];
    return h('li', { class: status, 'data-expected': e.name },
      `${e.name} (${e.size.toLocaleString()} bytes, SHA-256 ${e.sha256.slice(0, 12)}…): ${words}`);
  });
  const remote = state.files.filter((e) => e.url && !e.data && !files.some((f) => f.name === e.name));
  const origins = [...new Set(remote.map((e) => new URL(e.url!).origin))];
  const fetchButton = remote.length > 0
    ? h('button', { type: 'button', id: 'fetch-shared' }, `Fetch ${remote.length} file${remote.length === 1 ? '' : 's'} from ${origins.join(', ')}`)
    : null;
  fetchButton?.addEventListener('click', onFetch);
  panel.replaceChildren();
  append(panel,
    h('p', {}, `This page was opened from a shared link (Shoal ${state.tool}): the parameters are set as shared. ` +
      'The analysis needs these files; drop your copies in, and each is checked before anything runs.'),
    toolVersion && state.tool !== toolVersion
      ? h('p', { class: 'notice', id: 'shared-version' }, `The link was made by Shoal ${state.tool}; this page is Shoal ${toolVersion}. `
        + 'Numbers can differ between versions: to reproduce the analysis exactly, open the link with that version.')
      : null,
    h('ul', {}, ...items),
    fetchButton,
    remote.length > 0 ? h('p', { class: 'hint' }, 'Fetching asks those servers for the files; nothing is sent but the request.') : null,
  );
}

export async function embeddedFiles(state: ShareState): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(state.files.filter((e) => e.data).map(async (e) => ({ name: e.name, bytes: await embeddedBytes(e) })));
}

// Remote files whose origins the reviewer has agreed to in this tab.
export async function fetchAgreedFiles(state: ShareState): Promise<{ name: string; bytes: Uint8Array }[]> {
  const agreed = new Set(allowedOrigins());
  const remote = state.files.filter((e) => e.url && !e.data && agreed.has(new URL(e.url).origin));
  return Promise.all(remote.map(async (e) => {
    const response = await fetch(e.url!, { credentials: 'omit' });
    if (!response.ok) throw new Error(`Fetching ${e.url} failed: ${response.status} ${response.statusText}`);
    return { name: e.name, bytes: new Uint8Array(await response.arrayBuffer()) };
  }));
}

// The reviewer agrees: the policy must be set afresh, so the page reloads.
export function agreeToFetch(state: ShareState) {
  const origins = [...new Set(state.files.filter((e) => e.url).map((e) => new URL(e.url!).origin))];
  sessionStorage.setItem(ALLOWED_ORIGINS_KEY, JSON.stringify([...new Set([...allowedOrigins(), ...origins])]));
  location.reload();
}
