/**
 * What the Node server's entry (src/server/entry/site-server.mjs) reads at start-up, server/security-headers.json:
 * the header table resolved for pages and files, each built page's Content-Security-Policy (from its <meta> tag,
 * plus what only a header can carry) and the policies of the scripts that run as workers. Written after the build by
 * src/integrations/security-headers.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { serviceWorkerPath } from '../lib/offline.ts';
import { headerPolicy, NON_DOCUMENT_CSP, SEARCH_WORKER_CSP, SERVICE_WORKER_CSP, securityHeaders } from './headers.ts';

type HeaderList = [name: string, value: string][];

export interface ServerSecurityHeaders {
  /** The address the site was built for; SITE_URL at run time wins. */
  site: string;
  /** Headers of every page (its own CSP comes from `pages`) and of every other file, without and with https. */
  headers: Record<'http' | 'https', { page: HeaderList; file: HeaderList }>;
  /** Site path (`/`, `/steps/take-time/`, `/404.html`) → that page's CSP header. */
  pages: Record<string, string>;
  /** For every other path: what the not-found page (the only other HTML the server sends) needs. */
  fallbackPolicy: string;
  /** Scripts run as workers (path → policy): a worker's CSP comes from its own script's response. */
  workers: Record<string, string>;
  /** The built client folder, relative to the server folder. */
  clientDir: string;
}

/** The Content-Security-Policy value of a <meta http-equiv> tag in a built page; null when the page has none. */
export function metaPolicyOf(html: string): string | null {
  const tag = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  const content = tag && /\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  return content ? (content[1] ?? content[2] ?? '').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

/** `steps/take-time/index.html` → `/steps/take-time/`; `404.html` → `/404.html`. */
export function sitePathOf(relativeFile: string): string {
  const path = `/${relativeFile.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Every built page's header policy; throws when a page has no CSP, so a page can never ship without one. */
export function pagePolicies(clientDir: string, pageFiles: readonly string[]): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const file of pageFiles) {
    const policy = metaPolicyOf(readFileSync(file, 'utf8'));
    const path = sitePathOf(relative(clientDir, file));
    if (!policy) throw new Error(`security-headers: ${path} has no Content-Security-Policy <meta> tag`);
    pages[path] = headerPolicy(policy);
  }
  return pages;
}

/**
 * The site path of the search worker's script, which the bundler names with a hash (`/_astro/search-worker-….js`).
 * Throws unless the build wrote exactly one: without its policy the worker could not load Pagefind.
 */
export function searchWorkerPath(clientDir: string): string {
  const found = readdirSync(join(clientDir, '_astro')).filter((file) => /^search-worker-[\w-]+\.js$/.test(file));
  if (found.length !== 1) throw new Error(`security-headers: expected one search worker script in _astro/, found ${found.length}`);
  return `/_astro/${found[0]}`;
}

/** The server's headers for a build: `pages` from pagePolicies(), folders as the build wrote them. */
export function serverSecurityHeaders(build: { site: string; pages: Record<string, string>; clientDir: string; serverDir: string; searchWorker: string }): ServerSecurityHeaders {
  const forScheme = (https: boolean) => ({ page: securityHeaders('page', { https }), file: securityHeaders('file', { https }) });
  return {
    site: build.site,
    headers: { http: forScheme(false), https: forScheme(true) },
    pages: build.pages,
    fallbackPolicy: build.pages['/404.html'] ?? NON_DOCUMENT_CSP,
    workers: { [serviceWorkerPath]: SERVICE_WORKER_CSP, [build.searchWorker]: SEARCH_WORKER_CSP },
    clientDir: relative(build.serverDir, build.clientDir).split(sep).join('/') + '/',
  };
}
