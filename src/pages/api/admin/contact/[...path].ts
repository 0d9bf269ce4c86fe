import type { APIRoute } from 'astro';
import { handleContactRequest } from '../../../../server/contact/runtime.ts';

/** The owner's side of the contact API (also /api/admin/contact itself); src/server/contact/http.ts routes it. */
export const prerender = false;
export const ALL: APIRoute = handleContactRequest;
