// The Infoshos service worker: the app shell from a cache of this build, the news from the
// network when it can be reached and from the last copy when it cannot.
// `make spa` (scripts/precache.mjs) writes the build's version and shell list into the copy
// in dist/; this file in public/ is the template.
'use strict';

const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const SHELL_CACHE = `infoshos-shell-${VERSION}`;
// Feed pages, states, rates and every article the reader opened. Kept across versions.
// The number is the shape of the API's JSON: it grows when a copy kept before could no longer
// be read (2: an article's body became cleaned HTML instead of a list of paragraphs).
const DATA_CACHE = 'infoshos-data-2';
// Articles the reader saved on purpose (written by pwa.js); never trimmed here.
const SAVED_CACHE = 'infoshos-saved-2';
const OLD_DATA = ['infoshos-data'];
const OLD_SAVED = ['infoshos-saved'];
const DATA_LIMIT = 300;
const SAVED_AT = 'x-infoshos-saved-at';

// Lists the portal shows: quick from the last copy, refreshed behind it.
const LISTS = ['/api/articles', '/api/states', '/api/rates'];
// An article and its comments: fresh when possible, the last copy when not.
const ARTICLE = /^\/api\/articles\/[^/]+(\/comments)?$/;

self.addEventListener('install', (event) => {
  // `reload`: the shell comes from the server, never from the browser's HTTP cache.
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      cache.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' }))),
    ),
  );
  // No skipWaiting here: a new version waits until the reader chooses Reload.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('infoshos-shell-') && name !== SHELL_CACHE) {
          await caches.delete(name);
        }
      }
      await upgradeCopies();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') {
    self.skipWaiting();
  } else if (type === 'version' && event.source) {
    event.source.postMessage({ type: 'version', version: VERSION });
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // POSTs (comments) always go to the server and are never kept.
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  // Widgets live in other sites' pages, and the editors' area is for staff online: neither is
  // cached or served from here.
  if (path.startsWith('/embed/') || path === '/embed.js') return;
  if (path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/admin/')) return;

  if (path.startsWith('/api/')) {
    if (LISTS.includes(path)) {
      event.respondWith(staleWhileRevalidate(event));
    } else if (ARTICLE.test(path)) {
      event.respondWith(networkFirst(event));
    }
    return;
  }
  if (request.mode === 'navigate' && !lastSegment(path).includes('.')) {
    // The server's page, with its content, when it can be reached; offline, every route
    // boots from its edition's shell, which reads the kept answers.
    const edition = editionOf(path);
    const shell = () => (edition ? fromEdition(edition, request) : fromShell('/index.html', request));
    const page = () =>
      fetch(request).then((response) => {
        if (response.ok) event.waitUntil(keepCarried(response.clone()));
        if (response.ok && edition) event.waitUntil(keepEdition(edition));
        return response;
      }, shell);
    event.respondWith(self.navigator.onLine === false ? shell() : page());
    return;
  }
  if (SHELL.includes(path) || path.startsWith('/edition-')) {
    event.respondWith(fromShell(path, request));
  } else if (path.startsWith('/flags/')) {
    event.respondWith(keptOnFirstUse(request));
  } else if (path.startsWith('/media/')) {
    event.respondWith(savedPhoto(request));
  }
});

// A saved article's lead photo (pwa-later.js keeps the variant its page showed); every other
// photo from the network, which the browser's HTTP cache keeps for good (immutable names).
async function savedPhoto(request) {
  const saved = await caches.open(SAVED_CACHE);
  return (await saved.match(request)) || fetch(request);
}

// Flags: 27 small files a page shows some of, so none is fetched at install; each one seen is
// kept with this build's shell, and offline pages show the flags the reader has met.
async function keptOnFirstUse(request) {
  const cache = await caches.open(SHELL_CACHE);
  const copy = await cache.match(request);
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone()).catch(() => {});
  return response;
}

function lastSegment(path) {
  return path.slice(path.lastIndexOf('/') + 1);
}

async function fromShell(key, request) {
  const cache = await caches.open(SHELL_CACHE);
  return (await cache.match(key)) || fetch(request);
}

// Each edition's reader has a build of its own (decision 0011). The shell above is the
// English one; the Russian and Chinese ones are kept in the same cache (so a new version
// replaces them too) the first time the reader reads that edition online.
function editionOf(path) {
  const found = /^\/(ru|zh)\//.exec(path);
  return found ? `/edition-${found[1]}/` : null;
}

