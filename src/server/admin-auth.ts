/** The site owner's bearer token, checked the same way by every admin endpoint, with one backoff for wrong tokens. */
import { sameSecret } from './client-id.ts';
import { HttpError, rateLimited } from './respond.ts';
import { ADMIN_LOGIN_BACKOFF, FailureBackoff } from './throttle.ts';

/** Who is trying, so repeated wrong tokens from one client meet a growing wait (429) before being looked at. */
export interface AdminAttempt {
  /** The client's hashed address. */
  client: string;
  now: number;
  /** Where failures are counted; by default one count for the whole process, so every admin endpoint shares it. */
  failures?: FailureBackoff;
}

/** Failed admin logins in this process: a client that guesses on one admin endpoint waits on all of them. */
export const adminLoginFailures = new FailureBackoff(ADMIN_LOGIN_BACKOFF);

/**
 * True for a request carrying the right admin token; false for one carrying none when it is not `required`.
 * Throws 401 for a wrong token, 404 when moderation is off (no ADMIN_TOKEN), 429 while the client must wait.
 */
export function checkAdminToken(request: Request, adminToken: string | null, required: boolean, attempt?: AdminAttempt): boolean {
  const header = request.headers.get('authorization');
  if (header === null && !required) return false;
  if (adminToken === null) {
    throw new HttpError(404, 'admin_disabled', 'Moderation is switched off: the server has no ADMIN_TOKEN.');
  }
  const failures = attempt?.failures ?? adminLoginFailures;
  const waitMs = attempt ? failures.waitMs(attempt.client, attempt.now) : 0;
  if (waitMs > 0) throw rateLimited(waitMs, 'wrong admin tokens');
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (token === undefined || !sameSecret(token, adminToken)) {
    if (attempt) failures.fail(attempt.client, attempt.now);
    throw new HttpError(401, 'unauthorized', 'The admin token is missing or wrong.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="comments"' },
    });
  }
  if (attempt) failures.succeed(attempt.client);
  return true;
}

/** As checkAdminToken, for endpoints that are only for the owner. */
export function requireAdminToken(request: Request, adminToken: string | null, attempt?: AdminAttempt): void {
  checkAdminToken(request, adminToken, true, attempt);
}
