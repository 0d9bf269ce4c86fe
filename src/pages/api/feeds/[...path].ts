import type { APIRoute } from 'astro';
import { handleFeedRequest } from '../../../server/runtime.ts';

/** Comment feeds (Atom), served on demand by the Node server; src/server/feeds.ts answers. */
export const prerender = false;
export const ALL: APIRoute = handleFeedRequest;
