// The offline copy of the app. After the first visit every file of dist/ is in the cache, so
// the page loads and works with the network off. Files are fetched network-first while
// online, so a new version replaces the old at the next load; its install prunes what the
// new index.html no longer names. Only this site's own GET requests are ever touched.
const CACHE = 'zhibiao';

// The files the page needs: index.html and everything it names (Trunk's hashed js, wasm, css).
async function appFiles() {
  const index = new URL('./', self.registration.scope).href;
  const response = await fetch(index, { cache: 'no-store' });
  const html = await response.clone().text();
  const names = new Set([index, new URL('boot.js', index).href]);
  // Attribute values quoted or not (Trunk minifies index.html).
  for (const m of html.matchAll(/\s(?:href|src|data-zb-js|data-zb-wasm|data-zb-worker)=(?:"([^"#?]*)"|([^\s"'>#?]+))/g)) {
    const url = new URL(m[1] ?? m[2], index);
    if (url.origin === self.location.origin) names.add(url.href);
  }
  return { index, response, names };
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const { index, response, names } = await appFiles();
    await cache.put(index, response);
    await cache.addAll([...names].filter((n) => n !== index));
    for (const request of await cache.keys()) {
      if (!names.has(request.url)) await cache.delete(request);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (offline) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw offline;
    }
  })());
});
