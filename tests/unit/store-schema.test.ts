import { describe, expect, it } from 'vitest';
import { migrationsInOrder } from '../../src/server/db/migration';
import { rowMapper } from '../../src/server/db/rows';
import { COMMENTS_SCHEMA } from '../../src/server/comments/store/schema';
import { CONTACT_SCHEMA } from '../../src/server/contact/schema';

interface Sample {
  id: string;
  replyTo: string | null;
  createdAt: number;
  readAt: number | null;
  openReports: number;
}

const toSample = rowMapper<Sample>({
  text: ['id'],
  textOrNull: ['reply_to'],
  time: ['created_at'],
  timeOrNull: ['read_at'],
  integer: ['open_reports'],
});

describe('rows to records', () => {
  it('reads a SQLite row (times as milliseconds) and a PostgreSQL row (times as Dates) to the same record', () => {
    const expected: Sample = { id: 'a1', replyTo: 'me@example.org', createdAt: 1_700_000_000_123, readAt: null, openReports: 2 };
    const sqliteRow = { id: 'a1', reply_to: 'me@example.org', created_at: 1_700_000_000_123, read_at: null, open_reports: 2 };
    const postgresRow = { ...sqliteRow, created_at: new Date(1_700_000_000_123), open_reports: '2' };
    expect(toSample(sqliteRow)).toEqual(expected);
    expect(toSample(postgresRow)).toEqual(expected);
    expect(toSample({ ...sqliteRow, reply_to: null, read_at: new Date(5) })).toMatchObject({ replyTo: null, readAt: 5 });
  });

  it('names columns after the record fields, checked by the compiler', () => {
    // @ts-expect-error: the record has no field for this column.
    rowMapper<Sample>({ text: ['reply_address'] });
    expect(Object.keys(toSample({ id: 'x', reply_to: null, created_at: 0, read_at: null, open_reports: 0 }))).toEqual([
      'id',
      'replyTo',
      'createdAt',
      'readAt',
      'openReports',
    ]);
  });
});

describe('store schemas', () => {
  it('number migrations by their place in the list, the same in both dialects', () => {
    const migrations = migrationsInOrder((types, dialect) => [`CREATE TABLE a (t ${types.time})`, `-- ${dialect}`]);
    expect(migrations('sqlite')).toEqual([
      { version: 1, sql: 'CREATE TABLE a (t INTEGER)' },
      { version: 2, sql: '-- sqlite' },
    ]);
    expect(migrations('postgres').map((migration) => migration.version)).toEqual([1, 2]);
  });

  it('keep the comments and messages apart: own version tables, own migration locks, own names', () => {
    expect(COMMENTS_SCHEMA.versionTable).not.toBe(CONTACT_SCHEMA.versionTable);
    expect(COMMENTS_SCHEMA.migrationLock).not.toBe(CONTACT_SCHEMA.migrationLock);
    expect(COMMENTS_SCHEMA.applicationName).not.toBe(CONTACT_SCHEMA.applicationName);
    expect(COMMENTS_SCHEMA.migrations('sqlite').map((migration) => migration.version)).toEqual([1, 2, 3]);
    expect(CONTACT_SCHEMA.migrations('postgres').map((migration) => migration.version)).toEqual([1]);
  });
});