async function fromEdition(edition, request) {
  const cache = await caches.open(SHELL_CACHE);
  return (await cache.match(`${edition}index.html`)) || fromShell('/index.html', request);
}

async function keepEdition(edition) {
  const cache = await caches.open(SHELL_CACHE);
  if (await cache.match(`${edition}index.html`)) return;
  try {
    const page = await fetch(`${edition}index.html`, { cache: 'reload' });
    if (!page.ok) return;
    const html = await page.clone().text();
    const assets = html.match(new RegExp(`${edition}[\\w.-]+\\.(?:js|wasm|css)`, 'g')) || [];
    await cache.addAll([...new Set(assets)].map((url) => new Request(url, { cache: 'reload' })));
    await cache.put(`${edition}index.html`, page);
  } catch (err) {
    // Offline again, or a full disk: the next online visit tries again.
  }
}

async function networkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(keep(request, response.clone()));
    tell(event, { type: 'api', ok: true });
    return response;
  } catch (err) {
    const copy = await lastCopy(request);
    tell(event, { type: 'api', ok: false, savedAt: savedAt(copy) });
    return copy || notOffline();
  }
}

async function staleWhileRevalidate(event) {
  const request = event.request;
  const copy = await lastCopy(request);
  const fresh = fetch(request).then(
    async (response) => {
      if (response.ok) await keep(request, response.clone());
      tell(event, { type: 'api', ok: true });
      return response;
    },
    () => {
      tell(event, { type: 'api', ok: false, savedAt: savedAt(copy) });
      return null;
    },
  );
  if (copy) {
    event.waitUntil(fresh);
    return copy;
  }
  return (await fresh) || notOffline();
}

async function lastCopy(request) {
  const data = await caches.open(DATA_CACHE);
  const saved = await caches.open(SAVED_CACHE);
  return (await data.match(request)) || (await saved.match(request)) || null;
}

// Copies in an older shape: passing ones are dropped; saved articles are fetched again in
// the new shape, and an old saved cache goes only once every article in it is fetched
// (offline now, the next version tries again).
async function upgradeCopies() {
  for (const name of OLD_DATA) await caches.delete(name);
  for (const name of OLD_SAVED) {
    if (!(await caches.has(name))) continue;
    const old = await caches.open(name);
    const saved = await caches.open(SAVED_CACHE);
    let left = 0;
    for (const request of await old.keys()) {
      try {
        const response = await fetch(request.url, { cache: 'no-store' });
        if (!response.ok) throw new Error(String(response.status));
        await saved.put(request.url, response);
        await old.delete(request);
      } catch (err) {
        left += 1;
      }
    }
    if (left === 0) await caches.delete(name);
  }
}

// Only good answers are kept, stamped with when, so the page can say how old a copy is.
async function keep(request, response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, String(Date.now()));
  headers.delete('content-encoding');
  headers.delete('content-length');
  const body = await response.blob();
  const cache = await caches.open(DATA_CACHE);
  try {
    await cache.put(request, new Response(body, { status: response.status, headers }));
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - DATA_LIMIT))) {
      await cache.delete(old);
    }
  } catch (err) {
    // A full disk costs the offline copy, never the answer the page is waiting for.
  }
}

// A page the server rendered carries the API answers it shows (server/src/pages/render.rs):
// kept as the app's own requests are, so the shell reads them offline later.
async function keepCarried(response) {
  const page = await response.text();
  const open = '<script type="application/json" id="carried">';
  const start = page.indexOf(open);
  if (start < 0) return;
  const text = page.slice(start + open.length, page.indexOf('</script>', start));
  let answers;
  try {
    answers = JSON.parse(text);
  } catch (err) {
    return;
  }
  const json = { 'content-type': 'application/json' };
  for (const [url, answer] of Object.entries(answers)) {
    if (answer !== null) await keep(new Request(url), new Response(JSON.stringify(answer), { headers: json }));
  }
}

function savedAt(response) {
  const stamp = response && Number(response.headers.get(SAVED_AT));
  return stamp || null;
}

function notOffline() {
  const body = JSON.stringify({ error: 'This is not available offline yet.', fields: {} });
  return new Response(body, {
    status: 503,
    headers: { 'content-type': 'application/json', 'x-infoshos-offline': '1' },
  });
}

async function tell(event, message) {
  const id = event.clientId || event.resultingClientId;
  const client = id && (await self.clients.get(id));
  if (client) client.postMessage(message);
}
