/** The comments API of this server process, created on first use: one store, one config, for every request. */
import type { APIContext } from 'astro';
import { createClientHasher, loadOrCreateSecret } from './client-id.ts';
import { readConfig } from './config.ts';
import { createCommentsApi, type CommentsApi } from './http.ts';
import { knownPages } from './known-pages.ts';
import { openStore } from './open-store.ts';
import { errorResponse, HttpError } from './respond.ts';
import { startRetention } from './retention.ts';
import { startupWarnings } from './startup-checks.ts';

let api: CommentsApi | undefined;

function processApi(): CommentsApi {
  if (api) return api;
  const config = readConfig(process.env);
  const warnings = [...config.warnings, ...startupWarnings(config, import.meta.env.PROD)];
  for (const warning of warnings) console.warn(`[comments] ${warning}`);
  const hashClient = createClientHasher(config.clientSecret ?? loadOrCreateSecret(config.dataDir));
  const store = openStore(config);
  api = createCommentsApi({ store, knownPages, now: Date.now, config, hashClient });
  void startRetention({
    store,
    retentionDays: config.retentionDays,
    now: Date.now,
    log: (message) => console.warn(`[comments] ${message}`),
    every: setInterval,
  });
  return api;
}

/** What every API route does: hand the request to the comments API. */
export async function handleApiRequest(context: APIContext): Promise<Response> {
  let commentsApi: CommentsApi;
  try {
    commentsApi = processApi();
  } catch (error) {
    // A bad setting or an unopenable database: say so in the log, answer in JSON, try again on the next request.
    console.error('[comments] cannot start:', error);
    return errorResponse(new HttpError(503, 'unavailable', 'Comments are unavailable right now.', { headers: { 'Retry-After': '30' } }));
  }
  let socketAddress: string | undefined;
  try {
    socketAddress = context.clientAddress;
  } catch {
    // Astro throws when the adapter could not tell the address; the request is still served, under one key.
    socketAddress = undefined;
  }
  return commentsApi.fetch(context.request, { clientAddress: socketAddress });
}
