// Share links: the whole analysis in the URL fragment, which browsers never
// send to a server. A link names every input by name, size and SHA-256 (so
// a reviewer's copies can be checked before anything runs) and carries the
// parameters, settings and labels; optionally the data themselves
// (compressed) or public URLs to fetch them from, after the reviewer agrees.
import type { FileSettings } from '@shoal-wasm/shoal.mjs';

export interface SharedFile {
  name: string;
  size: number;
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
export const decompress = (bytes: Uint8Array) => transform(bytes, new DecompressionStream('deflate-raw'));

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
// readable message when the hash is a damaged link.
export async function decodeShare(hash: string): Promise<ShareState | null> {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const json = new TextDecoder().decode(await decompress(fromBase64Url(hash.slice(PREFIX.length))));
    const state = JSON.parse(json) as ShareState;
    if (state.version !== 1 || !Array.isArray(state.files) || typeof state.parameters !== 'object') throw new Error('unknown layout');
    return state;
  } catch (error) {
    throw new Error(`This share link is damaged or incomplete (${error instanceof Error ? error.message : String(error)}).`);
  }
}

// Only https URLs may be fetched, and http on this machine (for testing and
// local servers).
export function fetchableUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    if (url.protocol === 'https:') return url;
    if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return url;
  } catch {
    // not a URL
  }
  return null;
}
