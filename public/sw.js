// Offline support: the lab's own files are cached as they are fetched (network first, so a new
// build is picked up at once; the cache answers only when the network cannot). The CIFAR-10
// shards are not cached here: the page keeps them, verified, in IndexedDB.
const CACHE = 'llp-app-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/data/')) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(event.request);
      if (response.ok) await cache.put(event.request, response.clone());
      return response;
    } catch (e) {
      // ignoreVary: the page's own fetches and its module-script loads differ in Origin headers only.
      const cached = await cache.match(event.request, { ignoreSearch: url.pathname === '/', ignoreVary: true });
      if (cached) return cached;
      throw e;
    }
  })());
});
