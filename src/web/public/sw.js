// The service worker of the pages used in the field — the gate app (/gate/) and the staff console on a
// volunteer's phone (/admin/) — registered once per page with that page as its scope. It keeps the app
// shell (the page and its hashed assets) so the page opens with no signal. API calls are never cached
// here: each page keeps its own data and outbox in IndexedDB.
const scope = new URL(self.registration.scope).pathname; // '/gate/' or '/admin/'
const SHELL = `dashu-shell-v2${scope}`;

/** Asset files a page or script names: `/assets/x.js` in the page, `assets/x.js` or `./x.js` in scripts. */
const named = (text) =>
  [...text.matchAll(/["'`](?:\/?assets\/|\.\/)([\w.-]+\.(?:js|css))["'`]/g)].map((m) => `/assets/${m[1]}`);

// The page and the scripts and styles it names: the first visit loaded them before this worker was
// there to keep them, so they are fetched once more here. The console's pages are lazy chunks (loaded when
// a route opens), so the scripts are read for the chunks they name too, down to the last: a volunteer who
// opened only her visit list online can still open any page in a stairwell. This runs after the page's
// load event (main.tsx registers then), so it costs the first render nothing.
async function keepShell() {
  const cache = await caches.open(SHELL);
  const page = await fetch(scope);
  if (!page.ok) return;
  const html = await page.clone().text();
  const assets = new Set(html.match(/\/assets\/[\w.-]+/g) ?? []);
  await cache.put(scope, page);
  const kept = new Set();
  let pending = [...assets];
  while (pending.length > 0) {
    const next = [];
    for (const asset of pending) {
      if (kept.has(asset)) continue;
      kept.add(asset);
      const response = await fetch(asset);
      if (!response.ok) throw new Error(`${asset}: ${response.status}`);
      if (asset.endsWith('.js')) next.push(...named(await response.clone().text()));
      await cache.put(asset, response);
    }
    pending = next;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(keepShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Older shells of this page only: the other page's worker keeps its own.
  const mine = (name) => name.startsWith('dashu-shell-') && name.endsWith(scope) && name !== SHELL;
  const legacy = (name) => scope === '/gate/' && name === 'dashu-gate-shell-v1';
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => mine(n) || legacy(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** Pages that must not be kept: a resident's own pass behind a personal link. */
const personal = (path) => path.startsWith('/gate/p/');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith(scope.slice(0, -1))) {
    // Network first for the page (a new version arrives when online), the kept shell when not: every
    // route of a page is the same index.html.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && !personal(url.pathname)) {
            const copy = response.clone();
            caches.open(SHELL).then((cache) => cache.put(scope, copy));
          }
          return response;
        })
        .catch(() => caches.match(scope, { cacheName: SHELL }).then((hit) => hit || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith(scope)) {
    // Hashed assets never change: cache first, filled as the page loads them.
    event.respondWith(
      caches.match(request, { cacheName: SHELL }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(SHELL).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
