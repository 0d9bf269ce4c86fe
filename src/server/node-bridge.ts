/**
 * Between Node's http objects and the web-standard Request and Response the APIs speak: a Request from an incoming
 * message (its body read up to a cap), and an answer written back, compressed when the client takes it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Answer } from './cache/response-cache.ts';
import { compress, encodingFor, worthCompressing } from './compression.ts';

/**
 * More than any API reads (each refuses a larger body with 413 itself): reading stops here, and the API sees a body
 * over its limit.
 */
export const REQUEST_BODY_CAP = 1024 * 1024;

/** The body of a request, at most `cap` + 1 bytes of it; null for GET and HEAD. */
async function bodyOf(req: IncomingMessage, cap: number): Promise<Buffer | null> {
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > cap) break;
  }
  return Buffer.concat(chunks, Math.min(size, cap + 1));
}

/** The web Request for an incoming message, addressed as Astro would (scheme of the socket, Host header). */
export async function webRequestOf(req: IncomingMessage, cap = REQUEST_BODY_CAP): Promise<Request> {
  const secure = (req.socket as Partial<TLSSocket>).encrypted === true;
  const url = `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const headers = new Headers();
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) headers.append(req.rawHeaders[index]!, req.rawHeaders[index + 1]!);
  const body = await bodyOf(req, cap);
  const init: RequestInit = { method: req.method ?? 'GET', headers };
  if (body) init.body = new Uint8Array(body);
  return new Request(url, init);
}

/** A Response read into an answer, its headers first passed through `decorate`. */
export async function answerOf(response: Response, decorate: (headers: Headers) => void): Promise<Answer> {
  const headers = new Headers(response.headers);
  decorate(headers);
  return { status: response.status, headers: Object.fromEntries(headers), body: Buffer.from(await response.arrayBuffer()), encoded: new Map() };
}

/** The body of `answer` in `encoding`, compressed on first demand only. */
function encodedBody(answer: Answer, encoding: NonNullable<ReturnType<typeof encodingFor>>): Promise<Buffer> {
  let body = answer.encoded.get(encoding);
  if (!body) {
    body = compress(answer.body, encoding);
    answer.encoded.set(encoding, body);
  }
  return body;
}

/** Writes `answer`, compressed as the request's Accept-Encoding prefers when its body is text worth compressing. */
export async function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): Promise<void> {
  const compressible = worthCompressing(answer.headers['content-type'], answer.body.length);
  const encoding = compressible ? encodingFor(req.headers['accept-encoding']) : undefined;
  const body = encoding ? await encodedBody(answer, encoding) : answer.body;
  const headers: Record<string, string> = { ...answer.headers, 'content-length': String(body.length) };
  if (compressible) headers['vary'] = answer.headers['vary'] ? `${answer.headers['vary']}, Accept-Encoding` : 'Accept-Encoding';
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(answer.status, headers);
  res.end(body);
}
