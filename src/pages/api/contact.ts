import type { APIRoute } from 'astro';
import { handleContactRequest } from '../../server/contact/runtime.ts';

/** Served on demand by the Node server; src/server/contact/http.ts routes by method and path. */
export const prerender = false;
export const ALL: APIRoute = handleContactRequest;
