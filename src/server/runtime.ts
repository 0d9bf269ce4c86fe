/**
 * The server side of this process, created on first use: one store, one config, the comments API, the comment
 * feeds and owner notifications, for every request.
 */
import { adminLoginFailures } from './admin-auth.ts';
import { openChangeWatch, type ChangeWatch } from './cache/change-watch.ts';
import { clientAddress, createClientHasher, loadOrCreateSecret } from './client-id.ts';
import { readConfig, type CommentsConfig } from './config.ts';
import { createFeedsApi, type FeedsApi } from './feeds.ts';
import { createCommentsApi, type CommentsApi } from './comments/api.ts';
import { knownPages, knownPageTitles } from './known-pages.ts';
import { channelsFor, openOutbox, startNotifications, type Notifications } from './notify/service.ts';
import { readNotifySettings } from './notify/settings.ts';
import { createNotifyStatusApi, type NotifyStatusApi } from './notify/status-api.ts';
import { openStore } from './comments/store/open.ts';
import { errorResponse, HttpError } from './respond.ts';
import { startRetention } from './retention.ts';
import { startupWarnings } from './startup-checks.ts';

/** What the API handlers read from a request's context: Astro's APIContext, or the server entry's (src/server/api-entry.ts). */
export interface ApiContext {
  readonly request: Request;
  /** The socket's address (Astro's getter throws when it cannot tell). */
  readonly clientAddress: string | undefined;
}

export interface Services {
  /** Page versions as every process sharing the database sees them, for answers kept in memory. */
  changes: ChangeWatch;
  /** The hashed client address of a request, as the comments API keys its limits. */
  clientOf: (request: Request, socketAddress: string | undefined) => string;
  comments: CommentsApi;
  feeds: FeedsApi;
  notifications: Notifications;
  notifyStatus: NotifyStatusApi;
}

let services: Promise<Services> | undefined;

async function startServices(config: CommentsConfig): Promise<Services> {
  const hashClient = createClientHasher(config.clientSecret ?? loadOrCreateSecret(config.dataDir));
  const [store, outbox, changes] = await Promise.all([openStore(config), openOutbox(config), openChangeWatch(config)]);
  void startRetention({
    store,
    retentionDays: config.retentionDays,
    now: Date.now,
    log: (message) => console.warn(`[comments] ${message}`),
    every: setInterval,
  });
  const settings = readNotifySettings(process.env, config.siteOrigin);
  const notifications = startNotifications({
    settings,
    outbox,
    channels: channelsFor(settings),
    // Any query migrates the store first, so the outbox tables exist before the sender reads them.
    ready: () => store.pageVersion('/'),
    now: Date.now,
  });
  return {
    changes,
    clientOf: (request, socketAddress) => hashClient(clientAddress(request, socketAddress, config.trustProxy)),
    comments: createCommentsApi({ store, knownPages, now: Date.now, config, hashClient, adminFailures: adminLoginFailures }),
    feeds: createFeedsApi({ store, pageTitles: knownPageTitles, siteOrigin: config.siteOrigin, now: Date.now }),
    notifications,
    notifyStatus: createNotifyStatusApi({ notifications, adminToken: config.adminToken }),
  };
}

async function processServices(): Promise<Services> {
  const config = readConfig(process.env);
  const warnings = [...config.warnings, ...startupWarnings(config, import.meta.env.PROD)];
  for (const warning of warnings) console.warn(`[comments] ${warning}`);
  return startServices(config);
}

/** The services, started once and shared; a JSON 503 when a bad setting or an unopenable database keeps them from starting. */
export async function servicesOr503(): Promise<Services | Response> {
  try {
    services ??= processServices().catch((error: unknown) => {
      services = undefined;
      throw error;
    });
    return await services;
  } catch (error) {
    // Say so in the log, answer in JSON, try again on the next request.
    console.error('[comments] cannot start:', error);
    return errorResponse(new HttpError(503, 'unavailable', 'Comments are unavailable right now.', { headers: { 'Retry-After': '30' } }));
  }
}

/** The socket's address; undefined when the adapter could not tell it (Astro throws), and the request is still served, under one key. */
export function socketAddressOf(context: ApiContext): string | undefined {
  try {
    return context.clientAddress;
  } catch {
    return undefined;
  }
}

/** What every comments API route does: hand the request to the comments API. */
export async function handleApiRequest(context: ApiContext): Promise<Response> {
  const started = await servicesOr503();
  if (started instanceof Response) return started;
  const response = await started.comments.fetch(context.request, { clientAddress: socketAddressOf(context) });
  // A write that went through may have queued an owner notification in its transaction: let the sender look.
  if (context.request.method !== 'GET' && context.request.method !== 'HEAD' && response.ok) started.notifications.wake();
  return response;
}

/** `/api/feeds/…`: the comment feeds. */
export async function handleFeedRequest(context: ApiContext): Promise<Response> {
  const started = await servicesOr503();
  return started instanceof Response ? started : started.feeds.fetch(context.request);
}

/** `/api/admin/notifications`: how owner notifications are doing, for /admin/. */
export async function handleNotifyStatusRequest(context: ApiContext): Promise<Response> {
  const started = await servicesOr503();
  return started instanceof Response ? started : started.notifyStatus.fetch(context.request, started.clientOf(context.request, socketAddressOf(context)));
}
