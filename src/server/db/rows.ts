/**
 * Rows to records, once for both dialects. A store lists its columns by kind and gets one mapper that reads a
 * node:sqlite row (times as milliseconds) and a `postgres` row (times as Dates) alike; a snake_case column becomes
 * the camelCase field of the same name.
 */

type Row = Record<string, unknown>;

/** `replyTo` → `reply_to`: the column a record field is read from. */
type Column<Field extends string> = Field extends `${infer Head}${infer Rest}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${Column<Rest>}`
  : Field;

const time = (value: unknown): number => (value instanceof Date ? value.getTime() : Number(value));

const READERS = {
  text: (value: unknown) => String(value),
  textOrNull: (value: unknown) => (value === null ? null : String(value)),
  integer: (value: unknown) => Number(value),
  time,
  timeOrNull: (value: unknown) => (value === null ? null : time(value)),
} satisfies Record<string, (value: unknown) => unknown>;

type ColumnKinds<Record> = Partial<{ [Kind in keyof typeof READERS]: readonly Column<keyof Record & string>[] }>;

const fieldOf = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** A mapper from a row with the columns in `kinds` to the record `Record` (column names are checked against its fields). */
export function rowMapper<Record>(kinds: ColumnKinds<Record>): (row: Row) => Record {
  const fields = Object.entries(kinds).flatMap(([kind, columns]) =>
    (columns ?? []).map((column) => ({ column, field: fieldOf(column), read: READERS[kind as keyof typeof READERS] })),
  );
  return (row) => {
    const record: Row = {};
    for (const { column, field, read } of fields) record[field] = read(row[column]);
    // Every field is read from its column above; the kinds are the caller's statement of the record's types.
    return record as Record;
  };
}
