// Keeps the built page usable offline. It caches only the files of its own
// build and answers only requests for those files: any other request, of
// this origin or not, goes to the network untouched and is never cached.
// Every cached copy is checked against the SHA-256 the build wrote here
// before it is served, so a file that another page on the same origin wrote
// into the cache (the Cache API is shared by the whole origin), or that the
// network changed, is thrown away and fetched afresh instead of run.
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

// The build's files not yet in the cache, one at a time, as the network
// serves them; the page asks for this once it is idle (web/src/offline.ts).
// Not hashed here: what keeps a wrong copy from running is the check as it
// is served, below, and hashing each file as it came held it several times
// over in the worker until its garbage collector ran, some 50 MB in the
// tab's process, which the worker shares. Nor in the install event:
// Chromium compiles every script a worker caches while installing, to keep
// V8's code with it, some 20 MB more.
let filling = null;
async function fill() {
  const cache = await caches.open(CACHE);
  for (const path of FILES.keys()) {
    const key = new URL(path, base);
    if (await cache.match(key)) continue;
    try {
      const response = await fetch(key, { cache: 'reload' });
      if (response.ok && response.type === 'basic') await cache.put(key, response);
    } catch {
      // Not kept for offline use; the page still loads it from the network.
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('message', (event) => {
  if (event.data !== 'fill') return;
  filling ??= fill().finally(() => { filling = null; });
  event.waitUntil(filling);
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
