/**
 * The Content-Security-Policy, as Astro's `security.csp` setting. Astro hashes every script and style it emits and
 * writes the policy into each page's <meta http-equiv>; the Node server repeats it as a header (plus frame-ancestors),
 * see src/integrations/security-headers.ts. No 'unsafe-inline' anywhere: styles are hashed just like scripts.
 */
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';
import { themeBootScript } from '../browser/theme-boot.ts';
import { offlineBootScript } from '../browser/offline-boot.ts';
import { isHttpsSite } from '../lib/security-headers.ts';

/** A CSP hash source for an inline script or style, e.g. `sha256-…`. */
export function sha256Source(content: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`;
}

type CspSetting = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** Astro's `security.csp` for a site served at `siteUrl`. */
export function contentSecurityPolicy(siteUrl: string): CspSetting {
  return {
    algorithm: 'SHA-256',
    // default-src 'none' covers frames, objects, media; everything the site loads comes from itself.
    directives: [
      "default-src 'none'",
      "connect-src 'self'",
      "img-src 'self'",
      "font-src 'self'",
      "manifest-src 'self'",
      // Pagefind searches in a same-origin web worker.
      "worker-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
      ...(isHttpsSite(siteUrl) ? (['upgrade-insecure-requests'] as const) : []),
    ],
    scriptDirective: {
      // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; it does not allow eval() of JavaScript.
      resources: ["'self'", "'wasm-unsafe-eval'"],
      // is:inline scripts are not hashed by Astro: list each one here.
      hashes: [sha256Source(themeBootScript), sha256Source(offlineBootScript)],
    },
  };
}
