/**
 * How an answer kept in memory learns that it is out of date: the version of each page it shows (CommentStore's
 * page versions, bumped in every write's transaction), read so that a write committed by any process sharing the
 * database is seen by the next read here.
 */
import type { CommentsConfig } from '../config.ts';
import { SqliteChangeWatch } from './sqlite-watch.ts';

export interface ChangeWatch {
  /** The version of each page (0 for one never written to), counting every write committed before the call. */
  versions(pages: readonly string[]): Promise<number[]>;
  close(): Promise<void>;
}

/** The watch on the database the store uses (see comments/store/open.ts; the PostgreSQL client loads only for it). */
export async function openChangeWatch(config: Pick<CommentsConfig, 'databaseUrl' | 'sqlitePath'>): Promise<ChangeWatch> {
  if (!config.databaseUrl) return new SqliteChangeWatch(config.sqlitePath);
  const { PostgresChangeWatch } = await import('./postgres-watch.ts');
  return new PostgresChangeWatch(config.databaseUrl);
}
