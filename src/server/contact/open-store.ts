/**
 * Opens the message store beside the comments: PostgreSQL when DATABASE_URL is set, otherwise the SQLite file (the
 * PostgreSQL client loads only then, as for the comments).
 */
import type { CommentsConfig } from '../config.ts';
import { SqliteMessageStore } from './sqlite-store.ts';
import type { MessageStore } from './store.ts';

export async function openMessageStore(config: Pick<CommentsConfig, 'databaseUrl' | 'sqlitePath'>): Promise<MessageStore> {
  if (!config.databaseUrl) return new SqliteMessageStore(config.sqlitePath);
  const { PostgresMessageStore } = await import('./postgres-store.ts');
  return new PostgresMessageStore(config.databaseUrl);
}
