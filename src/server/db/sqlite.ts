/** What every store on a node:sqlite connection needs: busy errors as StoreUnavailableError, write transactions, migrations. */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { prepareDataFile, restrictDataFiles } from '../data-files.ts';
import { StoreUnavailableError } from './errors.ts';
import type { Migration, StoreSchema } from './migration.ts';

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

/** How long a writer waits by default for another process's write lock before giving up with StoreUnavailableError. */
export const BUSY_TIMEOUT_MS = 5000;

export type Row = Record<string, unknown>;
export type Params = Record<string, SQLInputValue>;

export interface SqliteOptions {
  busyTimeoutMs?: number;
  /** Overwrite deleted rows in the file rather than just unlinking them. */
  secureDelete?: boolean;
}

/**
 * The statement for `sql`, prepared on first use and kept in `kept`. Preparing anew per call leaves a native statement
 * behind each time until the garbage collector finalises it, which it does late: the JS side looks tiny.
 */
export function preparedOnce(db: DatabaseSync, kept: Map<string, StatementSync>, sql: string): StatementSync {
  let statement = kept.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    kept.set(sql, statement);
  }
  return statement;
}

/**
 * One connection to a store's SQLite file, private to the server's user (data-files.ts): WAL, FULL sync (a write
 * acknowledged is on disk, even if the machine loses power right after), foreign keys, a busy timeout, migrations
 * applied on open, and prepared statements kept for reuse.
 */
export class SqliteConnection {
  readonly db: DatabaseSync;
  readonly path: string;
  readonly busyTimeoutMs: number;
  readonly #what: string;
  readonly #statements = new Map<string, StatementSync>();

  constructor(path: string, schema: StoreSchema, options: SqliteOptions = {}) {
    this.path = path;
    this.busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    this.#what = schema.what;
    if (path !== ':memory:') prepareDataFile(path);
    this.db = new DatabaseSync(path, { timeout: this.busyTimeoutMs, enableForeignKeyConstraints: true });
    this.guard(() => {
      this.db.exec('PRAGMA journal_mode = WAL');
      // SQLite gives the -wal and -shm files the database file's mode; ones left by an older version are fixed here.
      if (path !== ':memory:') restrictDataFiles(path);
      this.db.exec('PRAGMA synchronous = FULL');
      this.db.exec('PRAGMA foreign_keys = ON');
      if (options.secureDelete) this.db.exec('PRAGMA secure_delete = ON');
      migrate(this.db, schema.versionTable, schema.migrations('sqlite'), schema.what);
    });
  }

  #statement(sql: string): StatementSync {
    return preparedOnce(this.db, this.#statements, sql);
  }

  all(sql: string, params: Params = {}): Row[] {
    return this.#statement(sql).all(params) as Row[];
  }

  get(sql: string, params: Params = {}): Row | undefined {
    return this.#statement(sql).get(params) as Row | undefined;
  }

  /** Runs a write; returns how many rows it changed. */
  run(sql: string, params: Params = {}): number {
    return Number(this.#statement(sql).run(params).changes);
  }

  /** Turns lock time-outs into StoreUnavailableError, so callers can answer "try again" instead of failing. */
  guard<T>(work: () => T): T {
    return guardBusy(work, this.#what);
  }

  /** Runs `work` in a write transaction taken up front, so it waits for the lock instead of failing to upgrade. */
  write<T>(work: () => T): T {
    return writeTransaction(this.db, work, this.#what);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
