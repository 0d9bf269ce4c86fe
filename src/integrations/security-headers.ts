/**
 * Security headers for everything the built Node server sends, static files included.
 *
 * @astrojs/node's standalone server serves dist/client with no way to add headers, and Astro middleware only sees
 * on-demand routes. So after the build this integration:
 *  - reads each page's CSP from its <meta> tag into server/security-headers.json (a header adds frame-ancestors,
 *    which a meta tag cannot carry);
 *  - moves Astro's server entry to server/astro-entry.mjs and puts src/server/entry/site-server.mjs in its place
 *    (with the files it imports): same exports, plus the headers on every response, compressed, cached static
 *    files (src/server/entry/static-delivery.mjs) and the API without Astro (src/integrations/server-entries.ts);
 *  - writes client/_headers, the same headers for static hosts that read that file (Netlify, Cloudflare Pages).
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { baseSecurityHeaders, fileSecurityHeaders, HEADER_ONLY_CSP, headerPolicy, isHttpsSite, metaPolicyOf, NON_DOCUMENT_CSP, SERVICE_WORKER_CSP } from '../lib/security-headers.ts';
import { serviceWorkerPath } from '../lib/offline.ts';

/** What the server entry (src/server/entry/site-server.mjs) reads at start-up. */
export interface ServerSecurityHeaders {
  /** Canonical site URL at build time; SITE_URL at run time wins. */
  site: string;
  /** Headers of every page. */
  headers: [string, string][];
  /** Headers of every other file (scripts, styles, images, search fragments). */
  fileHeaders: [string, string][];
  /** Added when the site is https. */
  httpsHeaders: [string, string][];
  /** Site path (`/`, `/steps/take-time/`, `/404.html`) → that page's CSP header. */
  pages: Record<string, string>;
  /** For every other path: what the not-found page (the only other HTML the server sends) needs. */
  fallbackPolicy: string;
  /** Scripts run as workers (path → policy): a worker's CSP comes from its own script's response. */
  workers: Record<string, string>;
  /** The built client folder, relative to the server folder. */
  clientDir: string;
}

const ASTRO_ENTRY = 'astro-entry.mjs';
/** The server entry and what it imports, copied beside Astro's entry as they are (plain JavaScript). */
const entrySources = new URL('../server/entry/', import.meta.url);
const SITE_SERVER = 'site-server.mjs';
const ENTRY_PARTS = ['static-delivery.mjs', 'standalone.mjs'];

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
          fileHeaders: fileSecurityHeaders(),
          httpsHeaders: baseSecurityHeaders({ https: true }).filter(([name]) => name === 'Strict-Transport-Security'),
          pages,
          fallbackPolicy: pages['/404.html'] ?? NON_DOCUMENT_CSP,
          workers: { [serviceWorkerPath]: SERVICE_WORKER_CSP },
          clientDir: relative(serverDir, clientDir).split(sep).join('/') + '/',
        };
        writeFileSync(join(clientDir, '_headers'), staticHostHeaders(site));
        const entry = join(serverDir, 'entry.mjs');
        if (!existsSync(entry)) return;
        writeFileSync(join(serverDir, 'security-headers.json'), `${JSON.stringify(config, null, 2)}\n`);
        // A rerun over the same output must not wrap the wrapper.
        const siteServer = readFileSync(new URL(SITE_SERVER, entrySources), 'utf8');
        if (readFileSync(entry, 'utf8') !== siteServer) renameSync(entry, join(serverDir, ASTRO_ENTRY));
        writeFileSync(entry, siteServer);
        for (const part of ENTRY_PARTS) copyFileSync(new URL(part, entrySources), join(serverDir, part));
        logger.info(`security headers for ${Object.keys(pages).length} pages; server entry wrapped`);
      },
    },
  };
}
