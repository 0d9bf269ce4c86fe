import type { APIRoute } from 'astro';
import { handleApiRequest } from '../../../server/runtime.ts';

/** Served on demand by the Node server; src/server/http.ts routes by method and path. */
export const prerender = false;
export const ALL: APIRoute = handleApiRequest;
