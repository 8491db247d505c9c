// The page's Content-Security-Policy, installed before any other code runs.
// Connections may go to the page's own origin only, plus the exact URLs the
// reviewer has just agreed to fetch for this page (links/consent.ts: the
// agreement reloads the page so the policy is set afresh, and counts for that
// one load). A static <meta> could not widen later: policies only ever
// narrow. Workers are started so that they run under this same policy (see
// below).
import { policySource, takeConsent } from './links/consent';

function install() {
  const agreed = takeConsent(location.hash)?.urls.map(policySource).filter((s): s is string => s !== null) ?? [];
  const connect = ["'self'", ...new Set(agreed)].join(' ');
  const policy = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",  // blob: only for the workers' one-line starters below
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.prepend(meta);
}

// A worker loaded from a URL takes its policy from that response's HTTP
// headers, which a static host does not send: it could connect anywhere.
// A worker made from a blob: URL inherits the policy of the page that made
// it. So every worker the page starts is a one-line blob that imports the
// real (same-origin) script; the constructor the page's code calls is
// replaced here, before any of that code runs.
function startWorkersUnderPolicy() {
  const PlainWorker = window.Worker;
  class WorkerUnderPagePolicy extends PlainWorker {
    constructor(script: string | URL, options?: WorkerOptions) {
      const url = new URL(script, location.href);
      if (url.origin !== location.origin) throw new Error(`A worker may only run this site's scripts, not ${url.href}`);
      const starter = options?.type === 'module' ? `import ${JSON.stringify(url.href)};` : `importScripts(${JSON.stringify(url.href)});`;
      super(URL.createObjectURL(new Blob([starter], { type: 'text/javascript' })), options);
    }
  }
  window.Worker = WorkerUnderPagePolicy;
}

install();
startWorkersUnderPolicy();
