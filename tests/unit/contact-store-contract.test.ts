/**
 * One contract for every MessageStore: the same cases run against SQLite and PostgreSQL (TEST_DATABASE_URL;
 * skipped loudly without one, failing under CI).
 */
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresMessageStore } from '../../src/server/contact/postgres-store.ts';
import { SqliteMessageStore } from '../../src/server/contact/sqlite-store.ts';
import type { MessageStore } from '../../src/server/contact/store.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { RateGuard } from '../../src/server/db/guards.ts';
import { ALWAYS, commentRecord, T0 } from '../support/comments.ts';
import { messageRecord, openPostgresMessages, openSqliteMessages, type OpenedMessageStore } from '../support/contact.ts';
import { postgresAvailable } from '../support/postgres.ts';

const targets: { name: string; open: () => Promise<OpenedMessageStore>; reopen: (location: string) => MessageStore }[] = [
  { name: 'sqlite', open: openSqliteMessages, reopen: (location) => new SqliteMessageStore(location) },
];
if (postgresAvailable()) {
  targets.push({ name: 'postgres', open: openPostgresMessages, reopen: (location) => new PostgresMessageStore(location, { maxConnections: 1 }) });
}

describe.each(targets)('MessageStore contract: $name', { timeout: 30_000 }, ({ open, reopen }) => {
  let opened: OpenedMessageStore;
  let store: MessageStore;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  it('stores a message and gives every field back unchanged, hostile HTML and all', async () => {
    const record = messageRecord({ name: 'Zoë 🌱', replyTo: 'zoe@example.org', text: '<img src=x onerror=alert(1)>\r\n\n  “quotes” 𝒳 \u202Eright-to-left\ttab' });
    expect(await store.insert(record, ALWAYS)).toEqual({ admitted: true });
    expect(await store.get(record.id)).toEqual(record);
    expect(await store.all()).toEqual([record]);
    expect(await store.get('aaaaaaaaaaaaaaaa')).toBeNull();
  });

  it('decides the rate limit from the same client’s recent messages, inside the insert', async () => {
    const client = 'c'.repeat(32);
    await store.insert(messageRecord({ clientHash: client, createdAt: T0 }), ALWAYS);
    await store.insert(messageRecord({ clientHash: client, createdAt: T0 + 10 }), ALWAYS);
    await store.insert(messageRecord({ clientHash: 'd'.repeat(32), createdAt: T0 + 20 }), ALWAYS);
    const seen: number[][] = [];
    const refuse: RateGuard = {
      since: T0 + 5,
      admit: (recent) => {
        seen.push(recent);
        return { admitted: false, retryAfterMs: 1000 };
      },
    };
    const refused = messageRecord({ clientHash: client, createdAt: T0 + 30 });
    expect(await store.insert(refused, refuse)).toEqual({ admitted: false, retryAfterMs: 1000 });
    expect(seen).toEqual([[T0 + 10]]);
    expect(await store.get(refused.id)).toBeNull();
  });

  it('lists newest first in pages, counts the unread, marks read and unread', async () => {
    const records = [0, 1, 2, 3, 4].map((n) => messageRecord({ createdAt: T0 + n * 1000 }));
    for (const record of records) await store.insert(record, ALWAYS);
    const first = await store.list(null, 2);
    expect(first.messages.map((m) => m.id)).toEqual([records[4]!.id, records[3]!.id, records[2]!.id]);
    expect(first.unread).toBe(5);
    const second = await store.list({ createdAt: records[3]!.createdAt, id: records[3]!.id }, 2);
    expect(second.messages.map((m) => m.id)).toEqual([records[2]!.id, records[1]!.id, records[0]!.id]);
    const read = await store.setRead(records[1]!.id, T0 + 99_000);
    expect(read).toEqual({ ...records[1], readAt: T0 + 99_000 });
    expect((await store.list(null, 10)).unread).toBe(4);
    expect((await store.setRead(records[1]!.id, null))?.readAt).toBeNull();
    expect(await store.setRead('aaaaaaaaaaaaaaaa', T0)).toBeNull();
  });

  it('erases one message for good, and everything older than a time', async () => {
    const old = messageRecord({ createdAt: T0 - 1 });
    const kept = messageRecord({ createdAt: T0 });
    const erased = messageRecord({ createdAt: T0 + 1 });
    for (const record of [old, kept, erased]) await store.insert(record, ALWAYS);
    expect(await store.erase(erased.id)).toBe(true);
    expect(await store.erase(erased.id)).toBe(false);
    expect(await store.eraseOlderThan(T0)).toBe(1);
    expect(await store.all()).toEqual([kept]);
  });

  it('keeps messages across reopening, and migrates only once', async () => {
    const record = messageRecord();
    await store.insert(record, ALWAYS);
    const again = reopen(opened.location);
    try {
      expect(await again.get(record.id)).toEqual(record);
    } finally {
      await again.close();
    }
  });
});

describe('MessageStore beside the comments in one SQLite file', () => {
  it('shares the file with the comment store, in a table of its own, and leaves nothing of an erased message in it', async () => {
    const opened = await openSqliteMessages();
    const comments = new SqliteCommentStore(opened.location);
    try {
      const comment = commentRecord();
      await comments.insert(comment, ALWAYS);
      const secret = 'unmistakable-private-words-7f3a';
      const message = messageRecord({ text: secret });
      await opened.store.insert(message, ALWAYS);
      expect(await comments.get(comment.id)).toEqual(comment);
      const db = new DatabaseSync(opened.location, { readOnly: true });
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => row['name']);
      db.close();
      expect(tables).toEqual(expect.arrayContaining(['comments', 'contact_messages', 'contact_migrations', 'schema_migrations']));
      await opened.store.erase(message.id);
      await opened.store.close();
      await comments.close();
      // Closing checkpoints the write-ahead log into the file: secure_delete has zeroed the erased row there.
      expect(readFileSync(opened.location).includes(Buffer.from(secret))).toBe(false);
    } finally {
      await comments.close();
      await opened.dispose();
    }
  });
});
