// @ts-check
/**
 * The Node server's entry: Astro's own server entry (moved beside this file as ./astro-entry.mjs at build time by
 * src/integrations/security-headers.ts) behind a listener that sends the built files itself, compressed and
 * cached (./static-delivery.mjs), with the site's security headers on every response. Same exports as Astro's
 * entry (`handler`, `startServer`, `options`), so `node dist/server/entry.mjs`, `astro preview` and middleware
 * mode all keep working unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { servedOverHttps } from './site-url.mjs';
import { staticDelivery } from './static-delivery.mjs';

const autostart = process.env.ASTRO_NODE_AUTOSTART !== 'disabled';
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// @ts-ignore -- Astro's entry exists only in the built output, next to this file.
const astro = await import('./astro-entry.mjs');
if (autostart) delete process.env.ASTRO_NODE_AUTOSTART;

/** @type {import('../../security/server-headers').ServerSecurityHeaders} */
const config = JSON.parse(readFileSync(new URL('./security-headers.json', import.meta.url), 'utf8'));
const { page: pageHeaders, file: fileHeaders } = config.headers[servedOverHttps(process.env.SITE_URL, config.site) ? 'https' : 'http'];

/**
 * @param {[string, string][]} headers
 * @param {string} policy
 * @returns {[string, string][]}
 */
const withPolicy = (headers, policy) => [...headers.filter(([name]) => name !== 'Content-Security-Policy'), ['Content-Security-Policy', policy]];

/**
 * A page gets every header and its own CSP; any other file only what applies to it (a page's CSP, with its script
 * hashes, is kilobytes that a script or a search fragment would carry for nothing).
 * @param {string} path
 * @param {boolean} isDocument
 * @returns {[string, string][]}
 */
function headersFor(path, isDocument) {
  if (!isDocument) {
    const workerPolicy = config.workers[path];
    return workerPolicy ? withPolicy(fileHeaders, workerPolicy) : fileHeaders;
  }
  const page = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  return withPolicy(pageHeaders, config.pages[page] ?? config.pages[`${page}/`] ?? config.fallbackPolicy);
}

const deliverStatic = staticDelivery({ clientDir: fileURLToPath(new URL(config.clientDir, import.meta.url)), headersFor });

/**
 * Astro answers a path it cannot percent-decode with plain text; the API answers in JSON, as it does every error.
 * @param {import('./static-delivery.mjs').Listener} next
 * @returns {import('./static-delivery.mjs').Listener}
 */
const jsonForMalformedApiPaths = (next) => (req, res, ...rest) => {
  const url = req.url ?? '/';
  if (url.startsWith('/api/')) {
    try {
      decodeURI(url);
    } catch {
      res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ error: { code: 'invalid_path', message: 'The address has a malformed percent-encoding (such as %E0%A4%A).' } }));
      return undefined;
    }
  }
  return next(req, res, ...rest);
};

/** @param {import('./static-delivery.mjs').Listener} listener */
const deliver = (listener) => deliverStatic(jsonForMalformedApiPaths(listener));

export const options = astro.options;
export const handler = deliver(astro.handler);
export function startServer() {
  const started = astro.startServer();
  const server = started.server.server;
  for (const listener of server.listeners('request')) {
    server.removeListener('request', listener);
    server.on('request', deliver(/** @type {import('./static-delivery.mjs').Listener} */ (listener)));
  }
  return started;
}
if (autostart && options.mode === 'standalone') startServer();
