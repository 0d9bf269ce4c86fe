/** MessageStore in the comments' SQLite file, on a connection of its own (WAL lets both share the file). */
import type { Admission, ListPosition, RateGuard } from '../db/guards.ts';
import { SqliteConnection, type Params } from '../db/sqlite.ts';
import { COLUMNS, CONTACT_SCHEMA, toRecord } from './schema.ts';
import type { MessagePage, MessageRecord, MessageStore } from './store.ts';

export class SqliteMessageStore implements MessageStore {
  readonly kind = 'sqlite';
  readonly #db: SqliteConnection;

  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    // An erased message is overwritten in the file, not just unlinked from it.
    this.#db = new SqliteConnection(path, CONTACT_SCHEMA, { ...options, secureDelete: true });
  }

  async insert(record: MessageRecord, guard: RateGuard): Promise<Admission> {
    return this.#db.write(() => {
      const recent = this.#db.all(
        'SELECT created_at FROM contact_messages WHERE client_hash = :client AND created_at > :since ORDER BY created_at',
        { client: record.clientHash, since: guard.since },
      ).map((row) => Number(row['created_at']));
      const admission = guard.admit(recent);
      if (admission.admitted) {
        this.#db.run(`INSERT INTO contact_messages (${COLUMNS}) VALUES (:id, :name, :replyTo, :text, :createdAt, :readAt, :clientHash)`, { ...record });
      }
      return admission;
    });
  }

  async list(after: ListPosition | null, limit: number): Promise<MessagePage> {
    return this.#db.guard(() => {
      const where = after ? 'WHERE (created_at, id) < (:afterAt, :afterId)' : '';
      const params: Params = { limit: limit + 1 };
      if (after) Object.assign(params, { afterAt: after.createdAt, afterId: after.id });
      const messages = this.#db.all(`SELECT ${COLUMNS} FROM contact_messages ${where} ORDER BY created_at DESC, id DESC LIMIT :limit`, params).map(toRecord);
      const unread = Number(this.#db.all('SELECT count(*) AS unread FROM contact_messages WHERE read_at IS NULL')[0]?.['unread'] ?? 0);
      return { messages, unread };
    });
  }

  async get(id: string): Promise<MessageRecord | null> {
    return this.#db.guard(() => {
      const row = this.#db.all(`SELECT ${COLUMNS} FROM contact_messages WHERE id = :id`, { id })[0];
      return row ? toRecord(row) : null;
    });
  }

  async setRead(id: string, readAt: number | null): Promise<MessageRecord | null> {
    return this.#db.write(() => {
      if (this.#db.run('UPDATE contact_messages SET read_at = :readAt WHERE id = :id', { id, readAt }) === 0) return null;
      const row = this.#db.all(`SELECT ${COLUMNS} FROM contact_messages WHERE id = :id`, { id })[0];
      return row ? toRecord(row) : null;
    });
  }

  async erase(id: string): Promise<boolean> {
    return this.#db.write(() => this.#db.run('DELETE FROM contact_messages WHERE id = :id', { id }) > 0);
  }

  async eraseOlderThan(time: number): Promise<number> {
    return this.#db.write(() => this.#db.run('DELETE FROM contact_messages WHERE created_at < :time', { time }));
  }

  async all(): Promise<MessageRecord[]> {
    return this.#db.guard(() => this.#db.all(`SELECT ${COLUMNS} FROM contact_messages ORDER BY created_at, id`).map(toRecord));
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
