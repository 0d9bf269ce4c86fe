/**
 * Finished answers to the two requests every reader makes alike: a thread's first page and the comment counts, asked
 * without own-comment keys. Each is kept with the versions of the pages it shows (see change-watch.ts) and served
 * again, bytes and all, while those versions stay the same; its compressed bodies are made once, on first demand.
 * Bounded by bytes, least recently used first out.
 */
import { normalisePagePath } from '../../lib/comments/page-path.ts';

/** An answer ready to send: status, headers (lower-case names) and body. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Compressed bodies by encoding, made at most once per answer. */
  encoded: Map<string, Promise<Buffer>>;
}

/** A request the cache can serve: its key and the pages its answer shows. */
export interface CacheTarget {
  key: string;
  pages: string[];
}

/** Memory the cache may hold by default (bodies, counted twice for their compressed copies). */
export const CACHE_MAX_BYTES = 16 * 1024 * 1024;

/** The key and pages of an anonymous GET of a first page or of counts (`url` as in the request line); null for any other request. */
export function cacheTargetOf(method: string | undefined, url: string, hasOwnKeys: boolean): CacheTarget | null {
  if (method !== 'GET' || hasOwnKeys) return null;
  const queryAt = url.indexOf('?');
  const path = (queryAt < 0 ? url : url.slice(0, queryAt)).replace(/\/+$/, '');
  const params = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1));
  if (path === '/api/comments') {
    const page = normalisePagePath(params.get('page') ?? '');
    if (page === null || (params.get('cursor') ?? '') !== '') return null;
    return { key: `list ${page} ${params.get('sort') ?? 'oldest'}`, pages: [page] };
  }
  if (path === '/api/comments/counts') {
    const pages = (params.get('pages') ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '').map((part) => normalisePagePath(part));
    if (pages.length === 0 || pages.some((page) => page === null)) return null;
    const known = pages as string[];
    return { key: `counts ${known.join(',')}`, pages: [...new Set(known)] };
  }
  return null;
}

interface Entry {
  versions: readonly number[];
  answer: Answer;
  bytes: number;
}

const sameVersions = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((version, index) => version === b[index]);

export class ResponseCache {
  /** In order of last use, oldest first (a Map keeps insertion order). */
  readonly #entries = new Map<string, Entry>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes = CACHE_MAX_BYTES) {
    this.#maxBytes = maxBytes;
  }

  /** The answer kept for `key` if it was built at these page versions; a stale one is dropped. */
  get(key: string, versions: readonly number[]): Answer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (!sameVersions(entry.versions, versions)) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry.answer;
  }

  /** Keeps `answer`, built from data read after the page versions `versions` were read. */
  set(key: string, versions: readonly number[], answer: Answer): void {
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.bytes;
    }
    const bytes = answer.body.length * 2 + key.length;
    if (bytes > this.#maxBytes) return;
    this.#entries.set(key, { versions: [...versions], answer, bytes });
    this.#bytes += bytes;
    for (const [oldestKey, oldest] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldestKey);
      this.#bytes -= oldest.bytes;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
