import type { APIRoute } from 'astro';
import { handleApiRequest } from '../../server/runtime.ts';

/** Any other path under /api/: answered by the comments API as a JSON 404. */
export const prerender = false;
export const ALL: APIRoute = handleApiRequest;
