/**
 * Security headers for everything the built Node server sends, static files included, and for static hosts. The
 * headers themselves are the table in src/security/headers.ts.
 *
 * @astrojs/node's standalone server serves dist/client with no way to add headers, and Astro middleware only sees
 * on-demand routes. So after the build this integration:
 *  - writes server/security-headers.json (src/security/server-headers.ts): the table for pages and files, and each
 *    page's CSP read from its <meta> tag (a header adds frame-ancestors, which a meta tag cannot carry);
 *  - moves Astro's server entry to server/astro-entry.mjs and puts src/server/entry/site-server.mjs in its place
 *    (with the files it imports): same exports, plus the headers on every response, compressed, cached static
 *    files (src/server/entry/static-delivery.mjs) and the API without Astro (src/integrations/server-entries.ts);
 *  - writes client/_headers, the same headers for static hosts that read that file (Netlify, Cloudflare Pages).
 */
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { staticHostHeaders } from '../security/headers.ts';
import { pagePolicies, searchWorkerPath, serverSecurityHeaders } from '../security/server-headers.ts';
import { afterBuild, builtFiles, HTML } from './after-build.ts';

const ASTRO_ENTRY = 'astro-entry.mjs';
/** The server entry and what it imports, copied beside Astro's entry as they are (plain JavaScript). */
const entrySources = new URL('../server/entry/', import.meta.url);
const SITE_SERVER = 'site-server.mjs';
const ENTRY_PARTS = ['static-delivery.mjs', 'site-url.mjs', 'standalone.mjs'];

/**
 * Puts the site's entry in place of Astro's `entry.mjs` in a built server folder (Astro's moves to astro-entry.mjs).
 * False when the folder has no server entry (a static build).
 */
export function installServerEntry(serverDir: string): boolean {
  const entry = join(serverDir, 'entry.mjs');
  if (!existsSync(entry)) return false;
  // A rerun over the same output must not wrap the wrapper.
  const siteServer = readFileSync(new URL(SITE_SERVER, entrySources), 'utf8');
  if (readFileSync(entry, 'utf8') !== siteServer) renameSync(entry, join(serverDir, ASTRO_ENTRY));
  writeFileSync(entry, siteServer);
  for (const part of ENTRY_PARTS) copyFileSync(new URL(part, entrySources), join(serverDir, part));
  return true;
}

export default function securityHeaders(): AstroIntegration {
  return afterBuild('security-headers', ({ clientDir, serverDir, site }, { logger }) => {
    const pages = pagePolicies(clientDir, builtFiles(clientDir, HTML));
    writeFileSync(join(clientDir, '_headers'), staticHostHeaders({ https: site.startsWith('https://') }));
    if (!existsSync(join(serverDir, 'entry.mjs'))) return;
    const config = serverSecurityHeaders({ site, pages, clientDir, serverDir, searchWorker: searchWorkerPath(clientDir) });
    writeFileSync(join(serverDir, 'security-headers.json'), `${JSON.stringify(config, null, 2)}\n`);
    installServerEntry(serverDir);
    logger.info(`security headers for ${Object.keys(pages).length} pages; server entry wrapped`);
  });
}
