/**
 * How the built server delivers the API: compressed as the client accepts, the same answer for every reader until a
 * write changes it, and the same in cluster mode (CLUSTER_WORKERS), where every worker sees the others' writes.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../src/lib/comments/api-types.ts';
import { clientAddressFor, createComment, thread } from '../support/comments-http.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PAGE = '/steps/take-time/';
const ENV = { TRUST_PROXY: '1', COMMENTS_MODERATION: 'none' };

/** The raw bytes and headers of a GET (fetch would decode the body), on a connection of its own. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('API answers over the wire', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: ENV });
    for (let index = 0; index < 12; index += 1) {
      await createComment(server.url, { page: PAGE, text: `Comment ${index}: long enough to be worth compressing, as threads are.` }, { forwardedFor: clientAddressFor(index) });
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sends brotli, or gzip when brotli is refused, with Vary; the same JSON as uncompressed', async () => {
    const url = `${server.url}/api/comments?page=${PAGE}`;
    const plain = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    const listing = JSON.parse(plain.body.toString()) as ThreadResponse;
    expect(listing.comments).toHaveLength(12);

    const br = await rawGet(url, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(listing);

    const gzip = await rawGet(url, { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(listing);

    // Compressed once: a second reader gets the very same bytes.
    expect((await rawGet(url, { 'accept-encoding': 'br' })).body.equals(br.body)).toBe(true);
  });

  it('sends small answers as they are', async () => {
    const counts = await rawGet(`${server.url}/api/comments/counts?pages=${PAGE}`, { 'accept-encoding': 'br, gzip' });
    expect(counts.status).toBe(200);
    expect(counts.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(counts.body.toString())).toEqual({ counts: { [PAGE]: 12 } });
  });

  it('shows a new comment to the next reader of a kept first page and of the counts', async () => {
    expect((await thread(server.url, PAGE)).total).toBe(12);
    await createComment(server.url, { page: PAGE, text: 'One more.' }, { forwardedFor: clientAddressFor(99) });
    expect((await thread(server.url, PAGE)).total).toBe(13);
    const counts = await rawGet(`${server.url}/api/comments/counts?pages=${PAGE}`, {});
    expect(JSON.parse(counts.body.toString())).toEqual({ counts: { [PAGE]: 13 } });
  });

  it('answers an unknown path with the built not-found page', async () => {
    const response = await fetch(`${server.url}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<html');
  });
});

describe('cluster mode', () => {
  it('runs the workers on one port, each seeing the others’ writes, and stops them all', async () => {
    const server = await startServer({ env: { ...ENV, CLUSTER_WORKERS: '2' } });
    const workers = () => readFileSync(`/proc/${server.process.pid}/task/${server.process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    try {
      expect(workers()).toHaveLength(2);
      for (let index = 0; index < 10; index += 1) {
        // Each read comes on a new connection, which the primary hands to the workers in turn: every one of them
        // must see every comment made so far.
        await createComment(server.url, { page: PAGE, text: `Clustered ${index}` }, { forwardedFor: clientAddressFor(200 + index) });
        for (let reader = 0; reader < 2; reader += 1) {
          const listing = await rawGet(`${server.url}/api/comments?page=${PAGE}`, {});
          expect((JSON.parse(listing.body.toString()) as ThreadResponse).total).toBe(index + 1);
        }
      }
    } finally {
      await server.stop();
    }
    expect(server.process.exitCode).toBe(0);
  });
});
