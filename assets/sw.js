// TripletLab service worker: keeps the app working without network after the
// first visit (a classroom with bad Wi-Fi). Same-origin GET requests go to the
// network first, so a new deployment is picked up, and fall back to the cache
// when the network is gone. On install it caches the page and every asset the
// page names (Trunk's hashed JS, wasm, CSS and icon; `href=` / `src=`
// attributes and the loader's `module_or_path`, not the words of the
// Content-Security-Policy). Every URL is relative to this script, so the app
// works under a sub-path with the scope of that sub-path. Nothing from
// another origin is fetched or cached.
const CACHE = 'tripletlab-v1';

async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch('./', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('./', response);
  const assets = [...html.matchAll(/(?:\b(?:href|src)\s*=\s*|module_or_path:\s*)["']([^"']+)["']/g)]
    .map((m) => new URL(m[1], self.location.href))
    .filter((url) => url.origin === self.location.origin)
    .map((url) => url.href);
  await Promise.all([...new Set(assets)].map(async (url) => {
    try {
      const r = await fetch(url, { cache: 'no-cache' });
      if (r.ok) await cache.put(url, r);
    } catch {
      // An asset that cannot be fetched now is cached on its next use.
    }
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const fresh = await fetch(request);
      if (fresh.ok) await cache.put(request, fresh.clone());
      return fresh;
    } catch (error) {
      const cached = (await cache.match(request, { ignoreSearch: true }))
        ?? (request.mode === 'navigate' ? await cache.match('./') : undefined);
      if (cached) return cached;
      throw error;
    }
  })());
});
