/** HTTP building blocks for the comments API: JSON responses with security headers, errors, guarded body reading. */
import { BODY_LIMIT_BYTES } from '../lib/comments/limits.ts';
import type { ErrorResponse } from '../lib/comments/api-types.ts';
import { StoreUnavailableError } from './db/errors.ts';
import { securityHeaders } from '../security/headers.ts';

/** A request that cannot be served, answered as `{ error: { code, message, field? } }`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, options: { field?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.headers = options.headers ?? {};
  }
}

/**
 * Sent with every API response: the API's rows of the security header table (no sniffing the JSON into something
 * else, never framed, nothing loaded from it, no referrer leaked from it). HSTS is added by the middleware.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  ...Object.fromEntries(securityHeaders('api', { https: false })),
};

/**
 * `public`: the same for everyone (caches may keep it but must check back); `private`: for this requester only,
 * never stored anywhere.
 */
export type Audience = 'public' | 'private';

export function json(body: unknown, status = 200, audience: Audience = 'private', headers: Record<string, string> = {}): Response {
  return jsonText(JSON.stringify(body), status, audience, headers);
}

/** Like json(), for a body already serialised (a listing reused from the cache). */
export function jsonText(text: string, status = 200, audience: Audience = 'private', headers: Record<string, string> = {}): Response {
  return withSecurityHeaders(text, status, audience, headers);
}

/** A response of any type (`headers` sets its Content-Type) with the API's security headers; null body for 304 or HEAD. */
export function withSecurityHeaders(body: string | null, status: number, audience: Audience, headers: Record<string, string>): Response {
  return new Response(body, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Cache-Control': audience === 'public' ? 'no-cache' : 'no-store',
      ...headers,
    },
  });
}

export function errorResponse(error: HttpError): Response {
  const body: ErrorResponse = { error: { code: error.code, message: error.message } };
  if (error.field !== undefined) body.error.field = error.field;
  return json(body, error.status, 'private', error.headers);
}

/** 400 naming the field at fault. */
/** 429 with Retry-After, in whole seconds (at least one). */
export function rateLimited(retryAfterMs: number, what: string): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(429, 'rate_limited', `Too many ${what} from here; try again in ${seconds} seconds.`, {
    headers: { 'Retry-After': String(seconds) },
  });
}

export function badField(field: string, message: string): HttpError {
  return new HttpError(400, 'invalid_field', message, { field });
}

/**
 * Refuses write requests sent by a browser from another site. Non-browser clients send no Origin; browsers send
 * it with every cross-site write, so a missing header is not a cross-site request.
 */
export function checkOrigin(request: Request, siteOrigin: string | null): void {
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const allowed = siteOrigin ?? new URL(request.url).origin;
  if (origin !== allowed) {
    throw new HttpError(403, 'forbidden_origin', `Requests from ${origin} are not accepted; this API serves ${allowed}.`);
  }
}

/**
 * The request's JSON body, read at most `limit` bytes far. Only `application/json` is read: forms and plain text,
 * which another site can make a browser send without asking, are refused (415).
 */
export async function readJsonBody(request: Request, limit: number = BODY_LIMIT_BYTES): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;\s*charset=["']?utf-8["']?\s*)?$/i.test(contentType.trim())) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as Content-Type: application/json.');
  }
  const tooLarge = () => new HttpError(413, 'body_too_large', `The body is larger than ${limit} bytes.`);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge();
  const bytes = new Uint8Array(limit);
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (received + value.byteLength > limit) {
        await reader.cancel();
        throw tooLarge();
      }
      bytes.set(value, received);
      received += value.byteLength;
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, received));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/**
 * The answer to anything a handler threw: its HttpError, 503 (saying `busy`) when the database is unavailable, else a
 * 500 without details.
 */
export function responseForError(
  error: unknown,
  logError: (error: unknown) => void,
  busy = 'Comments are busy right now; try again in a moment.',
): Response {
  if (error instanceof HttpError) return errorResponse(error);
  logError(error);
  if (error instanceof StoreUnavailableError) {
    return errorResponse(new HttpError(503, 'unavailable', busy, { headers: { 'Retry-After': '2' } }));
  }
  return errorResponse(new HttpError(500, 'internal', 'Something went wrong on our side.'));
}
