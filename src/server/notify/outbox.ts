/**
 * What a notification sender needs from the database: the outbox of events, the waiting totals, and one lease
 * per channel. Implemented for SQLite (sqlite-outbox.ts) and PostgreSQL (postgres-outbox.ts), each on a
 * connection of its own next to the comment store's.
 *
 * Exactly one sender at a time works a channel: `claim` takes the channel's lease in one atomic UPDATE, only when
 * the channel has events, is due (batching, back-off) and nobody else holds a live lease. `finish` only counts
 * for the holder of the claim; a sender that crashed loses its lease when it expires, and the next claim sends
 * its events again.
 */
import type { NotifyChannelName } from '../../lib/notify/api-types.ts';
import type { OwnerEventKind } from '../../lib/notify/events.ts';
import type { OwnerEvent, QuotedComment, WaitingTotals } from '../../lib/notify/message.ts';

export interface OutboxEvent extends OwnerEvent {
  id: number;
}

export interface Claim {
  channel: NotifyChannelName;
  /** Proves the claim in `finish`; a new one for every claim. */
  token: string;
  /** Failed tries in a row before this one. */
  failures: number;
  /** When the channel was due: kept when there was nothing to tell. */
  dueAt: number;
}

export type Finish =
  | { outcome: 'sent'; eventIds: readonly number[]; at: number; nextAttemptAt: number; detail: string }
  /** Nothing waits any more: the events are dropped without a message, and the last result is left as it was. */
  | { outcome: 'skipped'; eventIds: readonly number[]; nextAttemptAt: number }
  | { outcome: 'failed'; at: number; nextAttemptAt: number; detail: string };

export interface ChannelRow {
  channel: NotifyChannelName;
  queued: number;
  leaseUntil: number | null;
  nextAttemptAt: number;
  failures: number;
  lastAttemptAt: number | null;
  lastSentAt: number | null;
  lastOutcome: 'sent' | 'failed' | null;
  lastDetail: string | null;
}

export interface NotifyOutbox {
  /** Gives each channel its row, so that comment writes from then on queue events for it. */
  register(channels: readonly NotifyChannelName[]): Promise<void>;
  claim(channel: NotifyChannelName, token: string, now: number, leaseMs: number): Promise<Claim | null>;
  /** The channel's queued events, oldest first. */
  queued(channel: NotifyChannelName, limit: number): Promise<OutboxEvent[]>;
  totals(reportsToHide: number): Promise<WaitingTotals>;
  /** Name and text of those comments that still wait for the owner (approved or deleted ones are never quoted). */
  quotes(commentIds: readonly string[], reportsToHide: number): Promise<QuotedComment[]>;
  /** Ends a claim; false when the claim had expired and another sender took the channel. */
  finish(claim: Claim, result: Finish): Promise<boolean>;
  /** Soonest time a claim on one of these channels could succeed; null when none has queued events. */
  nextDue(channels: readonly NotifyChannelName[], now: number): Promise<number | null>;
  channels(): Promise<ChannelRow[]>;
  /** Drops events queued before `before` (channels set up once and then dropped must not grow the table forever). */
  prune(before: number): Promise<number>;
  close(): Promise<void>;
}

type Row = Record<string, unknown>;

export const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Rows read the same from both databases (PostgreSQL's bigints arrive as strings, hence Number()). */
export function toOutboxEvent(row: Row): OutboxEvent {
  return {
    id: Number(row['id']),
    kind: String(row['kind']) as OwnerEventKind,
    page: String(row['page']),
    commentId: String(row['comment_id']),
    at: Number(row['created_at']),
  };
}

export function toQuote(row: Row): QuotedComment {
  return { commentId: String(row['id']), page: String(row['page']), name: String(row['name']), text: String(row['text']) };
}

export function toChannelRow(row: Row): ChannelRow {
  return {
    channel: String(row['channel']) as NotifyChannelName,
    queued: Number(row['queued']),
    leaseUntil: nullableNumber(row['lease_until']),
    nextAttemptAt: Number(row['next_attempt_at']),
    failures: Number(row['failures']),
    lastAttemptAt: nullableNumber(row['last_attempt_at']),
    lastSentAt: nullableNumber(row['last_sent_at']),
    lastOutcome: row['last_outcome'] === null ? null : (String(row['last_outcome']) as 'sent' | 'failed'),
    lastDetail: row['last_detail'] === null ? null : String(row['last_detail']),
  };
}

