import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDir } from '../support/paths';
import { startServer, type RunningServer } from '../support/server';

// The built server sends the site's files compressed (copies written at build time), with long caching for hashed
// assets and cheap revalidation for everything else. fetch() would decompress on its own and hide the encoding,
// so these requests go through node:http and decode by hand.
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function rawGet(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const stepHtml = () => readFileSync(join(clientDir, 'steps/take-time/index.html'));
const script = () => readdirSync(join(clientDir, '_astro')).find((name) => name.endsWith('.js'))!;

describe('compressed static files', () => {
  it('sends brotli to a browser that takes it, and the same page', async () => {
    const response = await rawGet('/steps/take-time/', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(brotliDecompressSync(response.body).equals(stepHtml())).toBe(true);
    expect(response.body.length).toBeLessThan(stepHtml().length / 3);
  });

  it("sends a step page at brotli's best quality, and a long article at a faster one", () => {
    const atQuality = (bytes: Buffer, quality: number) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }).length;
    const sent = (path: string) => statSync(join(clientDir, path, 'index.html.br')).size;
    const step = stepHtml();
    // Best quality is about 1 KB (12%) smaller than quality 5 for a step.
    expect(sent('steps/take-time')).toBeLessThanOrEqual(atQuality(step, constants.BROTLI_MAX_QUALITY) + 16);
    expect(sent('steps/take-time')).toBeLessThan(atQuality(step, 5) - 500);
    // Articles are many (a thousand on a large site): quality 5 keeps a cold build short.
    const article = readFileSync(join(clientDir, 'articles/tonight/index.html'));
    expect(article.length).toBeGreaterThan(16 * 1024);
    expect(sent('articles/tonight')).toBeGreaterThan(atQuality(article, constants.BROTLI_MAX_QUALITY) + 500);
  });

  it('sends gzip when brotli is refused or not offered, and plain bytes when nothing is', async () => {
    const gzipped = await rawGet('/steps/take-time/', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(stepHtml())).toBe(true);
    const plain = await rawGet('/steps/take-time/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(stepHtml())).toBe(true);
  });

  it('compresses styles, scripts and XML too (files under 512 bytes are sent as they are)', async () => {
    // The largest stylesheet: small ones (under 512 bytes) are sent as they are.
    const css = readdirSync(join(clientDir, '_astro'))
      .filter((name) => name.endsWith('.css'))
      .sort((a, b) => statSync(join(clientDir, '_astro', b)).size - statSync(join(clientDir, '_astro', a)).size)[0]!;
    for (const path of [`/_astro/${css}`, '/pagefind/pagefind.js', '/sitemap-0.xml']) {
      const response = await rawGet(path, { 'accept-encoding': 'br' });
      expect(response.status, path).toBe(200);
      expect(response.headers['content-encoding'], path).toBe('br');
    }
  });
});

describe('caching', () => {
  it('lets browsers keep hashed assets for a year', async () => {
    const response = await rawGet(`/_astro/${script()}`, { 'accept-encoding': 'br' });
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('has pages revalidated, and answers an unchanged page with 304 and no body', async () => {
    const first = await rawGet('/steps/take-time/', { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/-br"$/);
    const again = await rawGet('/steps/take-time/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // A tag of another encoding is another representation: the full page comes back.
    const otherEncoding = await rawGet('/steps/take-time/', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(otherEncoding.status).toBe(200);
  });

  it('leaves paths that are not files to the site: the API and the not-found page', async () => {
    expect((await rawGet('/no-such-page/')).status).toBe(404);
    expect((await rawGet('/steps/../../etc/passwd')).status).toBe(404);
    const api = await rawGet('/api/comments?page=%2Fsteps%2Ftake-time%2F');
    expect(api.status).toBe(200);
    expect(api.headers['content-type']).toContain('application/json');
  });
});
