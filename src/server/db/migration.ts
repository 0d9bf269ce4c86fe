/**
 * What a store's tables are, once for both dialects: how errors name them, where their applied versions are kept,
 * and their migrations in order. Both SQL engines open a store from this one description.
 */
import { COLUMN_TYPES, type ColumnTypes, type Dialect } from './dialect.ts';

/** A schema change of a store, applied once, in version order, in the same transaction as its version row. */
export interface Migration {
  version: number;
  sql: string;
}

export interface StoreSchema {
  /** Names the database in errors, e.g. "the comments database". */
  what: string;
  /** Shown in pg_stat_activity, to tell the pools apart. */
  applicationName: string;
  /** The table that records which migrations are applied. */
  versionTable: string;
  /** Advisory lock that serialises this schema's migrations across PostgreSQL processes (any constant key). */
  migrationLock: number;
  migrations: (dialect: Dialect) => readonly Migration[];
}

/**
 * Migrations written once for both dialects: `steps` gives each migration's SQL with the dialect's column types, and
 * a migration's version is its place in the list, so none can be skipped or repeated. Never reorder or edit an
 * applied migration: add the next one.
 */
export function migrationsInOrder(steps: (types: ColumnTypes, dialect: Dialect) => readonly string[]): StoreSchema['migrations'] {
  return (dialect) => steps(COLUMN_TYPES[dialect], dialect).map((sql, index) => ({ version: index + 1, sql }));
}
