/** MessageStore in the comments' SQLite file, on a connection of its own (WAL lets both share the file). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { Migration } from '../db/migration.ts';
import { guardBusy, migrate, writeTransaction } from '../db/sqlite.ts';
import type { Admission, RateGuard, ListPosition } from '../db/guards.ts';
import type { MessagePage, MessageRecord, MessageStore } from './store.ts';

const BUSY_TIMEOUT_MS = 5000;

/** Each migration runs once, in order, inside the same transaction as its version row. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE contact_messages (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        reply_to TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        read_at INTEGER,
        client_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contact_messages_newest ON contact_messages (created_at, id);
      CREATE INDEX contact_messages_client ON contact_messages (client_hash, created_at);
    `,
  },
];

const COLUMNS = 'id, name, reply_to, text, created_at, read_at, client_hash';

type Row = Record<string, unknown>;

function toRecord(row: Row): MessageRecord {
  return {
    id: String(row['id']),
    name: String(row['name']),
    replyTo: String(row['reply_to']),
    text: String(row['text']),
    createdAt: Number(row['created_at']),
    readAt: row['read_at'] === null ? null : Number(row['read_at']),
    clientHash: String(row['client_hash']),
  };
}

export class SqliteMessageStore implements MessageStore {
  readonly kind = 'sqlite';
  readonly #db: DatabaseSync;

  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new DatabaseSync(path, { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    this.#guard(() => {
      this.#db.exec('PRAGMA journal_mode = WAL');
      this.#db.exec('PRAGMA synchronous = FULL');
      // An erased message is overwritten in the file, not just unlinked from it.
      this.#db.exec('PRAGMA secure_delete = ON');
      migrate(this.#db, 'contact_migrations', MIGRATIONS, 'the messages database');
    });
  }

  #all(sql: string, params: Record<string, SQLInputValue> = {}): Row[] {
    return this.#db.prepare(sql).all(params) as Row[];
  }

  #run(sql: string, params: Record<string, SQLInputValue> = {}): number {
    return Number(this.#db.prepare(sql).run(params).changes);
  }

  #guard<T>(work: () => T): T {
    return guardBusy(work, 'the messages database');
  }

  #write<T>(work: () => T): T {
    return writeTransaction(this.#db, work, 'the messages database');
  }

  async insert(record: MessageRecord, guard: RateGuard): Promise<Admission> {
    return this.#write(() => {
      const recent = this.#all(
        'SELECT created_at FROM contact_messages WHERE client_hash = :client AND created_at > :since ORDER BY created_at',
        { client: record.clientHash, since: guard.since },
      ).map((row) => Number(row['created_at']));
      const admission = guard.admit(recent);
      if (admission.admitted) {
        this.#run(`INSERT INTO contact_messages (${COLUMNS}) VALUES (:id, :name, :replyTo, :text, :createdAt, :readAt, :clientHash)`, { ...record });
      }
      return admission;
    });
  }

  async list(after: ListPosition | null, limit: number): Promise<MessagePage> {
    return this.#guard(() => {
      const where = after ? 'WHERE (created_at, id) < (:afterAt, :afterId)' : '';
      const params: Record<string, SQLInputValue> = { limit: limit + 1 };
      if (after) Object.assign(params, { afterAt: after.createdAt, afterId: after.id });
      const messages = this.#all(`SELECT ${COLUMNS} FROM contact_messages ${where} ORDER BY created_at DESC, id DESC LIMIT :limit`, params).map(toRecord);
      const unread = Number(this.#all('SELECT count(*) AS unread FROM contact_messages WHERE read_at IS NULL')[0]?.['unread'] ?? 0);
      return { messages, unread };
    });
  }

  async get(id: string): Promise<MessageRecord | null> {
    return this.#guard(() => {
      const row = this.#all(`SELECT ${COLUMNS} FROM contact_messages WHERE id = :id`, { id })[0];
      return row ? toRecord(row) : null;
    });
  }

  async setRead(id: string, readAt: number | null): Promise<MessageRecord | null> {
    return this.#write(() => {
      if (this.#run('UPDATE contact_messages SET read_at = :readAt WHERE id = :id', { id, readAt }) === 0) return null;
      const row = this.#all(`SELECT ${COLUMNS} FROM contact_messages WHERE id = :id`, { id })[0];
      return row ? toRecord(row) : null;
    });
  }

  async erase(id: string): Promise<boolean> {
    return this.#write(() => this.#run('DELETE FROM contact_messages WHERE id = :id', { id }) > 0);
  }

  async eraseOlderThan(time: number): Promise<number> {
    return this.#write(() => this.#run('DELETE FROM contact_messages WHERE created_at < :time', { time }));
  }

  async all(): Promise<MessageRecord[]> {
    return this.#guard(() => this.#all(`SELECT ${COLUMNS} FROM contact_messages ORDER BY created_at, id`).map(toRecord));
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
