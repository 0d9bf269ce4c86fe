/** What every store on PostgreSQL needs: which failures are worth a retry, and versioned migrations. */
import postgres from 'postgres';
import type { Migration, StoreSchema } from './migration.ts';
import { StoreUnavailableError } from './errors.ts';

/** Failures worth a retry: the server unreachable or restarting, out of connections, a lock or serialisation conflict. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof postgres.PostgresError) return /^(08|53|57P|40001|40P01|55P03)/.test(error.code);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|CONNECT_TIMEOUT|CONNECTION_)/.test(code);
}

/**
 * Applies the migrations newer than those recorded in `versionTable`, in one transaction that holds the advisory
 * lock `lock`, so processes starting together migrate one after the other.
 */
export async function migrate(sql: postgres.Sql, lock: number, versionTable: string, migrations: readonly Migration[]): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${lock})`;
    await tx`CREATE TABLE IF NOT EXISTS ${tx(versionTable)} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)`;
    const [row] = await tx`SELECT coalesce(max(version), 0) AS version FROM ${tx(versionTable)}`;
    const current = Number(row?.['version'] ?? 0);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO ${tx(versionTable)} (version, applied_at) VALUES (${migration.version}, now())`;
    }
  });
}

/** A connection pool on `url` for the store `schema`, migrated on first use; after a failure (database down at start) the next use tries again. */
export class MigratedPool {
  readonly sql: postgres.Sql;
  readonly #schema: StoreSchema;
  #ready: Promise<void> | undefined;

  constructor(url: string, schema: StoreSchema, { maxConnections }: { maxConnections: number }) {
    this.#schema = schema;
    this.sql = postgres(url, {
      max: maxConnections,
      idle_timeout: 60,
      connect_timeout: 10,
      onnotice: () => {},
      connection: { application_name: schema.applicationName },
    });
  }

  ready(): Promise<void> {
    const { migrationLock, versionTable, migrations } = this.#schema;
    this.#ready ??= migrate(this.sql, migrationLock, versionTable, migrations('postgres')).catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  /** Runs `work` once migrations are done, turning transient failures into StoreUnavailableError. */
  async run<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
    try {
      await this.ready();
      return await work(this.sql);
    } catch (error) {
      if (isTransient(error)) throw new StoreUnavailableError(`${this.#schema.what} is unavailable`, { cause: error });
      throw error;
    }
  }
}

/** A timestamptz column as milliseconds since the epoch, as every store hands times out. */
export const millis = (value: unknown): number => (value as Date).getTime();
/** Milliseconds as a timestamptz parameter. */
export const timeOrNull = (time: number | null): Date | null => (time === null ? null : new Date(time));
