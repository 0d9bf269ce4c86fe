/**
 * Reading offline: which requests the service worker answers, and how. The worker's source is written at build
 * time (src/integrations/offline-service-worker.ts) and embeds `offlineRoute` by its source text, so the function
 * must stand alone: no imports and nothing from outside its own body.
 */

/**
 * Set in sessionStorage by "Delete everything": this tab registers no worker again, so the offline copy does not
 * come straight back while the reader is still here. It goes when the tab closes, leaving nothing behind.
 */
export const offlineOffKey = 'back-together:offline-off';

/** Where the offline service worker is served (the root, so its scope is the whole site). */
export const serviceWorkerPath = '/sw.js';

/**
 * How long after a page has loaded the offline worker is registered. Its first install downloads the guide's pages
 * and files; started at once it competed with the page the reader opened (on /search/, Lighthouse's blocking time
 * and speed index were worse in most runs), and a few seconds later costs the reader nothing.
 */
export const offlineCopyDelayMs = 5000;

/** Every cache the worker makes starts with this; the rest is the build's version. */
export const offlineCachePrefix = 'back-together-offline-';

/**
 * How the worker answers a same-origin GET for `path`:
 * - `asset`: hashed build files (scripts, styles, the quizzes' data) and the icon, from the cache first (a new build
 *   has new names, so never stale);
 * - `page`: the guide's pages and the articles, from the network first and from the cache without a connection;
 * - `network`: everything else, never cached (comments API, admin, search index, shared results, feeds).
 */
export function offlineRoute(path: string): 'asset' | 'page' | 'network' {
  if (path.startsWith('/_astro/') || path.startsWith('/quizzes/') || path === '/favicon.svg') return 'asset';
  if (!path.endsWith('/') || path.includes('/result/')) return 'network';
  const pagePrefixes = ['/before-you-start/', '/steps/', '/if-it-doesnt-work-out/', '/articles/', '/progress/', '/print/'];
  return path === '/' || pagePrefixes.some((prefix) => path.startsWith(prefix)) ? 'page' : 'network';
}
