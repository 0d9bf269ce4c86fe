/**
 * One contract for every CommentStore: the same cases run against SQLite and PostgreSQL (TEST_DATABASE_URL;
 * skipped loudly without one, failing under CI).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresCommentStore } from '../../src/server/comments/store/postgres.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { CommentRecord, CommentStore, ExportItem, ThreadQuery } from '../../src/server/comments/store/store.ts';
import { ALWAYS, commentRecord, openPostgresStore, openSqliteStore, T0, type OpenedStore } from '../support/comments.ts';
import { postgresAvailable } from '../support/postgres.ts';

const HIDE = 3;

function query(overrides: Partial<ThreadQuery> = {}): ThreadQuery {
  return { page: '/steps/take-time/', sort: 'oldest', after: null, limit: 50, ownIds: [], reportsToHide: HIDE, repliesLimit: 50, ...overrides };
}

async function seed(store: CommentStore, ...records: CommentRecord[]): Promise<CommentRecord[]> {
  for (const record of records) await store.insert(record, ALWAYS);
  return records;
}

async function exported(store: CommentStore): Promise<ExportItem[]> {
  const items: ExportItem[] = [];
  for await (const item of store.exportAll()) items.push(item);
  return items;
}

const targets: { name: string; open: () => Promise<OpenedStore>; reopen: (location: string) => CommentStore }[] = [
  { name: 'sqlite', open: openSqliteStore, reopen: (location) => new SqliteCommentStore(location) },
];
if (postgresAvailable()) {
  targets.push({ name: 'postgres', open: openPostgresStore, reopen: (location) => new PostgresCommentStore(location, { maxConnections: 2 }) });
}

describe.each(targets)('CommentStore contract: $name', { timeout: 30_000 }, ({ open, reopen }) => {
  let opened: OpenedStore;
  let store: CommentStore;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  it('stores a comment and gives every field back unchanged', async () => {
    const record = commentRecord({ name: 'Zoë 🌱', text: 'Line one\r\nline two\n\n  indented\ttab — “quotes” 𝒳 \u202Eright-to-left', editedAt: T0 + 5 });
    await seed(store, record);
    expect(await store.get(record.id)).toEqual(record);
    expect(await store.get('aaaaaaaaaaaaaaaa')).toBeNull();
    expect(await store.getMany([record.id, 'aaaaaaaaaaaaaaaa'])).toEqual([record]);
    expect(await store.getMany([])).toEqual([]);
  });

  it('moves the page version with every change readers could see, and only for that page', async () => {
    const page = '/steps/take-time/';
    expect(await store.pageVersion(page)).toBe(0);
    const [comment] = await seed(store, commentRecord());
    const id = comment!.id;
    let last = await store.pageVersion(page);
    expect(last).toBeGreaterThan(0);
    const changes: (() => Promise<unknown>)[] = [
      () => store.insert(commentRecord({ parentId: id }), ALWAYS),
      () => store.edit(id, { text: 'Edited', editedAt: T0 + 1, status: 'published' }),
      () => store.report({ commentId: id, clientHash: 'a'.repeat(32), reason: '', createdAt: T0 + 2 }, ALWAYS),
      () => store.setStatus(id, { status: 'rejected', reviewed: true, at: T0 }),
      () => store.importItems([{ type: 'comment', ...commentRecord() }]),
    ];
    for (const change of changes) {
      await change();
      const now = await store.pageVersion(page);
      expect(now).toBeGreaterThan(last);
      last = now;
    }
    await store.insert(commentRecord(), { since: 0, admit: () => ({ admitted: false, retryAfterMs: 1 }) });
    await store.report({ commentId: id, clientHash: 'a'.repeat(32), reason: 'again', createdAt: T0 + 3 }, ALWAYS);
    expect(await store.pageVersion(page)).toBe(last);
    expect(await store.pageVersion('/articles/no-contact/')).toBe(0);
  });

  it('refuses a reply to a comment that does not exist', async () => {
    await expect(store.insert(commentRecord({ parentId: 'aaaaaaaaaaaaaaaa' }), ALWAYS)).rejects.toThrow();
    expect(await store.get('aaaaaaaaaaaaaaaa')).toBeNull();
  });

  it('migrates once: opening the same database again keeps the data', async () => {
    const record = await seed(store, commentRecord());
    const second = reopen(opened.location);
    try {
      expect(await second.get(record[0]!.id)).toEqual(record[0]);
    } finally {
      await second.close();
    }
  });

  it('lists top-level comments oldest or newest first, with ties broken by id, and pages through them', async () => {
    const records = Array.from({ length: 7 }, (_, index) => commentRecord({ createdAt: T0 + Math.floor(index / 2) * 1000 }));
    await seed(store, ...records);
    const oldest = [...records].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const first = await store.thread(query({ limit: 3 }));
    expect(first.topLevel.map((c) => c.id)).toEqual(oldest.slice(0, 4).map((c) => c.id));
    const third = first.topLevel[2]!;
    const second = await store.thread(query({ limit: 3, after: { createdAt: third.createdAt, id: third.id } }));
    expect(second.topLevel.map((c) => c.id)).toEqual(oldest.slice(3, 7).map((c) => c.id));
    const newest = await store.thread(query({ sort: 'newest', limit: 10 }));
    expect(newest.topLevel.map((c) => c.id)).toEqual([...oldest].reverse().map((c) => c.id));
    const after = newest.topLevel[1]!;
    const newestNext = await store.thread(query({ sort: 'newest', limit: 10, after: { createdAt: after.createdAt, id: after.id } }));
    expect(newestNext.topLevel.map((c) => c.id)).toEqual([...oldest].reverse().slice(2).map((c) => c.id));
    expect(first.total).toBe(7);
  });

  it('keeps threads apart by page', async () => {
    await seed(store, commentRecord(), commentRecord({ page: '/articles/no-contact/' }));
    expect((await store.thread(query())).topLevel).toHaveLength(1);
    expect((await store.thread(query({ page: '/articles/no-contact/' }))).total).toBe(1);
    expect((await store.thread(query({ page: '/steps/understand-why/' }))).topLevel).toEqual([]);
  });

  it('shows only visible comments, the reader’s own waiting ones, and placeholders that still have replies', async () => {
    const visible = commentRecord({ createdAt: T0 });
    const pending = commentRecord({ createdAt: T0 + 1, status: 'pending' });
    const ownPending = commentRecord({ createdAt: T0 + 2, status: 'pending' });
    const rejected = commentRecord({ createdAt: T0 + 3, status: 'rejected' });
    const reportedAway = commentRecord({ createdAt: T0 + 4, openReports: HIDE });
    const reportedOnce = commentRecord({ createdAt: T0 + 5, openReports: HIDE - 1 });
    const deletedWithReply = commentRecord({ createdAt: T0 + 6, status: 'deleted' });
    const replyToDeleted = commentRecord({ createdAt: T0 + 7, parentId: deletedWithReply.id });
    const deletedWithHiddenReply = commentRecord({ createdAt: T0 + 8, status: 'deleted' });
    const hiddenReply = commentRecord({ createdAt: T0 + 9, parentId: deletedWithHiddenReply.id, status: 'pending' });
    const ownDeleted = commentRecord({ createdAt: T0 + 10, status: 'deleted' });
    await seed(store, visible, pending, ownPending, rejected, reportedAway, reportedOnce, deletedWithReply, replyToDeleted, deletedWithHiddenReply, hiddenReply, ownDeleted);

    const seenByOthers = await store.thread(query());
    expect(seenByOthers.topLevel.map((c) => c.id)).toEqual([visible.id, reportedOnce.id, deletedWithReply.id]);
    expect(seenByOthers.replies.map((c) => c.id)).toEqual([replyToDeleted.id]);
    expect(seenByOthers.total).toBe(3);

    const seenByAuthor = await store.thread(query({ ownIds: [ownPending.id, ownDeleted.id, hiddenReply.id, reportedAway.id] }));
    expect(seenByAuthor.topLevel.map((c) => c.id)).toEqual([
      visible.id,
      ownPending.id,
      reportedAway.id,
      reportedOnce.id,
      deletedWithReply.id,
      deletedWithHiddenReply.id,
    ]);
    expect(seenByAuthor.replies.map((c) => c.id)).toEqual([replyToDeleted.id, hiddenReply.id]);
    expect(seenByAuthor.total).toBe(3);
  });

  it('returns the replies of the listed top-level comments only, oldest first', async () => {
    const [a, b] = await seed(store, commentRecord({ createdAt: T0 }), commentRecord({ createdAt: T0 + 1 }));
    const replies = await seed(
      store,
      commentRecord({ parentId: b!.id, createdAt: T0 + 30 }),
      commentRecord({ parentId: a!.id, createdAt: T0 + 20 }),
      commentRecord({ parentId: a!.id, createdAt: T0 + 10 }),
    );
    const firstOnly = await store.thread(query({ limit: 1 }));
    expect(firstOnly.topLevel).toHaveLength(2);
    expect(firstOnly.replies.map((c) => c.id)).toEqual([replies[2]!.id, replies[1]!.id]);
    expect(firstOnly.total).toBe(5);
  });

  it('counts visible comments per page, replies included', async () => {
    const top = commentRecord();
    await seed(
      store,
      top,
      commentRecord({ parentId: top.id }),
      commentRecord({ status: 'pending' }),
      commentRecord({ openReports: HIDE }),
      commentRecord({ page: '/articles/no-contact/' }),
    );
    const counts = await store.counts(['/steps/take-time/', '/articles/no-contact/', '/steps/understand-why/'], HIDE);
    expect(Object.fromEntries(counts)).toEqual({ '/steps/take-time/': 2, '/articles/no-contact/': 1 });
  });

  it('decides each insert from the poster’s recent comments inside the insert', async () => {
    const poster = 'a'.repeat(32);
    await seed(store, commentRecord({ clientHash: poster, createdAt: T0 - 10_000 }), commentRecord({ clientHash: poster, createdAt: T0 - 100 }));
    await seed(store, commentRecord({ clientHash: 'b'.repeat(32), createdAt: T0 - 50 }));
    const seen: number[][] = [];
    const refused = commentRecord({ clientHash: poster, createdAt: T0 });
    const verdict = await store.insert(refused, {
      since: T0 - 1000,
      admit: (recent) => {
        seen.push(recent);
        return { admitted: false, retryAfterMs: 1234 };
      },
    });
    expect(verdict).toEqual({ admitted: false, retryAfterMs: 1234 });
    expect(seen).toEqual([[T0 - 100]]);
    expect(await store.get(refused.id)).toBeNull();
  });

  it('lets no two simultaneous inserts slip past the limit together', async () => {
    const poster = 'c'.repeat(32);
    const attempts = Array.from({ length: 12 }, () => commentRecord({ clientHash: poster }));
    const verdicts = await Promise.all(
      attempts.map((record) =>
        store.insert(record, { since: 0, admit: (recent) => (recent.length < 5 ? { admitted: true } : { admitted: false, retryAfterMs: 1 }) }),
      ),
    );
    expect(verdicts.filter((verdict) => verdict.admitted)).toHaveLength(5);
    expect((await store.thread(query())).total).toBe(5);
  });

  it('edits text, time and status of published and pending comments only', async () => {
    const [published, deleted] = await seed(store, commentRecord(), commentRecord({ status: 'deleted' }));
    const edited = await store.edit(published!.id, { text: 'Changed', editedAt: T0 + 60_000, status: 'pending' });
    expect(edited).toEqual({ ...published, text: 'Changed', editedAt: T0 + 60_000, status: 'pending' });
    expect(await store.edit(deleted!.id, { text: 'x y', editedAt: T0, status: 'published' })).toBeNull();
    expect(await store.edit('aaaaaaaaaaaaaaaa', { text: 'x y', editedAt: T0, status: 'published' })).toBeNull();
  });

  it('counts reports once per client, closes them on review, and only new clients can report again', async () => {
    const [comment] = await seed(store, commentRecord());
    const id = comment!.id;
    expect(await store.report({ commentId: id, clientHash: 'r1'.padEnd(32, '0'), reason: 'rude', createdAt: T0 + 1 }, ALWAYS)).toMatchObject({ added: true, openReports: 1 });
    expect(await store.report({ commentId: id, clientHash: 'r1'.padEnd(32, '0'), reason: 'again', createdAt: T0 + 2 }, ALWAYS)).toMatchObject({ added: false, openReports: 1 });
    expect(await store.report({ commentId: id, clientHash: 'r2'.padEnd(32, '0'), reason: '', createdAt: T0 + 3 }, ALWAYS)).toMatchObject({ added: true, openReports: 2 });
    expect(await store.report({ commentId: 'aaaaaaaaaaaaaaaa', clientHash: 'r2'.padEnd(32, '0'), reason: '', createdAt: T0 }, ALWAYS)).toBeNull();

    const [queued] = await store.queue('reported', null, 10);
    expect(queued?.reportReasons).toEqual(['rude']);

    const notReviewed = await store.setStatus(id, { status: 'published', reviewed: false, at: T0 });
    expect(notReviewed?.openReports).toBe(2);
    const reviewed = await store.setStatus(id, { status: 'published', reviewed: true, at: T0 });
    expect(reviewed?.openReports).toBe(0);
    expect(await store.queue('reported', null, 10)).toEqual([]);
    expect(await store.report({ commentId: id, clientHash: 'r1'.padEnd(32, '0'), reason: '', createdAt: T0 + 4 }, ALWAYS)).toMatchObject({ added: false, openReports: 0 });
    expect(await store.report({ commentId: id, clientHash: 'r3'.padEnd(32, '0'), reason: 'spam', createdAt: T0 + 5 }, ALWAYS)).toMatchObject({ added: true, openReports: 1 });
    expect((await store.queue('reported', null, 10))[0]?.reportReasons).toEqual(['spam']);
    expect(await store.setStatus('aaaaaaaaaaaaaaaa', { status: 'deleted', reviewed: true, at: T0 })).toBeNull();
  });

  it('keeps moderation queues in their order and pages through them', async () => {
    const pendings = await seed(store, ...Array.from({ length: 3 }, (_, index) => commentRecord({ status: 'pending', createdAt: T0 + index })));
    const removed = await seed(store, commentRecord({ status: 'rejected', createdAt: T0 + 10 }), commentRecord({ status: 'deleted', createdAt: T0 + 11 }));
    await seed(store, commentRecord({ status: 'published' }));
    expect((await store.queue('pending', null, 10)).map((c) => c.id)).toEqual(pendings.map((c) => c.id));
    const firstTwo = await store.queue('pending', null, 2);
    const rest = await store.queue('pending', { createdAt: firstTwo[1]!.createdAt, id: firstTwo[1]!.id }, 2);
    expect(rest.map((c) => c.id)).toEqual([pendings[2]!.id]);
    expect((await store.queue('removed', null, 10)).map((c) => c.id)).toEqual([removed[1]!.id, removed[0]!.id]);
    const olderRemoved = await store.queue('removed', { createdAt: removed[1]!.createdAt, id: removed[1]!.id }, 10);
    expect(olderRemoved.map((c) => c.id)).toEqual([removed[0]!.id]);
  });

  it('exports everything and imports it into an empty store exactly, skipping what is already there', async () => {
    const top = commentRecord({ createdAt: T0 + 5, text: 'Top ✓\n\nwith paragraphs', status: 'pending', openReports: 1 });
    const reply = commentRecord({ createdAt: T0 + 1, parentId: top.id, editedAt: T0 + 7 });
    await seed(store, top);
    // A reply older than its parent (clock skew between processes) must still import after the parent.
    await store.insert(reply, ALWAYS);
    await store.report({ commentId: top.id, clientHash: 'f'.repeat(32), reason: 'why', createdAt: T0 + 9 }, ALWAYS);
    const items = await exported(store);
    expect(items.map((item) => item.type)).toEqual(['comment', 'comment', 'report']);

    const target = await open();
    try {
      expect(await target.store.importItems(items)).toEqual({ inserted: 3, skipped: 0 });
      expect(await exported(target.store)).toEqual(items);
      expect(await target.store.importItems(items)).toEqual({ inserted: 0, skipped: 3 });
    } finally {
      await target.dispose();
    }
  });
});

describe.runIf(targets.length === 2)('moving between SQLite and PostgreSQL', { timeout: 30_000 }, () => {
  it('round-trips a backup SQLite → PostgreSQL → SQLite unchanged', async () => {
    const sqlite = await openSqliteStore();
    const pg = await openPostgresStore();
    const back = await openSqliteStore();
    try {
      const top = commentRecord({ text: 'é\u0301 combining, 🇬🇧 flags, \t tabs', createdAt: T0 + 123 });
      await seed(sqlite.store, top, commentRecord({ parentId: top.id, status: 'deleted', createdAt: T0 + 999 }));
      await sqlite.store.report({ commentId: top.id, clientHash: 'e'.repeat(32), reason: 'x', createdAt: T0 + 1000 }, ALWAYS);
      const original = await exported(sqlite.store);
      await pg.store.importItems(original);
      expect(await exported(pg.store)).toEqual(original);
      await back.store.importItems(await exported(pg.store));
      expect(await exported(back.store)).toEqual(original);
    } finally {
      await Promise.all([sqlite.dispose(), pg.dispose(), back.dispose()]);
    }
  });
});
