import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/head';
import { siteOrigin } from '../build/site';

/** Everything public may be crawled except the owner's moderation page and the API. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    ['User-agent: *', 'Disallow: /admin/', 'Disallow: /api/', '', `Sitemap: ${absoluteUrl(siteOrigin(site), '/sitemap-index.xml')}`, ''].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
