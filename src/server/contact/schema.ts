/**
 * The messages table, once for both dialects, with migrations of its own (contact_migrations) so the comment schema
 * and this one change independently. Never renumber or edit an applied migration: add the next one.
 */
import { COLUMN_TYPES, type Dialect } from '../db/dialect.ts';
import type { Migration } from '../db/migration.ts';

export function contactMigrations(dialect: Dialect): readonly Migration[] {
  const t = COLUMN_TYPES[dialect];
  return [
    {
      version: 1,
      sql: `
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
    },
  ];
}
