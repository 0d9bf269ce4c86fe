/**
 * The offline service worker's source, written to /sw.js after each build (src/integrations/offline.ts).
 *
 * - Install: caches the guide's pages and everything they load into a cache named after the build's version.
 * - Activate: deletes the caches of older builds. There is no skipWaiting(): a new build's worker waits until the
 *   reader has closed the site's tabs, so one visit never mixes an old page with new files.
 * - Fetch: hashed files cache-first; guide pages network-first, from the cache when the network fails; nothing else
 *   (never /api/ or /admin/) is touched.
 *
 * The worker runs as the text of `offlineWorker` (and of `offlineRoute`), so neither may use anything from outside
 * its own body.
 */
import { offlineCachePrefix, offlineRoute } from '../lib/offline';

/** What the worker uses of ServiceWorkerGlobalScope (the DOM typings this project uses do not describe workers). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

function offlineWorker(scope: WorkerScope, version: string, precache: readonly string[], route: typeof offlineRoute, prefix: string): void {
  const cacheName = prefix + version;

  scope.addEventListener('install', (event) => {
    // `reload`: the copies come from the server, never from the HTTP cache of an earlier build.
    event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(precache.map((path) => new Request(path, { cache: 'reload' })))));
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith(prefix) && name !== cacheName).map((name) => caches.delete(name)))),
    );
  });

  async function fromCacheFirst(request: Request): Promise<Response> {
    const cache = await caches.open(cacheName);
    const cached = await cache.match(request);
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  }

  async function fromNetworkFirst(request: Request): Promise<Response> {
    const cache = await caches.open(cacheName);
    const key = new URL(request.url);
    key.search = '';
    key.hash = '';
    try {
      const response = await fetch(request);
      if (response.ok && !response.redirected) await cache.put(key.href, response.clone());
      return response;
    } catch (error) {
      const cached = await cache.match(key.href);
      if (cached) return cached;
      throw error;
    }
  }

  scope.addEventListener('fetch', (event) => {
    const { request } = event;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== scope.location.origin) return;
    const kind = route(url.pathname);
    if (kind === 'asset') event.respondWith(fromCacheFirst(request));
    else if (kind === 'page' && request.mode === 'navigate') event.respondWith(fromNetworkFirst(request));
  });
}

/** The text of /sw.js for one build: its version names the cache, `precache` lists what install stores. */
export function serviceWorkerSource(version: string, precache: readonly string[]): string {
  return [
    `// Back Together: reading offline. Build ${version}; written by src/integrations/offline.ts.`,
    "'use strict';",
    offlineRoute.toString(),
    `(${offlineWorker.toString()})(self, ${JSON.stringify(version)}, ${JSON.stringify(precache)}, offlineRoute, ${JSON.stringify(offlineCachePrefix)});`,
    '',
  ].join('\n');
}
