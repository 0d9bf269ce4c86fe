/** The notification outbox in the comments PostgreSQL database, through a small pool of its own (see outbox.ts). */
import postgres from 'postgres';
import type { NotifyChannelName } from '../../lib/notify/api-types.ts';
import type { QuotedComment, WaitingTotals } from '../../lib/notify/message.ts';
import { nullableNumber, toChannelRow, toOutboxEvent, toQuote, type ChannelRow, type Claim, type Finish, type NotifyOutbox, type OutboxEvent } from './outbox.ts';

export class PostgresNotifyOutbox implements NotifyOutbox {
  readonly #sql: postgres.Sql;

  /** `url` must be the comment store's database, already migrated by it. */
  constructor(url: string) {
    this.#sql = postgres(url, {
      max: 2,
      idle_timeout: 60,
      connect_timeout: 10,
      onnotice: () => {},
      connection: { application_name: 'back-together-notify' },
    });
  }

  async register(channels: readonly NotifyChannelName[]): Promise<void> {
    for (const channel of channels) await this.#sql`INSERT INTO notify_channels (channel) VALUES (${channel}) ON CONFLICT DO NOTHING`;
  }

  async claim(channel: NotifyChannelName, token: string, now: number, leaseMs: number): Promise<Claim | null> {
    // One UPDATE: a second sender's UPDATE waits on the row lock, then re-checks the lease on the new row and misses.
    const [row] = await this.#sql`
      UPDATE notify_channels SET claim_token = ${token}, lease_until = ${now + leaseMs}
      WHERE channel = ${channel} AND next_attempt_at <= ${now} AND (lease_until IS NULL OR lease_until <= ${now})
        AND EXISTS (SELECT 1 FROM notify_outbox WHERE channel = ${channel})
      RETURNING failures, next_attempt_at`;
    return row ? { channel, token, failures: Number(row['failures']), dueAt: Number(row['next_attempt_at']) } : null;
  }

  async queued(channel: NotifyChannelName, limit: number): Promise<OutboxEvent[]> {
    const rows = await this.#sql`
      SELECT id, kind, page, comment_id, created_at FROM notify_outbox WHERE channel = ${channel} ORDER BY id LIMIT ${limit}`;
    return rows.map(toOutboxEvent);
  }

  async totals(reportsToHide: number): Promise<WaitingTotals> {
    const [row] = await this.#sql`
      SELECT (SELECT count(*) FROM comments WHERE status = 'pending')::int AS pending,
             (SELECT count(*) FROM comments WHERE open_reports > 0 AND status = 'published' AND open_reports >= ${reportsToHide})::int AS hidden`;
    return { pending: Number(row?.['pending'] ?? 0), hidden: Number(row?.['hidden'] ?? 0) };
  }

  async quotes(commentIds: readonly string[], reportsToHide: number): Promise<QuotedComment[]> {
    const rows = await this.#sql`
      SELECT id, page, name, text FROM comments
      WHERE id = ANY(${[...commentIds]}::text[])
        AND (status = 'pending' OR (status = 'published' AND open_reports >= ${reportsToHide}))
      ORDER BY created_at, id`;
    return rows.map(toQuote);
  }

  async finish(claim: Claim, result: Finish): Promise<boolean> {
    return this.#sql.begin(async (tx) => {
      const kept =
        result.outcome === 'skipped'
          ? await tx`
              UPDATE notify_channels SET claim_token = NULL, lease_until = NULL, next_attempt_at = ${result.nextAttemptAt}
              WHERE channel = ${claim.channel} AND claim_token = ${claim.token}`
          : await tx`
              UPDATE notify_channels SET claim_token = NULL, lease_until = NULL, next_attempt_at = ${result.nextAttemptAt},
                failures = ${result.outcome === 'sent' ? 0 : claim.failures + 1}, last_attempt_at = ${result.at},
                last_sent_at = ${result.outcome === 'sent' ? tx`${result.at}` : tx`last_sent_at`}, last_outcome = ${result.outcome},
                last_detail = ${result.detail}
              WHERE channel = ${claim.channel} AND claim_token = ${claim.token}`;
      if (kept.count === 0) return false;
      if (result.outcome !== 'failed') {
        await tx`DELETE FROM notify_outbox WHERE id = ANY(${result.eventIds.map(String)}::bigint[])`;
      }
      return true;
    });
  }

  async nextDue(channels: readonly NotifyChannelName[], now: number): Promise<number | null> {
    const [row] = await this.#sql`
      SELECT min(CASE WHEN lease_until > ${now} THEN greatest(lease_until, next_attempt_at) ELSE next_attempt_at END) AS due
      FROM notify_channels c
      WHERE channel = ANY(${[...channels]}::text[])
        AND EXISTS (SELECT 1 FROM notify_outbox o WHERE o.channel = c.channel)`;
    return nullableNumber(row?.['due']);
  }

  async channels(): Promise<ChannelRow[]> {
    const rows = await this.#sql`
      SELECT c.*, (SELECT count(*) FROM notify_outbox o WHERE o.channel = c.channel) AS queued
      FROM notify_channels c ORDER BY channel`;
    return rows.map(toChannelRow);
  }

  async prune(before: number): Promise<number> {
    const result = await this.#sql`DELETE FROM notify_outbox WHERE created_at < ${before}`;
    return result.count;
  }

  async close(): Promise<void> {
    await this.#sql.end({ timeout: 5 });
  }
}
