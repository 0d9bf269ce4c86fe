/**
 * The site's HTTP security headers, each one once, with where it applies. Everything that sends headers reads this
 * table: the Node server's entry (through server/security-headers.json, src/security/server-headers.ts), the
 * middleware for on-demand responses, the comments API (src/server/respond.ts) and static hosts (`_headers`).
 * A new header goes here, and only here.
 */

/** Where a header applies: built pages, the other built files (scripts, styles, images, search fragments), API responses. */
export type Audience = 'page' | 'file' | 'api';

export interface SecurityHeader {
  name: string;
  value: string;
  on: readonly Audience[];
  /** Sent only when the site is served over https (SITE_URL). */
  httpsOnly?: true;
}

/**
 * `no-referrer`: no request carries the page address, to other sites (the quick-exit destination never learns which
 * page the reader left) or to this one. The comments API still gets `Origin`: browsers send it with every fetch() in
 * cors mode, which the site's writes are; only a plain HTML form POST would send `Origin: null`.
 */
export const REFERRER_POLICY = 'no-referrer';

/** HSTS for one year, sent only when the site is served over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Browser features the site never uses, all switched off. Only names Chromium recognises: an unknown one logs a
 * console error on every page. Left on: clipboard-write and web-share (the share buttons use them).
 */
export const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DISABLED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/** CSP directives a <meta> tag cannot carry (browsers ignore them there), so only headers add them. */
export const HEADER_ONLY_CSP = "frame-ancestors 'none'";

/** CSP for responses that are not pages (JSON, feeds, files): load nothing, run nothing, be framed by no one. */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** CSP for the service worker's script, which governs what the worker may fetch: its own site, nothing else. */
export const SERVICE_WORKER_CSP = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

/**
 * CSP for the search worker's script (src/browser/search-worker.ts): it loads Pagefind's script and index from this
 * site and compiles Pagefind's WebAssembly, nothing else.
 */
export const SEARCH_WORKER_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; frame-ancestors 'none'";

const everywhere = ['page', 'file', 'api'] as const;

/**
 * The table. A page's Content-Security-Policy is its own (src/security/csp.ts, collected from each built page's
 * <meta> tag, plus HEADER_ONLY_CSP); the service worker's script gets SERVICE_WORKER_CSP. Files get no feature or
 * framing rules (those apply to documents), so their headers stay a few hundred bytes.
 */
export const SECURITY_HEADERS: readonly SecurityHeader[] = [
  { name: 'X-Content-Type-Options', value: 'nosniff', on: everywhere },
  { name: 'Referrer-Policy', value: REFERRER_POLICY, on: everywhere },
  { name: 'Permissions-Policy', value: PERMISSIONS_POLICY, on: ['page', 'api'] },
  { name: 'X-Frame-Options', value: 'DENY', on: ['page', 'api'] },
  { name: 'Cross-Origin-Opener-Policy', value: 'same-origin', on: ['page', 'api'] },
  // API answers are for the site's own pages: another site may not embed them.
  { name: 'Cross-Origin-Resource-Policy', value: 'same-origin', on: ['api'] },
  { name: 'Content-Security-Policy', value: NON_DOCUMENT_CSP, on: ['file', 'api'] },
  { name: 'Strict-Transport-Security', value: STRICT_TRANSPORT_SECURITY, on: everywhere, httpsOnly: true },
];

/** The headers for one audience, as name-value pairs in table order. */
export function securityHeaders(audience: Audience, options: { https: boolean }): [name: string, value: string][] {
  return SECURITY_HEADERS.filter((header) => header.on.includes(audience) && (options.https || !header.httpsOnly)).map(
    (header): [string, string] => [header.name, header.value],
  );
}

/** A page's policy (as in its <meta> tag) plus the directives only a header can deliver. */
export function headerPolicy(metaPolicy: string): string {
  const trimmed = metaPolicy.trim().replace(/;+\s*$/, '');
  return trimmed.includes('frame-ancestors') ? trimmed : `${trimmed}; ${HEADER_ONLY_CSP}`;
}

/**
 * Adds the security headers to an on-demand response: a page's, or else an API response's. A policy the response
 * already has is kept, with the header-only directives added; a page without one gets none (it must come from the page).
 */
export function applySecurityHeaders(headers: Headers, options: { https: boolean }): void {
  const isPage = headers.get('Content-Type')?.includes('text/html') ?? false;
  const policy = headers.get('Content-Security-Policy');
  for (const [name, value] of securityHeaders(isPage ? 'page' : 'api', options)) headers.set(name, value);
  if (policy) headers.set('Content-Security-Policy', headerPolicy(policy));
}

/**
 * The `_headers` file for static hosts (Netlify, Cloudflare Pages): the pages' headers for every path. Each page's
 * own policy stays in its <meta>; the header adds what a meta tag cannot carry.
 */
export function staticHostHeaders(options: { https: boolean }): string {
  const lines = [...securityHeaders('page', options), ['Content-Security-Policy', HEADER_ONLY_CSP]];
  return `/*\n${lines.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
}
