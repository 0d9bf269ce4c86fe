/** Helpers shared by the contact tests: message records and stores to throw away. */
import { PostgresMessageStore } from '../../src/server/contact/postgres-store.ts';
import { SqliteMessageStore } from '../../src/server/contact/sqlite-store.ts';
import type { MessageRecord, MessageStore } from '../../src/server/contact/store.ts';
import { openOnPostgres, openOnSqlite, sha, T0, testId, type Opened } from './comments.ts';

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

export type OpenedMessageStore = Opened<MessageStore>;

export const openSqliteMessages = (): Promise<OpenedMessageStore> => openOnSqlite((path) => new SqliteMessageStore(path));
export const openPostgresMessages = (): Promise<OpenedMessageStore> =>
  openOnPostgres((url) => new PostgresMessageStore(url, { maxConnections: 2 }));
