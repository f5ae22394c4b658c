// Relais service worker, written by hand (@angular/service-worker cannot be installed with this
// Angular version). Goal: the mediator's week stays readable offline.
// - Reads of /api/me/* and /api/auth/me: network first, the last good answer as fallback (the page shows its
//   "à jour au" time, which is inside the answer).
// - Other API calls, and every write: straight to the network, never cached.
// - The app shell: network first for pages, cache first for hashed static files.
const SHELL = 'relais-shell-v1';
const DATA = 'relais-data-v1';

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key !== SHELL && key !== DATA).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// Cache writes are not awaited (the event keeps the worker alive for them): the page never waits
// for the cache.
async function networkFirst(event, cacheName, fallbackUrl) {
  const request = event.request;
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(cache.put(fallbackUrl ?? request, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackUrl ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(event) {
  const request = event.request;
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(cache.put(request, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Who is signed in is kept too: offline, the app still knows whose week it shows (signing out
  // deletes this cache).
  if (url.pathname.startsWith('/api/me/') || url.pathname === '/api/auth/me') {
    event.respondWith(networkFirst(event, DATA));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(event, SHELL, '/index.html'));
    return;
  }
  if (/\.(js|css|png|svg|ico|webmanifest)$/.test(url.pathname)) {
    event.respondWith(cacheFirst(event));
  }
});
