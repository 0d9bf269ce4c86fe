/**
 * Security headers on on-demand responses (the comments API, any server-rendered page), from the table in
 * src/security/headers.ts. Static pages get theirs from the server entry or the static host, so prerendering is left
 * alone.
 */
import { defineMiddleware } from 'astro:middleware';
import { applySecurityHeaders } from './security/headers.ts';
import { servedOverHttps } from './server/entry/site-url.mjs';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (context.isPrerendered) return response;
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
