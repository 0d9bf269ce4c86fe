/**
 * Prerendered pages leave without Astro's inline island code (src/security/inline-scripts.ts); on-demand responses (the
 * comments API, any server-rendered page) get the security headers of src/security/headers.ts. Static pages get
 * theirs from the server entry or the static host.
 */
import { defineMiddleware } from 'astro:middleware';
import { applySecurityHeaders } from './security/headers.ts';
import { withoutAstroInlineCode } from './security/inline-scripts.ts';
import { servedOverHttps } from './server/entry/site-url.mjs';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (context.isPrerendered) {
    // Here rather than in a pass over the built pages, so the pages a rebuild keeps from the last one are final.
    if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
    return new Response(withoutAstroInlineCode(await response.text()), { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  const options = { https: servedOverHttps(process.env['SITE_URL'], context.site?.href) };
  try {
    applySecurityHeaders(response.headers, options);
    return response;
  } catch {
    // Some responses (redirects, fetched ones) have immutable headers: copy them into a new response.
    const copy = new Response(response.body, response);
    applySecurityHeaders(copy.headers, options);
    return copy;
  }
});
