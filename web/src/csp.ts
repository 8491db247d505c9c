// The page's Content-Security-Policy, installed before any other code runs.
// Connections may go to the page's own origin only, plus the origins of
// shared data files the user has agreed to fetch in this tab (the agreement
// reloads the page so the policy is set afresh). A static <meta> could not
// widen later: policies only ever narrow.
export const ALLOWED_ORIGINS_KEY = 'shoal-allowed-origins';

export function allowedOrigins(): string[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(ALLOWED_ORIGINS_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string' && /^https?:\/\/[^/\s;']+$/.test(o)) : [];
  } catch {
    return [];
  }
}

function install() {
  const connect = ["'self'", ...allowedOrigins()].join(' ');
  const policy = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
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

install();
