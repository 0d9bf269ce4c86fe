/**
 * Where private messages live: a table of their own in the comments database (SQLite file or PostgreSQL), with
 * its own migrations, so the comment schema and this one change independently.
 */
import type { Admission, RateGuard, ListPosition } from '../db/guards.ts';

/** A message as stored. Times are milliseconds since the epoch. */
export interface MessageRecord {
  id: string;
  /** Trimmed; empty when the sender gave none. */
  name: string;
  /** Trimmed; empty when the sender left no way to answer. */
  replyTo: string;
  text: string;
  createdAt: number;
  /** When the owner marked it read; null while unread. */
  readAt: number | null;
  /** Keyed hash of the sender's address, for the rate limit: never the address itself. */
  clientHash: string;
}

export interface MessagePage {
  /** Newest first, up to limit + 1 (one more tells there is a next page). */
  messages: MessageRecord[];
  unread: number;
}

export interface MessageStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Stores a new message if `guard` admits it; the check and the insert are one transaction. */
  insert(record: MessageRecord, guard: RateGuard): Promise<Admission>;
  /** Newest first, strictly after `after`. */
  list(after: ListPosition | null, limit: number): Promise<MessagePage>;
  get(id: string): Promise<MessageRecord | null>;
  /** Sets or clears the read time; null when there is no such message. */
  setRead(id: string, readAt: number | null): Promise<MessageRecord | null>;
  /** Erases the message for good; false when there was none. */
  erase(id: string): Promise<boolean>;
  /** Erases every message created before `time`; returns how many. */
  eraseOlderThan(time: number): Promise<number>;
  /** Every message, oldest first. */
  all(): Promise<MessageRecord[]>;
  close(): Promise<void>;
}
