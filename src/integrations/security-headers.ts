/**
 * Security headers for everything the built Node server sends, static files included.
 *
 * @astrojs/node's standalone server serves dist/client with no way to add headers, and Astro middleware only sees
 * on-demand routes. So after the build this integration:
 *  - reads each page's CSP from its <meta> tag into server/security-headers.json (a header adds frame-ancestors,
 *    which a meta tag cannot carry);
 *  - moves Astro's server entry to server/astro-entry.mjs and writes server/entry.mjs, a thin wrapper with the
 *    same exports (`handler`, `startServer`, `options`) that sets the headers on every response. `node
 *    dist/server/entry.mjs`, `astro preview` and middleware mode all keep working unchanged;
 *  - writes client/_headers, the same headers for static hosts that read that file (Netlify, Cloudflare Pages).
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { baseSecurityHeaders, HEADER_ONLY_CSP, headerPolicy, isHttpsSite, metaPolicyOf, NON_DOCUMENT_CSP } from '../lib/security-headers.ts';

/** What the server wrapper reads at start-up. */
export interface ServerSecurityHeaders {
  /** Canonical site URL at build time; SITE_URL at run time wins. */
  site: string;
  headers: [string, string][];
  /** Added when the site is https. */
  httpsHeaders: [string, string][];
  /** Site path (`/`, `/steps/take-time/`, `/404.html`) → that page's CSP header. */
  pages: Record<string, string>;
  /** For every other path: what the not-found page (the only other HTML the server sends) needs. */
  fallbackPolicy: string;
}

export const WRAPPER_MARKER = '// back-together: security headers wrapper';
const ASTRO_ENTRY = 'astro-entry.mjs';

/** Every .html file under a folder (the built client output), at any depth. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** `steps/take-time/index.html` → `/steps/take-time/`; `404.html` → `/404.html`. */
export function sitePathOf(relativeFile: string): string {
  const path = `/${relativeFile.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Every built page's header policy; throws when a page has no CSP, so a page can never ship without one. */
export function pagePolicies(clientDir: string): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const file of htmlFiles(clientDir)) {
    const policy = metaPolicyOf(readFileSync(file, 'utf8'));
    const path = sitePathOf(relative(clientDir, file));
    if (!policy) throw new Error(`security-headers: ${path} has no Content-Security-Policy <meta> tag`);
    pages[path] = headerPolicy(policy);
  }
  return pages;
}

/** The `_headers` file for static hosts: every page's own policy stays in its <meta>; the header adds the rest. */
export function staticHostHeaders(site: string): string {
  const lines = [...baseSecurityHeaders({ https: isHttpsSite(site) }), ['Content-Security-Policy', HEADER_ONLY_CSP]];
  return `/*\n${lines.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
}

const wrapperSource = `${WRAPPER_MARKER}, written by src/integrations/security-headers.ts at build time.
// Astro's own server entry is ./${ASTRO_ENTRY}; this one adds the site's security headers to every response.
import { readFileSync } from 'node:fs';

const autostart = process.env.ASTRO_NODE_AUTOSTART !== 'disabled';
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const astro = await import('./${ASTRO_ENTRY}');
if (autostart) delete process.env.ASTRO_NODE_AUTOSTART;

const config = JSON.parse(readFileSync(new URL('./security-headers.json', import.meta.url), 'utf8'));
const https = (process.env.SITE_URL || config.site || '').trim().toLowerCase().startsWith('https://');
const headers = https ? [...config.headers, ...config.httpsHeaders] : config.headers;

function policyFor(url) {
  let path = (url || '/').split(/[?#]/, 1)[0];
  try {
    path = decodeURI(path);
  } catch {}
  if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length);
  return config.pages[path] ?? config.pages[path + '/'] ?? config.fallbackPolicy;
}

// Headers set here are defaults: an on-demand response's own headers (from Astro and src/middleware.ts) win.
function withSecurityHeaders(listener) {
  return (req, res, ...rest) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.setHeader('Content-Security-Policy', policyFor(req.url));
    return listener(req, res, ...rest);
  };
}

export const options = astro.options;
export const handler = withSecurityHeaders(astro.handler);
export function startServer() {
  const started = astro.startServer();
  const server = started.server.server;
  for (const listener of server.listeners('request')) {
    server.removeListener('request', listener);
    server.on('request', withSecurityHeaders(listener));
  }
  return started;
}
if (autostart && options.mode === 'standalone') startServer();
`;

export default function securityHeaders(): AstroIntegration {
  let site = '';
  let clientDir = '';
  let serverDir = '';
  return {
    name: 'back-together:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        clientDir = fileURLToPath(config.build.client);
        serverDir = fileURLToPath(config.build.server);
      },
      'astro:build:done': ({ logger }) => {
        const pages = pagePolicies(clientDir);
        const config: ServerSecurityHeaders = {
          site,
          headers: baseSecurityHeaders({ https: false }),
          httpsHeaders: baseSecurityHeaders({ https: true }).filter(([name]) => name === 'Strict-Transport-Security'),
          pages,
          fallbackPolicy: pages['/404.html'] ?? NON_DOCUMENT_CSP,
        };
        writeFileSync(join(clientDir, '_headers'), staticHostHeaders(site));
        const entry = join(serverDir, 'entry.mjs');
        if (!existsSync(entry)) return;
        writeFileSync(join(serverDir, 'security-headers.json'), `${JSON.stringify(config, null, 2)}\n`);
        // A rerun over the same output must not wrap the wrapper.
        if (!readFileSync(entry, 'utf8').startsWith(WRAPPER_MARKER)) renameSync(entry, join(serverDir, ASTRO_ENTRY));
        writeFileSync(entry, wrapperSource);
        logger.info(`security headers for ${Object.keys(pages).length} pages; server entry wrapped`);
      },
    },
  };
}
