import type { APIRoute } from 'astro';
import { handleAnyApiRequest } from '../../server/api.ts';

/** Every path under /api/, served on demand by the Node server; src/server/api.ts hands it to its service. */
export const prerender = false;
export const ALL: APIRoute = handleAnyApiRequest;
