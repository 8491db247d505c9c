// A link's files as the page gets them, each on its own: those it carries,
// inflated when the reviewer asks, and those at URLs the reviewer agreed to.
// No DOM here, so the adversarial suite runs it in Node.
import { readAtMost } from './bounded-read';
import { consentedUrls } from './consent';
import { embeddedBytes, type ShareState, type SharedFile } from '../share';

export interface LinkFiles {
  files: { name: string; bytes: Uint8Array }[];
  problems: string[];   // one sentence per file that could not be had, naming it
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

// Each file on its own: one that fails is named, and the others are kept.
async function settle(entries: SharedFile[], read: (e: SharedFile) => Promise<Uint8Array>,
  problem: (e: SharedFile, why: string) => string): Promise<LinkFiles> {
  const settled = await Promise.allSettled(entries.map(read));
  const out: LinkFiles = { files: [], problems: [] };
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') out.files.push({ name: entries[i].name, bytes: result.value });
    else out.problems.push(problem(entries[i], reason(result.reason)));
  });
  return out;
}

// The files the link carries, inflated when the reviewer asks (never as the
// page opens): each into its stated size and no further.
export function embeddedFiles(state: ShareState): Promise<LinkFiles> {
  return settle(state.files.filter((e) => e.data !== undefined), embeddedBytes,
    (e, why) => `The link's copy of ${e.name} is damaged, so it cannot be restored (${why}).`);
}

// Remote files at URLs the reviewer agreed to for this very link, on this
// page load (links/consent.ts). A file that cannot be fetched is named with
// its URL; the rest of the page goes on, and a reload does not try again.
export function fetchAgreedFiles(state: ShareState): Promise<LinkFiles> {
  const agreed = consentedUrls('link');
  const remote = state.files.filter((e) => e.url && e.data === undefined && agreed.has(e.url));
  return settle(remote, async (e) => {
    const response = await fetch(e.url!, { credentials: 'omit' });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
    if (!response.body) return new Uint8Array();
    return readAtMost(response.body, e.size ?? 0);   // a link always states it (checkFile)
  }, (e, why) => `Fetching ${e.name} from ${e.url} failed (${why}). The other files are kept; ` +
    'use the Fetch button to try again, or drop your copy in.');
}

