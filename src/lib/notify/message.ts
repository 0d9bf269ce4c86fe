/**
 * The message the site owner gets: one per batch, saying how many comments wait in all and what is new since
 * the last one. It never carries a client hash, and carries names and comment text only when the owner asked.
 */
import type { OwnerEventKind } from './events.ts';

/** One event from the outbox. */
export interface OwnerEvent {
  kind: OwnerEventKind;
  page: string;
  commentId: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** Everything waiting for the owner right now, whatever the batch holds. */
export interface WaitingTotals {
  /** Comments waiting for approval. */
  pending: number;
  /** Published comments hidden by reports until the owner reviews them. */
  hidden: number;
}

/** A waiting comment's name and text, quoted only with NOTIFY_INCLUDE_TEXT=true. */
export interface QuotedComment {
  commentId: string;
  page: string;
  name: string;
  text: string;
}

/** The JSON body of a webhook call. `text` is the whole message as plain text, for chat tools that show `{ text }`. */
export interface WebhookPayload {
  /** What the new events are: all `pending`, all `hidden`, or `mixed`. */
  kind: OwnerEventKind | 'mixed';
  /** The page, when every new event is on one page; otherwise null (see `pages`). */
  page: string | null;
  pages: string[];
  adminUrl: string;
  /** Comments waiting for the owner in all: awaiting approval plus hidden by reports. */
  waiting: number;
  awaitingApproval: number;
  hiddenByReports: number;
  /** Events since the last message (`events` lists the first ones). */
  newEvents: number;
  events: { kind: OwnerEventKind; page: string; commentId: string; at: string }[];
  /** Only with NOTIFY_INCLUDE_TEXT=true. */
  comments?: QuotedComment[];
  text: string;
}

export interface OwnerMessage {
  subject: string;
  text: string;
  payload: WebhookPayload;
}

export interface MessageInput {
  siteName: string;
  adminUrl: string;
  /** The batch, oldest first; at least one. */
  events: readonly OwnerEvent[];
  totals: WaitingTotals;
  /** Null unless the owner asked for comment text in notifications. */
  quotes: readonly QuotedComment[] | null;
}

/** Most events listed, and comments quoted, in one message: the counts stay exact beyond them. */
export const EVENTS_LISTED_MAX = 20;
export const QUOTES_MAX = 10;

const KIND_LABEL: Record<OwnerEventKind, string> = { pending: 'awaiting approval', hidden: 'hidden by reports' };

function comments(count: number): string {
  return `${count} ${count === 1 ? 'comment' : 'comments'}`;
}

/** "2 awaiting approval (/steps/a/, /steps/b/)" for the new events of one kind; null when there are none. */
function newOfKind(events: readonly OwnerEvent[], kind: OwnerEventKind): string | null {
  const ofKind = events.filter((event) => event.kind === kind);
  if (ofKind.length === 0) return null;
  const pages = [...new Set(ofKind.map((event) => event.page))];
  return `${comments(ofKind.length)} ${KIND_LABEL[kind]} (${pages.join(', ')})`;
}

export function composeOwnerMessage(input: MessageInput): OwnerMessage {
  const { events, totals } = input;
  const waiting = totals.pending + totals.hidden;
  const kinds = [...new Set(events.map((event) => event.kind))];
  const pages = [...new Set(events.map((event) => event.page))];
  const verb = waiting === 1 ? 'waits' : 'wait';
  const subject = `${input.siteName}: ${comments(waiting)} ${verb} for you`;
  const parts = [newOfKind(events, 'pending'), newOfKind(events, 'hidden')].filter((part) => part !== null);
  const lines = [
    `${comments(waiting)} ${verb} for you on ${input.siteName}: ${totals.pending} awaiting approval, ${totals.hidden} hidden by reports.`,
    `New since the last message: ${parts.join('; ')}.`,
    `Review them at ${input.adminUrl}`,
  ];
  const quotes = input.quotes?.slice(0, QUOTES_MAX) ?? null;
  for (const quote of quotes ?? []) {
    lines.push('', `${quote.name} on ${quote.page}:`, quote.text);
  }
  const text = lines.join('\n');
  const payload: WebhookPayload = {
    kind: kinds.length === 1 && kinds[0] ? kinds[0] : 'mixed',
    page: pages.length === 1 && pages[0] ? pages[0] : null,
    pages,
    adminUrl: input.adminUrl,
    waiting,
    awaitingApproval: totals.pending,
    hiddenByReports: totals.hidden,
    newEvents: events.length,
    events: events.slice(0, EVENTS_LISTED_MAX).map((event) => ({
      kind: event.kind,
      page: event.page,
      commentId: event.commentId,
      at: new Date(event.at).toISOString(),
    })),
    ...(quotes && { comments: quotes }),
    text,
  };
  return { subject, text, payload };
}
