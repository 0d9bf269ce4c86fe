/** MessageStore in the comments' PostgreSQL database, through a small pool of its own. */
import type postgres from 'postgres';
import { MigratedPool, millis, timeOrNull } from '../db/postgres.ts';
import type { Admission, RateGuard, ListPosition } from '../db/guards.ts';
import { CONTACT_SCHEMA, toRecord } from './schema.ts';
import type { MessagePage, MessageRecord, MessageStore } from './store.ts';

type Sql = postgres.Sql;

export class PostgresMessageStore implements MessageStore {
  readonly kind = 'postgres';
  readonly #pool: MigratedPool;

  constructor(url: string, options: { maxConnections?: number } = {}) {
    // Messages are rare: a few connections beside the comments' pool are plenty.
    this.#pool = new MigratedPool(url, CONTACT_SCHEMA, { maxConnections: options.maxConnections ?? 3 });
  }

  #guard<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.#pool.run(work);
  }

  async insert(record: MessageRecord, guard: RateGuard): Promise<Admission> {
    return this.#guard((sql) =>
      sql.begin(async (tx) => {
        // One sender's messages queue behind each other, so two at once cannot both slip under the limit.
        await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`contact:${record.clientHash}`}, 0))`;
        const recent = await tx`
          SELECT created_at FROM contact_messages
          WHERE client_hash = ${record.clientHash} AND created_at > ${new Date(guard.since)}
          ORDER BY created_at`;
        const admission = guard.admit(recent.map((row) => millis(row['created_at'])));
        if (admission.admitted) {
          await tx`
            INSERT INTO contact_messages (id, name, reply_to, text, created_at, read_at, client_hash)
            VALUES (${record.id}, ${record.name}, ${record.replyTo}, ${record.text}, ${new Date(record.createdAt)},
                    ${timeOrNull(record.readAt)}, ${record.clientHash})`;
        }
        return admission;
      }),
    );
  }

  async list(after: ListPosition | null, limit: number): Promise<MessagePage> {
    return this.#guard(async (sql) => {
      const where = after ? sql`WHERE (created_at, id) < (${new Date(after.createdAt)}, ${after.id})` : sql``;
      const [rows, counted] = await Promise.all([
        sql`SELECT * FROM contact_messages ${where} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
        sql`SELECT count(*)::int AS unread FROM contact_messages WHERE read_at IS NULL`,
      ]);
      return { messages: rows.map(toRecord), unread: Number(counted[0]?.['unread'] ?? 0) };
    });
  }

  async get(id: string): Promise<MessageRecord | null> {
    return this.#guard(async (sql) => {
      const [row] = await sql`SELECT * FROM contact_messages WHERE id = ${id}`;
      return row ? toRecord(row) : null;
    });
  }

  async setRead(id: string, readAt: number | null): Promise<MessageRecord | null> {
    return this.#guard(async (sql) => {
      const [row] = await sql`
        UPDATE contact_messages SET read_at = ${timeOrNull(readAt)} WHERE id = ${id} RETURNING *`;
      return row ? toRecord(row) : null;
    });
  }

  async erase(id: string): Promise<boolean> {
    return this.#guard(async (sql) => (await sql`DELETE FROM contact_messages WHERE id = ${id}`).count > 0);
  }

  async eraseOlderThan(time: number): Promise<number> {
    return this.#guard(async (sql) => (await sql`DELETE FROM contact_messages WHERE created_at < ${new Date(time)}`).count);
  }

  async all(): Promise<MessageRecord[]> {
    return this.#guard(async (sql) => (await sql`SELECT * FROM contact_messages ORDER BY created_at, id`).map(toRecord));
  }

  async close(): Promise<void> {
    await this.#pool.sql.end({ timeout: 5 });
  }
}
