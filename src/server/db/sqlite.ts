/** What every store on a node:sqlite connection needs: busy errors as StoreUnavailableError, write transactions, migrations. */
import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from './migration.ts';
import { StoreUnavailableError } from './errors.ts';

/** SQLITE_BUSY and SQLITE_LOCKED (and their extended codes): another connection holds the lock. */
export function isBusy(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('errcode' in error)) return false;
  const primary = Number(error.errcode) & 0xff;
  return primary === 5 || primary === 6;
}

/** Runs `work`, turning lock time-outs into StoreUnavailableError, so callers can answer "try again" instead of failing. */
export function guardBusy<T>(work: () => T, what: string): T {
  try {
    return work();
  } catch (error) {
    if (isBusy(error)) throw new StoreUnavailableError(`${what} is busy`, { cause: error });
    throw error;
  }
}

/** Runs `work` in a write transaction taken up front, so it waits for the lock instead of failing to upgrade. */
export function writeTransaction<T>(db: DatabaseSync, work: () => T, what: string): T {
  return guardBusy(() => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }, what);
}

/**
 * Applies the migrations newer than those recorded in `versionTable`, each in the same transaction as its version
 * row. `versionTable` is a name from the code, never from a request.
 */
export function migrate(db: DatabaseSync, versionTable: string, migrations: readonly Migration[], what: string): void {
  writeTransaction(
    db,
    () => {
      db.exec(`CREATE TABLE IF NOT EXISTS ${versionTable} (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT`);
      const row = db.prepare(`SELECT coalesce(max(version), 0) AS version FROM ${versionTable}`).get();
      const current = Number(row?.['version'] ?? 0);
      const record = db.prepare(`INSERT INTO ${versionTable} (version, applied_at) VALUES (:version, :at)`);
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        db.exec(migration.sql);
        record.run({ version: migration.version, at: Date.now() });
      }
    },
    what,
  );
}
