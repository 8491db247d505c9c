// The offline copy of the page: a service worker (web/service-worker.js)
// that keeps the build's files, registered once the page has read its link
// and is idle, never while a link is being checked: the worker runs in the
// tab's own process, and a hostile link is refused in a tab holding only the
// page. Offline use is a bonus, not a need: any failure here is silent.
export function keepForOffline() {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const start = () => { void register().catch(() => undefined); };
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 5000 });
  else setTimeout(start, 1000);
}

async function register() {
  // The worker's own script is always fetched afresh, so a new build's
  // worker replaces the old one on the next visit.
  const registration = await navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' });
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker) return;
  // A new build's worker fills its own cache once it has taken over
  // (activating, it drops the old build's).
  await new Promise<void>((resolve, reject) => {
    const settled = () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant') reject(new Error('the offline copy could not be set up'));
    };
    worker.addEventListener('statechange', settled);
    settled();
  });
  worker.postMessage('fill');
}
