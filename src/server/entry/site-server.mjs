// @ts-check
/**
 * The Node server's entry (copied to dist/server/entry.mjs by src/integrations/security-headers.ts; Astro's own
 * entry becomes ./astro-entry.mjs). Every request takes one of three ways:
 *  - `/api/…` goes straight to the API handler (./api-entry.mjs, built from src/server/api-entry.ts);
 *  - a built file is sent as it is, compressed and cached (./static-delivery.mjs), and an unknown path gets the
 *    built not-found page;
 *  - only what remains (on-demand routes outside /api/, other methods on pages) loads Astro's entry, on first need,
 *    so a server that answers files and the API never carries Astro's runtime.
 * Same exports as Astro's entry (`handler`, `startServer`, `options`); CLUSTER_WORKERS=n runs n processes on one port.
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { servedOverHttps } from './site-url.mjs';
// @ts-ignore -- written by the server build beside this file (src/integrations/server-entries.ts).
import * as adapterOptions from './adapter-options.mjs';
import { clusterWorkers, listen, runPrimary } from './standalone.mjs';
import { staticDelivery } from './static-delivery.mjs';

/** @typedef {import('./static-delivery.mjs').Listener} Listener */

const autostart = process.env.ASTRO_NODE_AUTOSTART !== 'disabled';
/** @type {{ mode: string, host?: unknown, port?: number }} */
export const options = adapterOptions;

/** @param {string} name a JSON file the build wrote beside this one */
const readServerJson = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
/** @type {import('../../security/server-headers').ServerSecurityHeaders} */
const config = readServerJson('./security-headers.json');
/** @type {import('../../integrations/server-entries').ServerRoutes} */
const routes = readServerJson('./routes.json');
const onDemandRoutes = routes.onDemand.map((source) => new RegExp(source));
const https = servedOverHttps(process.env.SITE_URL, config.site);
const { page: pageHeaders, file: fileHeaders } = config.headers[https ? 'https' : 'http'];

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

const files = staticDelivery({ clientDir: fileURLToPath(new URL(config.clientDir, import.meta.url)), headersFor });

/** @type {Promise<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>> | undefined} */
let apiHandler;
// @ts-ignore -- built beside this file from src/server/api-entry.ts.
const loadApi = () => (apiHandler ??= import('./api-entry.mjs').then((api) => api.createApiHandler({ https, knownPages: new URL('./known-pages.json', import.meta.url) })));

/** @type {Promise<{ handler: Listener }> | undefined} */
let astroEntry;
const loadAstro = () =>
  (astroEntry ??= (async () => {
    const autostartSetting = process.env.ASTRO_NODE_AUTOSTART;
    process.env.ASTRO_NODE_AUTOSTART = 'disabled';
    try {
      // @ts-ignore -- Astro's entry exists only in the built output, next to this file.
      return await import('./astro-entry.mjs');
    } finally {
      if (autostartSetting === undefined) delete process.env.ASTRO_NODE_AUTOSTART;
      else process.env.ASTRO_NODE_AUTOSTART = autostartSetting;
    }
  })());

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
function jsonError(res, status, code, message) {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...Object.fromEntries(fileHeaders) });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** @type {Listener} */
function listener(req, res, ...rest) {
  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  let path;
  try {
    path = decodeURI(rawPath);
  } catch {
    path = undefined;
  }
  if (rawPath === '/api' || rawPath.startsWith('/api/')) {
    // Astro would answer a path it cannot decode in plain text; the API answers in JSON, as it does every error.
    if (path === undefined) return jsonError(res, 400, 'invalid_path', 'The address has a malformed percent-encoding (such as %E0%A4%A).');
    loadApi()
      .then((handle) => handle(req, res))
      .catch((error) => {
        console.error('[api] cannot start:', error);
        jsonError(res, 503, 'unavailable', 'Comments are unavailable right now.');
      });
    return undefined;
  }
  if (path === undefined) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', ...Object.fromEntries(headersFor(rawPath, true)) });
    return res.end('Bad request.');
  }
  if (files.serveFile(req, res, path)) return undefined;
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  if (isRead && !onDemandRoutes.some((route) => route.test(path)) && files.serveNotFound(req, res, path)) return undefined;
  for (const [name, value] of headersFor(path, true)) res.setHeader(name, value);
  loadAstro()
    .then((astro) => astro.handler(req, res, ...rest))
    .catch((error) => {
      console.error('[server] cannot load the site renderer:', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  return undefined;
}

export const handler = listener;
export function startServer() {
  return listen(/** @type {import('node:http').RequestListener} */ (listener), options);
}
if (autostart && options.mode === 'standalone') {
  const workers = clusterWorkers(process.env.CLUSTER_WORKERS);
  if (workers > 1 && cluster.isPrimary) runPrimary(workers);
  else startServer();
}
