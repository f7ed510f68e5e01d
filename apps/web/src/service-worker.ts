/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Makes the app open without a network: a safety officer on a weak signal can reload or start the
// app from the home screen and still get the pages (and the report queue they keep in the browser).
// Only the app itself is cached, one copy per build; the API always goes to the network (see
// fetchStrategy). SvelteKit registers this file itself (kit.serviceWorker.register, on by default).
import { build, files, version } from '$service-worker';
import { fetchStrategy } from '$lib/pwa/fetch-strategy.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;

// Only caches with this prefix are ours to delete: other code may keep its own in Cache Storage.
const CACHE_PREFIX = 'app-shell-';
const CACHE = `${CACHE_PREFIX}${version}`;
// adapter-static's SPA fallback page (svelte.config.js): the same page serves every route.
const SHELL = '/index.html';
const PRECACHE = [...build, ...files, SHELL];
const PRECACHED: ReadonlySet<string> = new Set(PRECACHE);
// On a weak signal a page load can hang for half a minute; the cached shell is as good, so wait this long at most.
const PAGE_TIMEOUT_MS = 4_000;

sw.addEventListener('install', (event) => {
  event.waitUntil(install(event));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

sw.addEventListener('fetch', (event) => {
  const strategy = fetchStrategy(event.request, sw.location.origin, PRECACHED);
  if (strategy === 'network') return;
  event.respondWith(strategy === 'cache' ? fromCache(event) : page(event.request));
});

async function install(event: ExtendableEvent): Promise<void> {
  const bypass = bypassWorkerForApi(event);
  const cache = await caches.open(CACHE);
  // Unchanged hashed files of the previous version mostly come from the HTTP cache (cached for a year).
  await cache.addAll(PRECACHE);
  await bypass;
  // A new version takes over at the next page load instead of after every tab has been closed.
  await sw.skipWaiting();
}

async function activate(): Promise<void> {
  for (const key of await caches.keys()) {
    if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
  }
  await sw.clients.claim();
}

async function fromCache(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(CACHE);
  // One copy per path: whatever encoding or origin header it was fetched with, it is the same file.
  const cached = await cache.match(event.request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  // A chunk of a build newer than this worker (a page loaded from the network after a deploy):
  // hashed, so keeping it is safe, and the page that needs it then also works offline.
  if (response.ok && new URL(event.request.url).pathname.startsWith('/_app/immutable/')) {
    event.waitUntil(cache.put(event.request, response.clone()).catch(() => undefined));
  }
  return response;
}

/** Network first, so a deploy shows at the next load; this version's shell when offline, too slow, or a gateway fails. */
async function page(request: Request): Promise<Response> {
  const network = fetch(request);
  network.catch(() => undefined); // answered from the cache below; its failure is expected
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, PAGE_TIMEOUT_MS));
  const response = await Promise.race([network, late]).catch(() => undefined);
  // A proxy's 502 while the API restarts is worse than the app from the cache.
  if (response && response.status < 500) return response;
  const shell = await (await caches.open(CACHE)).match(SHELL);
  // Nothing cached (the browser evicted it): the network's own answer or failure, however late.
  return shell ?? network;
}

/** Chromium's static routing (InstallEvent.addRoutes), where there is one. */
type RoutingInstallEvent = ExtendableEvent & {
  addRoutes?: (rules: { condition: { urlPattern: URLPattern }; source: 'network' }[]) => Promise<void>;
};

/**
 * Lets API requests skip the worker altogether where the browser can, so API calls, uploads and the
 * event stream never wait for a stopped worker to start on a slow phone. Elsewhere the fetch
 * handler passes them through itself.
 */
async function bypassWorkerForApi(event: ExtendableEvent): Promise<void> {
  const routing = event as RoutingInstallEvent;
  if (!routing.addRoutes || typeof URLPattern === 'undefined') return;
  try {
    await routing.addRoutes([{ condition: { urlPattern: new URLPattern({ pathname: '/api/*' }) }, source: 'network' }]);
  } catch {
    // An older implementation that rejects the rule: the fetch handler still lets /api through.
  }
}
