/** `GET /api/admin/notifications`: the owner's view of notifications (settings, problems, last delivery), token required. */
import { checkAdminToken } from '../admin-auth.ts';
import { HttpError, json, responseForError } from '../respond.ts';
import type { Notifications } from './service.ts';

export interface NotifyStatusApi {
  /** `client` is the caller's hashed address: wrong tokens from it meet the shared admin-login backoff. */
  fetch(request: Request, client?: string): Promise<Response>;
}

export function createNotifyStatusApi(deps: {
  notifications: Pick<Notifications, 'status'>;
  adminToken: string | null;
  now?: () => number;
  logError?: (error: unknown) => void;
}): NotifyStatusApi {
  const now = deps.now ?? Date.now;
  const logError = deps.logError ?? ((error: unknown) => console.error('[notify]', error));
  return {
    async fetch(request, client) {
      try {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          throw new HttpError(405, 'method_not_allowed', `${request.method} is not supported here.`, { headers: { Allow: 'GET' } });
        }
        checkAdminToken(request, deps.adminToken, true, client === undefined ? undefined : { client, now: now() });
        return json(await deps.notifications.status());
      } catch (error) {
        return responseForError(error, logError);
      }
    },
  };
}
