/** Opens the message store beside the comments: PostgreSQL when DATABASE_URL is set, otherwise the SQLite file. */
import type { CommentsConfig } from '../config.ts';
import { PostgresMessageStore } from './postgres-store.ts';
import { SqliteMessageStore } from './sqlite-store.ts';
import type { MessageStore } from './store.ts';

export function openMessageStore(config: Pick<CommentsConfig, 'databaseUrl' | 'sqlitePath'>): MessageStore {
  return config.databaseUrl ? new PostgresMessageStore(config.databaseUrl) : new SqliteMessageStore(config.sqlitePath);
}
