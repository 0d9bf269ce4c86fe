/** The site owner's bearer token, checked the same way by every admin endpoint. */
import { sameSecret } from './client-id.ts';
import { HttpError } from './respond.ts';

/**
 * True for a request carrying the right admin token; false for one carrying none when it is not `required`.
 * Throws 401 for a wrong token and 404 when moderation is off (no ADMIN_TOKEN).
 */
export function checkAdminToken(request: Request, adminToken: string | null, required: boolean): boolean {
  const header = request.headers.get('authorization');
  if (header === null && !required) return false;
  if (adminToken === null) {
    throw new HttpError(404, 'admin_disabled', 'Moderation is switched off: the server has no ADMIN_TOKEN.');
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (token === undefined || !sameSecret(token, adminToken)) {
    throw new HttpError(401, 'unauthorized', 'The admin token is missing or wrong.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="comments"' },
    });
  }
  return true;
}
