/** Helpers shared by the comment tests: records, stores and clocks. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresCommentStore } from '../../src/server/comments/store/postgres.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { CommentRecord, CommentStore } from '../../src/server/comments/store/store.ts';
import { createTestDatabase } from './postgres.ts';

let sequence = 0;

/** A distinct, valid comment id for each call: 16 characters of base32. */
export function testId(): string {
  sequence += 1;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let id = '';
  let value = sequence * 7919 + Math.floor(Math.random() * 1e6) * 1024;
  for (let index = 0; index < 16; index += 1) {
    id += alphabet[value % 32];
    value = Math.floor(value / 32) + index * 31 + sequence;
  }
  return id;
}

export const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

export function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function commentRecord(overrides: Partial<CommentRecord> = {}): CommentRecord {
  return {
    id: testId(),
    page: '/steps/take-time/',
    parentId: null,
    name: 'Anonymous',
    text: 'A kind word',
    status: 'published',
    createdAt: T0,
    editedAt: null,
    secretHash: sha('secret'),
    clientHash: sha('client').slice(0, 32),
    openReports: 0,
    ...overrides,
  };
}

/** A store to test, and how to throw it away afterwards. */
export interface Opened<S> {
  store: S;
  /** Where its data lives: SQLite file path or PostgreSQL URL (to open a second connection or process on it). */
  location: string;
  dispose(): Promise<void>;
}
export type OpenedStore = Opened<CommentStore>;

/** A store of any kind on a fresh SQLite file in a temp folder of its own. */
export async function openOnSqlite<S extends { close(): Promise<void> }>(open: (path: string) => S): Promise<Opened<S>> {
  const dir = mkdtempSync(join(tmpdir(), 'bt-store-'));
  const location = join(dir, 'comments.db');
  const store = open(location);
  return {
    store,
    location,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A store of any kind on a fresh PostgreSQL test database. */
export async function openOnPostgres<S extends { close(): Promise<void> }>(open: (url: string) => S): Promise<Opened<S>> {
  const database = await createTestDatabase();
  const store = open(database.url);
  return {
    store,
    location: database.url,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
}

export const openSqliteStore = (): Promise<OpenedStore> => openOnSqlite((path) => new SqliteCommentStore(path));
export const openPostgresStore = (): Promise<OpenedStore> => openOnPostgres((url) => new PostgresCommentStore(url, { maxConnections: 4 }));

/** A clock tests move by hand. */
export function fakeClock(start = T0) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(time: number) {
      now = time;
    },
  };
}

/** Admits every insert: for seeding. */
export const ALWAYS = { since: 0, admit: () => ({ admitted: true as const }) };
