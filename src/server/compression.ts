/**
 * On-the-fly compression of API answers (JSON, feeds): brotli or gzip as the client's Accept-Encoding prefers, for
 * bodies big enough to gain from it. Built files are compressed at build time instead (src/integrations/precompress.ts).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { preferredEncoding } from './entry/static-delivery.mjs';

/** What the API offers, best first. */
export const API_ENCODINGS = ['br', 'gzip'] as const;
export type ApiEncoding = (typeof API_ENCODINGS)[number];

/** Below this, a compressed body saves less than its headers cost (the same floor as the build's copies). */
export const COMPRESS_MIN_BYTES = 512;
/** Brotli quality 5: a little smaller than gzip's best at a fraction of brotli's best time, fit for each request. */
const BROTLI_QUALITY = 5;

const COMPRESSIBLE_TYPE = /^(application\/(json|atom\+xml|xml)|text\/)/i;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** True for a text body of at least COMPRESS_MIN_BYTES. */
export function worthCompressing(contentType: string | undefined, size: number): boolean {
  return size >= COMPRESS_MIN_BYTES && COMPRESSIBLE_TYPE.test(contentType ?? '');
}

/** The encoding to send for an Accept-Encoding header; undefined: as it is. */
export function encodingFor(acceptEncoding: string | undefined): ApiEncoding | undefined {
  return preferredEncoding(acceptEncoding, API_ENCODINGS) as ApiEncoding | undefined;
}

/** `body` compressed (on zlib's threads, off the event loop). */
export function compress(body: Buffer, encoding: ApiEncoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipAsync(body);
}
