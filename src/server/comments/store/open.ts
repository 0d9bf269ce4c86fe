/** Opens the store the settings ask for: PostgreSQL when DATABASE_URL is set, otherwise the SQLite file. */
import type { CommentsConfig } from '../../config.ts';
import { PostgresCommentStore } from './postgres.ts';
import { SqliteCommentStore } from './sqlite.ts';
import type { CommentStore } from './store.ts';

export function openStore(config: Pick<CommentsConfig, 'databaseUrl' | 'sqlitePath'>): CommentStore {
  return config.databaseUrl ? new PostgresCommentStore(config.databaseUrl) : new SqliteCommentStore(config.sqlitePath);
}
