/** The owner's bearer token on admin requests: 404 while no token is configured, 401 for a missing or wrong one. */
import { sameSecret } from './client-id.ts';
import { HttpError } from './respond.ts';

export function requireAdminToken(request: Request, adminToken: string | null): void {
  if (adminToken === null) {
    throw new HttpError(404, 'admin_disabled', 'The admin pages are switched off: the server has no ADMIN_TOKEN.');
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (token === undefined || !sameSecret(token, adminToken)) {
    throw new HttpError(401, 'unauthorized', 'The admin token is missing or wrong.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="comments"' },
    });
  }
}
