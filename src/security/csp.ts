/**
 * The Content-Security-Policy, as Astro's `security.csp` setting. Astro hashes every script and style it emits and
 * writes the policy into each page's <meta http-equiv>; the Node server repeats it as a header (plus frame-ancestors),
 * see src/security/server-headers.ts. No 'unsafe-inline' anywhere: styles are hashed just like scripts.
 */
import type { AstroUserConfig } from 'astro';

type CspSetting = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** Astro's `security.csp`; `https`: the site is served over https (SITE_URL). */
export function contentSecurityPolicy(options: { https: boolean }): CspSetting {
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
      ...(options.https ? (['upgrade-insecure-requests'] as const) : []),
    ],
    scriptDirective: {
      // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; it does not allow eval() of JavaScript.
      resources: ["'self'", "'wasm-unsafe-eval'"],
      // Astro does not hash is:inline scripts: each page allows its own (inline-scripts.ts, layouts/Base.astro).
    },
  };
}
