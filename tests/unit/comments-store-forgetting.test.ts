/**
 * Forgetting in both stores (SQLite and PostgreSQL): erasing for good, erasing hidden comments once their retention
 * has run out (with a clock moved by hand), and what backups made afterwards still hold.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eraseExpired, RETENTION_SWEEP_INTERVAL_MS, startRetention } from '../../src/server/retention.ts';
import type { CommentRecord, CommentStore, ExportItem } from '../../src/server/comments/store/store.ts';
import { ALWAYS, commentRecord, fakeClock, openPostgresStore, openSqliteStore, T0, type OpenedStore } from '../support/comments.ts';
import { postgresAvailable } from '../support/postgres.ts';

const DAY = 24 * 60 * 60 * 1000;

const targets: { name: string; open: () => Promise<OpenedStore> }[] = [{ name: 'sqlite', open: openSqliteStore }];
if (postgresAvailable()) targets.push({ name: 'postgres', open: openPostgresStore });

async function exported(store: CommentStore): Promise<ExportItem[]> {
  const items: ExportItem[] = [];
  for await (const item of store.exportAll()) items.push(item);
  return items;
}

describe.each(targets)('forgetting: $name', { timeout: 30_000 }, ({ open }) => {
  let opened: OpenedStore;
  let store: CommentStore;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  async function seed(...records: CommentRecord[]): Promise<CommentRecord[]> {
    for (const record of records) await store.insert(record, ALWAYS);
    return records;
  }

  it('erases a comment and its reports; one with replies stays as an empty placeholder until its last reply goes', async () => {
    const [top, alone] = await seed(commentRecord({ name: 'Sam', text: 'Top words' }), commentRecord({ text: 'Alone words', createdAt: T0 + 2 }));
    const [reply] = await seed(commentRecord({ parentId: top!.id, text: 'Reply words', createdAt: T0 + 1 }));
    await store.report({ commentId: top!.id, clientHash: 'a'.repeat(32), reason: 'top reason', createdAt: T0 + 3 }, ALWAYS);
    await store.report({ commentId: alone!.id, clientHash: 'a'.repeat(32), reason: 'alone reason', createdAt: T0 + 4 }, ALWAYS);
    const before = await store.pageVersion(top!.page);

    expect(await store.erase(alone!.id)).toBe(true);
    expect(await store.get(alone!.id)).toBeNull();
    expect(await store.erase(top!.id)).toBe(true);
    expect(await store.pageVersion(top!.page)).toBeGreaterThan(before);
    const placeholder = await store.get(top!.id);
    expect(placeholder).toMatchObject({ name: '', text: '', status: 'deleted', openReports: 0 });
    expect(placeholder!.secretHash).toMatch(/^0+$/);
    expect(placeholder!.clientHash).toMatch(/^0+$/);
    const backup = JSON.stringify(await exported(store));
    for (const gone of ['Sam', 'Top words', 'Alone words', 'top reason', 'alone reason']) expect(backup).not.toContain(gone);
    expect(backup).toContain('Reply words');

    // Erased once is erased: no second erase, no restore, no place in the owner's queue of removed comments.
    expect(await store.erase(top!.id)).toBe(false);
    expect(await store.setStatus(top!.id, { status: 'published', reviewed: true, at: T0 })).toBeNull();
    expect(await store.queue('removed', null, 10)).toEqual([]);
    const thread = await store.thread({ page: top!.page, sort: 'oldest', after: null, limit: 50, ownIds: [], reportsToHide: 3, repliesLimit: 10 });
    expect(thread.topLevel.map((comment) => comment.id)).toEqual([top!.id]);

    expect(await store.erase(reply!.id)).toBe(true);
    expect(await exported(store)).toEqual([]);
  });

  it('erases deleted and rejected comments once they have been hidden longer than the retention period', async () => {
    const clock = fakeClock(T0);
    const [deleted, rejected, published, restored] = await seed(
      commentRecord({ text: 'deleted one' }),
      commentRecord({ text: 'rejected one' }),
      commentRecord({ text: 'published one' }),
      commentRecord({ text: 'restored one' }),
    );
    await store.setStatus(deleted!.id, { status: 'deleted', reviewed: false, at: clock.now() });
    clock.advance(DAY);
    await store.setStatus(rejected!.id, { status: 'rejected', reviewed: true, at: clock.now() });
    await store.setStatus(restored!.id, { status: 'deleted', reviewed: false, at: clock.now() });
    await store.setStatus(restored!.id, { status: 'published', reviewed: true, at: clock.now() });

    clock.set(T0 + 30 * DAY);
    expect(await eraseExpired(store, clock.now(), 30)).toBe(0);
    clock.advance(1);
    expect(await eraseExpired(store, clock.now(), 30)).toBe(1);
    expect(await store.get(deleted!.id)).toBeNull();
    expect(await store.get(rejected!.id)).not.toBeNull();
    clock.advance(DAY);
    expect(await eraseExpired(store, clock.now(), 30)).toBe(1);
    expect((await exported(store)).map((item) => (item.type === 'comment' ? item.text : ''))).toEqual(['published one', 'restored one']);
    expect(await store.get(published!.id)).not.toBeNull();
  });

  it('sweeps at start-up and then every hour, as the clock moves', async () => {
    const clock = fakeClock(T0);
    const [comment] = await seed(commentRecord({ text: 'soon gone' }));
    await store.setStatus(comment!.id, { status: 'deleted', reviewed: false, at: T0 });
    let scheduled: { sweep: () => void; intervalMs: number } | undefined;
    const log: string[] = [];
    await startRetention({
      store,
      retentionDays: 7,
      now: clock.now,
      log: (message) => log.push(message),
      every: (sweep, intervalMs) => {
        scheduled = { sweep, intervalMs };
        return {};
      },
    });
    expect(scheduled?.intervalMs).toBe(RETENTION_SWEEP_INTERVAL_MS);
    expect(await store.get(comment!.id)).not.toBeNull();
    clock.advance(7 * DAY + 1);
    scheduled!.sweep();
    await expect.poll(() => store.get(comment!.id)).toBeNull();
    await expect.poll(() => log).toEqual(['erased 1 comment(s) hidden for more than 7 days']);
  });

  it('caps the replies a listing returns per comment and pages through the rest', async () => {
    const [top] = await seed(commentRecord());
    const replies = await seed(...Array.from({ length: 7 }, (_, index) => commentRecord({ parentId: top!.id, createdAt: T0 + 1 + index })));
    const rows = await store.thread({ page: top!.page, sort: 'oldest', after: null, limit: 50, ownIds: [], reportsToHide: 3, repliesLimit: 3 });
    expect(rows.replies.map((reply) => reply.id)).toEqual(replies.slice(0, 3).map((reply) => reply.id));
    expect(rows.replyCounts.get(top!.id)).toBe(7);
    const after = { createdAt: replies[2]!.createdAt, id: replies[2]!.id };
    const next = await store.replies({ parentId: top!.id, after, limit: 3, ownIds: [], reportsToHide: 3 });
    expect(next.map((reply) => reply.id)).toEqual(replies.slice(3, 7).map((reply) => reply.id));
  });

  it('tells the insert guard how many replies the thread has, and a refused report adds nothing', async () => {
    const [top] = await seed(commentRecord());
    await seed(commentRecord({ parentId: top!.id }), commentRecord({ parentId: top!.id, status: 'deleted' }));
    let seen = -1;
    await store.insert(commentRecord({ parentId: top!.id }), { since: 0, admit: (_recent, replies) => ((seen = replies), { admitted: false, threadFull: true }) });
    expect(seen).toBe(1);
    const refused = await store.report(
      { commentId: top!.id, clientHash: 'b'.repeat(32), reason: 'no', createdAt: T0 },
      { since: 0, admit: () => ({ admitted: false, retryAfterMs: 5 }) },
    );
    expect(refused).toEqual({ admission: { admitted: false, retryAfterMs: 5 }, added: false, openReports: 0 });
    expect((await exported(store)).filter((item) => item.type === 'report')).toEqual([]);
  });
});
