import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/head';

/** Everything public may be crawled except the owner's moderation page and the API. */
export const GET: APIRoute = () =>
  new Response(
    ['User-agent: *', 'Disallow: /admin/', 'Disallow: /api/', '', `Sitemap: ${absoluteUrl(import.meta.env.SITE, '/sitemap-index.xml')}`, ''].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
