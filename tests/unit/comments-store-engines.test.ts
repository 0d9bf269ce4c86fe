/** What each engine adds under the contract: SQLite's pragmas and lock handling, PostgreSQL's unreachable server. */
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresCommentStore } from '../../src/server/comments/store/postgres.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import { StoreUnavailableError } from '../../src/server/db/errors.ts';
import { ALWAYS, commentRecord, openSqliteStore, type OpenedStore } from '../support/comments.ts';

describe('SQLite store', () => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('creates the folder and runs in WAL mode with foreign keys on', async () => {
    opened = await openSqliteStore();
    const nested = `${opened.location}.d/deeper/comments.db`;
    const store = new SqliteCommentStore(nested);
    await store.insert(commentRecord(), ALWAYS);
    await store.close();
    const db = new DatabaseSync(nested);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    db.close();
    await expect(opened.store.insert(commentRecord({ parentId: 'aaaaaaaaaaaaaaaa' }), ALWAYS)).rejects.toThrow(/FOREIGN KEY/);
  });

  it('waits for another process’s write lock, then answers StoreUnavailableError; reads go on meanwhile', async () => {
    opened = await openSqliteStore();
    const existing = commentRecord();
    await opened.store.insert(existing, ALWAYS);
    const patient = new SqliteCommentStore(opened.location, { busyTimeoutMs: 100 });
    const other = new DatabaseSync(opened.location);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      await expect(patient.insert(commentRecord(), ALWAYS)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(performance.now() - started).toBeGreaterThanOrEqual(90);
      expect(await patient.get(existing.id)).toEqual(existing);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await patient.insert(commentRecord(), ALWAYS)).admitted).toBe(true);
    await patient.close();
  });
});

describe('PostgreSQL store', () => {
  it('answers StoreUnavailableError when the server cannot be reached', async () => {
    const store = new PostgresCommentStore('postgres://postgres@127.0.0.1:9/nowhere', { maxConnections: 1 });
    try {
      await expect(store.get('aaaaaaaaaaaaaaaa')).rejects.toBeInstanceOf(StoreUnavailableError);
      // Tried again on the next call, not stuck on the first failure.
      await expect(store.counts(['/steps/x/'], 3)).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await store.close();
    }
  });
});
