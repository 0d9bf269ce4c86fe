/**
 * Answers kept in memory (src/server/cache/): which requests are kept, hits and misses by page version, the byte
 * bound, and the change watch on each engine: a write through another store instance on the same database (as
 * another server process would make) is seen on the very next read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cacheTargetOf, ResponseCache, type Answer } from '../../src/server/cache/response-cache.ts';
import type { ChangeWatch } from '../../src/server/cache/change-watch.ts';
import { PostgresChangeWatch } from '../../src/server/cache/postgres-watch.ts';
import { SqliteChangeWatch } from '../../src/server/cache/sqlite-watch.ts';
import { PostgresCommentStore } from '../../src/server/comments/store/postgres.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { CommentStore } from '../../src/server/comments/store/store.ts';
import { ALWAYS, commentRecord, openPostgresStore, openSqliteStore, type OpenedStore } from '../support/comments.ts';
import { postgresAvailable } from '../support/postgres.ts';

const answer = (text: string): Answer => ({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(text), encoded: new Map() });

describe('which requests are kept', () => {
  it('keeps anonymous first pages and counts, by canonical page', () => {
    expect(cacheTargetOf('GET', '/api/comments?page=/steps/take-time', false)).toEqual({ key: 'list /steps/take-time/ oldest', pages: ['/steps/take-time/'] });
    expect(cacheTargetOf('GET', '/api/comments/?page=%2Fsteps%2Ftake-time%2F&sort=newest&cursor=', false)).toEqual({
      key: 'list /steps/take-time/ newest',
      pages: ['/steps/take-time/'],
    });
    expect(cacheTargetOf('GET', '/api/comments/counts?pages=/steps/a/,/steps/b/,/steps/a/', false)).toEqual({
      key: 'counts /steps/a/,/steps/b/,/steps/a/',
      pages: ['/steps/a/', '/steps/b/'],
    });
  });

  it('leaves alone later pages, own-comment listings, writes, HEAD, malformed pages and other paths', () => {
    expect(cacheTargetOf('GET', '/api/comments?page=/steps/a/&cursor=abc', false)).toBeNull();
    expect(cacheTargetOf('GET', '/api/comments?page=/steps/a/', true)).toBeNull();
    expect(cacheTargetOf('POST', '/api/comments?page=/steps/a/', false)).toBeNull();
    expect(cacheTargetOf('HEAD', '/api/comments?page=/steps/a/', false)).toBeNull();
    expect(cacheTargetOf('GET', '/api/comments?page=https://example.org/', false)).toBeNull();
    expect(cacheTargetOf('GET', '/api/comments/counts?pages=', false)).toBeNull();
    expect(cacheTargetOf('GET', '/api/comments/abc/replies', false)).toBeNull();
    expect(cacheTargetOf('GET', '/api/feeds/steps/a/', false)).toBeNull();
  });
});

describe('the cache', () => {
  it('answers while the versions match, and drops an answer once a page it shows moved', () => {
    const cache = new ResponseCache();
    cache.set('k', [1, 4], answer('first'));
    expect(cache.get('k', [1, 4])?.body.toString()).toBe('first');
    expect(cache.get('k', [1, 5])).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.get('k', [1, 4])).toBeUndefined();
  });

  it('stays within its bytes, letting the least recently used answer go first', () => {
    const cache = new ResponseCache(1000);
    cache.set('a', [1], answer('x'.repeat(200)));
    cache.set('b', [1], answer('y'.repeat(200)));
    expect(cache.get('a', [1])).toBeDefined();
    cache.set('c', [1], answer('z'.repeat(200)));
    expect(cache.get('b', [1])).toBeUndefined();
    expect(cache.get('a', [1])).toBeDefined();
    expect(cache.get('c', [1])).toBeDefined();
    cache.set('huge', [1], answer('h'.repeat(600)));
    expect(cache.get('huge', [1])).toBeUndefined();
  });
});

interface Engine {
  name: string;
  open: () => Promise<OpenedStore>;
  /** A second store and a watch on the same database, as another server process would have. */
  other: (location: string) => { store: CommentStore; watch: ChangeWatch };
}

const engines: Engine[] = [
  { name: 'sqlite', open: openSqliteStore, other: (location) => ({ store: new SqliteCommentStore(location), watch: new SqliteChangeWatch(location) }) },
];
if (postgresAvailable()) {
  engines.push({
    name: 'postgres',
    open: openPostgresStore,
    other: (location) => ({ store: new PostgresCommentStore(location, { maxConnections: 2 }), watch: new PostgresChangeWatch(location) }),
  });
}

describe.each(engines)('change watch on $name', (engine) => {
  let opened: OpenedStore | undefined;
  let other: ReturnType<Engine['other']> | undefined;
  afterEach(async () => {
    await other?.watch.close();
    await other?.store.close();
    await opened?.dispose();
    opened = undefined;
    other = undefined;
  });

  it('sees a write made through another store instance on the next read, and only on the pages it touched', async () => {
    opened = await engine.open();
    await opened.store.insert(commentRecord({ page: '/steps/a/' }), ALWAYS);
    other = engine.other(opened.location);
    const cache = new ResponseCache();
    const pages = ['/steps/a/', '/steps/b/'];
    const before = await other.watch.versions(pages);
    expect(before).toEqual([await opened.store.pageVersion('/steps/a/'), 0]);
    cache.set('both', before, answer('before'));
    expect(await other.watch.versions(pages)).toEqual(before);
    expect(cache.get('both', await other.watch.versions(pages))?.body.toString()).toBe('before');

    await opened.store.insert(commentRecord({ page: '/steps/b/' }), ALWAYS);
    const after = await other.watch.versions(pages);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBeGreaterThan(before[1]!);
    expect(cache.get('both', after)).toBeUndefined();

    // A write through the watching side's own store is seen too.
    await other.store.insert(commentRecord({ page: '/steps/a/' }), ALWAYS);
    expect((await other.watch.versions(['/steps/a/']))[0]).toBeGreaterThan(after[0]!);
  });

  it('answers many readers at once, each with versions at least as new as any write before it asked', async () => {
    opened = await engine.open();
    other = engine.other(opened.location);
    const watch = other.watch;
    const reads: Promise<number[]>[] = [];
    for (let round = 1; round <= 5; round += 1) {
      await opened.store.insert(commentRecord({ page: '/steps/a/' }), ALWAYS);
      const version = await opened.store.pageVersion('/steps/a/');
      expect(version).toBe(round);
      for (let reader = 0; reader < 20; reader += 1) reads.push(watch.versions(['/steps/a/']).then(([seen = 0]) => [seen, version]));
    }
    for (const [seen, written] of await Promise.all(reads)) expect(seen).toBeGreaterThanOrEqual(written!);
  });
});
