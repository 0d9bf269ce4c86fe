/** Talking to a running server's comments API in tests. */
import type { CreatedResponse, ThreadResponse } from '../../src/lib/comments/api-types.ts';

export interface PostOptions {
  /** Sent as X-Forwarded-For (counts only when the server has TRUST_PROXY). */
  forwardedFor?: string;
  headers?: Record<string, string>;
}

export async function postComment(origin: string, body: Record<string, unknown>, options: PostOptions = {}): Promise<Response> {
  return fetch(`${origin}/api/comments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.forwardedFor && { 'x-forwarded-for': options.forwardedFor }),
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
}

export async function createComment(origin: string, body: Record<string, unknown>, options: PostOptions = {}): Promise<CreatedResponse> {
  const response = await postComment(origin, body, options);
  if (response.status !== 201 && response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedResponse;
}

export async function thread(origin: string, page: string, query = ''): Promise<ThreadResponse> {
  const response = await fetch(`${origin}/api/comments?page=${encodeURIComponent(page)}${query}`);
  if (response.status !== 200) throw new Error(`GET answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ThreadResponse;
}

/** A distinct documentation-range address for each n, for servers that trust X-Forwarded-For. */
export function clientAddressFor(n: number): string {
  return `198.18.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}
