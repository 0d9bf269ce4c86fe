import type { APIRoute } from 'astro';
import { collectionPageTitles } from '../server/known-pages.ts';

/**
 * The pages that take comments (path → title), written at build time for the Node server, which reads them instead
 * of loading the content collections; the build moves the file out of the public folder (src/integrations/server-entries.ts).
 */
export const prerender = true;
export const GET: APIRoute = async () => Response.json(Object.fromEntries(await collectionPageTitles()));
