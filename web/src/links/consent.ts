// The reviewer's agreement to fetch: bound to one page (the link it was given
// for, or the paper's replication) and to the exact URLs shown, and used
// once. It is written just before the page reloads and taken — read and
// removed — when the reloaded page sets its policy, so that
//   - a later link opened in the tab, or the same tab reloaded, asks again;
//   - the policy lets the page connect to those URLs and no others;
//   - a fetch that failed is not repeated on reload.
const CONSENT_KEY = 'shoal-consent';

export type ConsentPurpose = 'link' | 'replicate';

export interface Consent {
  purpose: ConsentPurpose;
  page: string;      // location.hash when agreed: the link itself, or '' for the replication
  urls: string[];    // absolute URLs, exactly as shown to the reviewer (https, or http on this machine: share.ts)
}

let taken: Consent | null = null;

// Agreeing: the caller reloads the page next.
export function grantConsent(consent: Consent) {
  sessionStorage.setItem(CONSENT_KEY, JSON.stringify(consent));
}

function parse(text: string | null): Consent | null {
  try {
    const v = JSON.parse(text ?? 'null') as Partial<Consent> | null;
    if (!v || (v.purpose !== 'link' && v.purpose !== 'replicate') || typeof v.page !== 'string' || !Array.isArray(v.urls)) return null;
    const urls = v.urls.filter((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u));
    return { purpose: v.purpose, page: v.page, urls };
  } catch {
    return null;
  }
}

// Called once, before the policy is written: the agreement counts for this
// page load only, and only if the page is the one it was given for.
export function takeConsent(currentPage: string): Consent | null {
  const stored = parse(sessionStorage.getItem(CONSENT_KEY));
  sessionStorage.removeItem(CONSENT_KEY);
  taken = stored && stored.page === currentPage ? stored : null;
  return taken;
}

// What this page load may fetch, for `purpose`.
export function consentedUrls(purpose: ConsentPurpose): ReadonlySet<string> {
  return new Set(taken?.purpose === purpose ? taken.urls : []);
}

// A URL as a Content-Security-Policy source that matches that URL alone: the
// path without query or fragment, with the characters that end a source or
// a directive percent-encoded (the policy compares decoded paths).
export function policySource(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const path = url.pathname.replace(/[;,'\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `${url.origin}${path}`;
  } catch {
    return null;
  }
}
