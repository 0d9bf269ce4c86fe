/** The HTTP security headers of every response, shared by the Node server, Astro middleware and static-host config. */

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

/** CSP for responses that are not pages (JSON, feeds): load nothing, run nothing, be framed by no one. */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** CSP for the service worker's script, which governs what the worker may fetch: its own site, nothing else. */
export const SERVICE_WORKER_CSP = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

/** True when the canonical site URL (SITE_URL) is https: only then is HSTS sent. */
export function isHttpsSite(siteUrl: string | undefined): boolean {
  return siteUrl?.trim().toLowerCase().startsWith('https://') ?? false;
}

/**
 * Headers for every response, except Content-Security-Policy (which depends on the page).
 * Referrer-Policy `same-origin`: nothing at all goes to other sites, including the quick-exit destination; same-origin
 * requests keep their Origin header, which `no-referrer` would blank on POSTs and so break the comments' origin check.
 */
export function baseSecurityHeaders(options: { https: boolean }): [name: string, value: string][] {
  return [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ...(options.https ? [['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY] as [string, string]] : []),
  ];
}

/**
 * Headers for a file that is not a page (script, style, image, search fragment): no feature policy or framing rule
 * (they apply to documents), and a CSP that lets it load and run nothing, in case it is ever opened as a document.
 */
export function fileSecurityHeaders(): [name: string, value: string][] {
  return [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['Content-Security-Policy', NON_DOCUMENT_CSP],
  ];
}

/** A page's policy (as in its <meta> tag) plus the directives only a header can deliver. */
export function headerPolicy(metaPolicy: string): string {
  const trimmed = metaPolicy.trim().replace(/;+\s*$/, '');
  return trimmed.includes('frame-ancestors') ? trimmed : `${trimmed}; ${HEADER_ONLY_CSP}`;
}

/** The Content-Security-Policy value of a <meta http-equiv> tag in a built page; null when the page has none. */
export function metaPolicyOf(html: string): string | null {
  const tag = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  const content = tag && /\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  return content ? (content[1] ?? content[2] ?? '').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

/**
 * Adds the security headers to an on-demand response. Its CSP gets the header-only directives; a response
 * without one gets the non-document policy, unless it is HTML (a page's policy must come from the page).
 */
export function applySecurityHeaders(headers: Headers, options: { https: boolean }): void {
  for (const [name, value] of baseSecurityHeaders(options)) headers.set(name, value);
  const policy = headers.get('Content-Security-Policy');
  if (policy) headers.set('Content-Security-Policy', headerPolicy(policy));
  else if (!headers.get('Content-Type')?.includes('text/html')) headers.set('Content-Security-Policy', NON_DOCUMENT_CSP);
}
