/**
 * Opens the store the settings ask for: PostgreSQL when DATABASE_URL is set, otherwise the SQLite file. The
 * PostgreSQL client is loaded only when it is used: about 14 MB of every server's memory otherwise.
 */
import type { CommentsConfig } from '../../config.ts';
import { SqliteCommentStore } from './sqlite.ts';
import type { CommentStore } from './store.ts';

export async function openStore(config: Pick<CommentsConfig, 'databaseUrl' | 'sqlitePath'>): Promise<CommentStore> {
  if (!config.databaseUrl) return new SqliteCommentStore(config.sqlitePath);
  const { PostgresCommentStore } = await import('./postgres.ts');
  return new PostgresCommentStore(config.databaseUrl);
}
