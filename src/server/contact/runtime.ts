/** The contact API of this server process, created on first use, on the same settings and database as comments. */
import { adminLoginFailures } from '../admin-auth.ts';
import { createClientHasher, loadOrCreateSecret } from '../client-id.ts';
import { readConfig } from '../config.ts';
import { errorResponse, HttpError } from '../respond.ts';
import { socketAddressOf, type ApiContext } from '../runtime.ts';
import { createContactApi, type ContactApi } from './http.ts';
import { openMessageStore } from './open-store.ts';

/** How often expired messages are swept away. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

let api: Promise<ContactApi> | undefined;

async function startApi(): Promise<ContactApi> {
  const config = readConfig(process.env);
  const hashClient = createClientHasher(config.clientSecret ?? loadOrCreateSecret(config.dataDir));
  const store = await openMessageStore(config);
  const contactApi = createContactApi({ store, now: Date.now, config, hashClient, adminFailures: adminLoginFailures });
  // Messages past the keeping time go within the hour, even when no one sends or reads any; unref: never keeps the process up.
  setInterval(() => {
    contactApi.eraseExpired().catch((error: unknown) => console.error('[contact] could not erase expired messages:', error));
  }, SWEEP_INTERVAL_MS).unref();
  return contactApi;
}

/** What the contact routes do: hand the request to the contact API. */
export async function handleContactRequest(context: ApiContext): Promise<Response> {
  let contactApi: ContactApi;
  try {
    api ??= startApi().catch((error: unknown) => {
      api = undefined;
      throw error;
    });
    contactApi = await api;
  } catch (error) {
    // A bad setting or an unopenable database: say so in the log, answer in JSON, try again on the next request.
    console.error('[contact] cannot start:', error);
    return errorResponse(new HttpError(503, 'unavailable', 'Messages are unavailable right now.', { headers: { 'Retry-After': '30' } }));
  }
  return contactApi.fetch(context.request, { clientAddress: socketAddressOf(context) });
}
