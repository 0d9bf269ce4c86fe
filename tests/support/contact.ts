/** Helpers shared by the contact tests: message records and stores to throw away. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresMessageStore } from '../../src/server/contact/postgres-store.ts';
import { SqliteMessageStore } from '../../src/server/contact/sqlite-store.ts';
import type { MessageRecord, MessageStore } from '../../src/server/contact/store.ts';
import { sha, T0, testId } from './comments.ts';
import { createTestDatabase } from './postgres.ts';

export function messageRecord(overrides: Partial<MessageRecord> = {}): MessageRecord {
  return {
    id: testId(),
    name: '',
    replyTo: '',
    text: 'Please erase my comment on step 3.',
    createdAt: T0,
    readAt: null,
    clientHash: sha('client').slice(0, 32),
    ...overrides,
  };
}

export interface OpenedMessageStore {
  store: MessageStore;
  /** SQLite file path or PostgreSQL URL, to open a second store on the same data. */
  location: string;
  dispose(): Promise<void>;
}

export async function openSqliteMessages(): Promise<OpenedMessageStore> {
  const dir = mkdtempSync(join(tmpdir(), 'bt-contact-'));
  const location = join(dir, 'comments.db');
  const store = new SqliteMessageStore(location);
  return {
    store,
    location,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openPostgresMessages(): Promise<OpenedMessageStore> {
  const database = await createTestDatabase();
  const store = new PostgresMessageStore(database.url, { maxConnections: 2 });
  return {
    store,
    location: database.url,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
}
