/**
 * The messages table, once for both dialects, with migrations of its own (contact_migrations) so the comment schema
 * and this one change independently, and a migration lock of its own so neither waits on the other. Never reorder or
 * edit an applied migration: add the next one at the end.
 */
import { migrationsInOrder, type StoreSchema } from '../db/migration.ts';
import { rowMapper } from '../db/rows.ts';
import type { MessageRecord } from './store.ts';

export const CONTACT_SCHEMA: StoreSchema = {
  what: 'the messages database',
  applicationName: 'back-together-contact',
  versionTable: 'contact_migrations',
  migrationLock: 7_246_031_002,
  migrations: migrationsInOrder((t) => [
    // 1: one row a message; read_at is null until the owner has opened it.
    `
      CREATE TABLE contact_messages (
        id ${t.text} PRIMARY KEY,
        name ${t.text} NOT NULL,
        reply_to ${t.text} NOT NULL,
        text ${t.text} NOT NULL,
        created_at ${t.time} NOT NULL,
        read_at ${t.time},
        client_hash ${t.text} NOT NULL
      )${t.strict};
      CREATE INDEX contact_messages_newest ON contact_messages (created_at, id);
      CREATE INDEX contact_messages_client ON contact_messages (client_hash, created_at);
    `,
  ]),
};

export const COLUMNS = 'id, name, reply_to, text, created_at, read_at, client_hash';

/** A row with COLUMNS as the message it holds, from either engine. */
export const toRecord = rowMapper<MessageRecord>({
  text: ['id', 'name', 'reply_to', 'text', 'client_hash'],
  time: ['created_at'],
  timeOrNull: ['read_at'],
});
