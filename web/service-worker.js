// Keeps the built page usable offline. It caches exactly the files of its
// own build, each checked against the SHA-256 the build wrote here, and
// answers only requests for those files: any other request, of this origin
// or not, goes to the network untouched and is never cached. A cached copy
// is checked again before it is served, so a file that another page on the
// same origin wrote into the cache (the Cache API is shared by the whole
// origin) is thrown away and fetched afresh instead of run.
const CACHE = 'shoal-__VERSION__';
// Path relative to this worker's folder ('' for the page itself) -> SHA-256 (hex).
const FILES = new Map(Object.entries(__FILES__));

const base = new URL('./', self.location.href);

// The build's name for a request, or null when it is not one of the build's files.
function buildFile(request) {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  let path = decodeURI(url.pathname.slice(base.pathname.length));
  if (path === 'index.html') path = '';
  return FILES.has(path) ? path : null;
}

async function sha256(response) {
  const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// The network's copy, put in the cache only when it is the build's.
async function fetchChecked(cache, path, request) {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic' && await sha256(response) === FILES.get(path)) {
    await cache.put(new URL(path, base), response.clone());
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // A file that cannot be fetched or does not match is simply not kept
    // for offline use; the page still loads it from the network. One at a
    // time: the worker shares the tab's process, and the whole build in
    // flight at once (each file held twice, to be hashed) added some 40 MB
    // to the tab's peak as it opened.
    for (const path of FILES.keys()) {
      await fetchChecked(cache, path, new Request(new URL(path, base), { cache: 'reload' })).catch(() => undefined);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('shoal-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const path = buildFile(event.request);
  if (path === null) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = new URL(path, base);
    const cached = await cache.match(key);
    if (cached && await sha256(cached) === FILES.get(path)) return cached;
    if (cached) await cache.delete(key);
    return fetchChecked(cache, path, event.request);
  })());
});
