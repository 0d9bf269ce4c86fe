import type { APIRoute } from 'astro';
import { handleNotifyStatusRequest } from '../../../server/runtime.ts';

/** Owner notification status, served on demand by the Node server; src/server/notify/status-api.ts answers. */
export const prerender = false;
export const ALL: APIRoute = handleNotifyStatusRequest;
