/**
 * The two SQL dialects the stores speak, and how each spells the column types a schema uses, so that every schema
 * (comments, notifications, messages) is written once for both.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface ColumnTypes {
  text: string;
  /** A point in time: milliseconds in SQLite, a timestamp in PostgreSQL (both stores hand out milliseconds). */
  time: string;
  /** A time kept as milliseconds since the epoch in both dialects. */
  epochMs: string;
  integer: string;
  bigint: string;
  /** A row id the database assigns, counting up. */
  serialKey: string;
  /** The type of the true/false column `name`, not null. */
  flag: (name: string) => string;
  /** After a table's closing parenthesis: SQLite checks types strictly. */
  strict: string;
  /** The current time, as `time` columns hold it. */
  now: string;
}

export const COLUMN_TYPES: Readonly<Record<Dialect, ColumnTypes>> = {
  sqlite: {
    text: 'TEXT',
    time: 'INTEGER',
    epochMs: 'INTEGER',
    integer: 'INTEGER',
    bigint: 'INTEGER',
    serialKey: 'INTEGER PRIMARY KEY',
    flag: (name) => `INTEGER NOT NULL CHECK (${name} IN (0, 1))`,
    strict: ' STRICT',
    now: "CAST(strftime('%s', 'now') AS INTEGER) * 1000",
  },
  postgres: {
    text: 'text',
    time: 'timestamptz(3)',
    epochMs: 'bigint',
    integer: 'integer',
    bigint: 'bigint',
    serialKey: 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    flag: () => 'boolean NOT NULL',
    strict: '',
    now: 'now()',
  },
};
