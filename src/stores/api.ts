/**
 * Calls to the site's own JSON API (comments, contact, the owner's pages), shared by the comment thread's store, the
 * contact form and the admin pages. Never throws: a failure comes back as a value the page can show.
 */
import type { ErrorResponse } from '../lib/comments/api-types.ts';

/** Why a request failed, in the API's words (or ours, when the server could not be reached). */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  field?: string;
}

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; failure: ApiFailure };

const NETWORK_FAILURE: ApiFailure = {
  status: 0,
  code: 'network',
  message: 'Could not reach the server. Check your connection and try again.',
};

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** Calls the API; never throws: failures come back as values the page can show. */
export async function callApi<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch {
    return { ok: false, failure: NETWORK_FAILURE };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): described below by status alone.
  }
  if (response.ok) return { ok: true, status: response.status, body: body as T };
  if (isErrorResponse(body)) {
    const failure: ApiFailure = { status: response.status, code: body.error.code, message: body.error.message };
    if (body.error.field !== undefined) failure.field = body.error.field;
    return { ok: false, failure };
  }
  return { ok: false, failure: { status: response.status, code: 'http_error', message: `The server answered ${response.status}. Try again in a moment.` } };
}
