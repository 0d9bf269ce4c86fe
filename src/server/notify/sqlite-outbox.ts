/** The notification outbox on the comments SQLite file, through a connection of its own (see outbox.ts). */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { preparedOnce } from '../db/sqlite.ts';
import type { NotifyChannelName } from '../../lib/notify/api-types.ts';
import type { QuotedComment, WaitingTotals } from '../../lib/notify/message.ts';
import { nullableNumber, toChannelRow, toOutboxEvent, toQuote, type ChannelRow, type Claim, type Finish, type NotifyOutbox, type OutboxEvent } from './outbox.ts';

type Row = Record<string, unknown>;

export class SqliteNotifyOutbox implements NotifyOutbox {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  /** `path` must be the comment store's file, already migrated by it. */
  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    if (path === ':memory:') throw new Error('the notification outbox needs the comments database file, not :memory:');
    this.#db = new DatabaseSync(path, { timeout: options.busyTimeoutMs ?? 5000 });
  }

  #all(sql: string, params: Record<string, SQLInputValue> = {}): Row[] {
    return preparedOnce(this.#db, this.#statements, sql).all(params) as Row[];
  }

  #run(sql: string, params: Record<string, SQLInputValue> = {}): number {
    return Number(preparedOnce(this.#db, this.#statements, sql).run(params).changes);
  }

  async register(channels: readonly NotifyChannelName[]): Promise<void> {
    for (const channel of channels) this.#run('INSERT INTO notify_channels (channel) VALUES (:channel) ON CONFLICT DO NOTHING', { channel });
  }

  async claim(channel: NotifyChannelName, token: string, now: number, leaseMs: number): Promise<Claim | null> {
    // One statement: SQLite runs it under the write lock, so two processes can never both match the row.
    const [row] = this.#all(
      `UPDATE notify_channels SET claim_token = :token, lease_until = :leaseUntil
       WHERE channel = :channel AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
         AND EXISTS (SELECT 1 FROM notify_outbox WHERE channel = :channel)
       RETURNING failures, next_attempt_at`,
      { channel, token, now, leaseUntil: now + leaseMs },
    );
    return row ? { channel, token, failures: Number(row['failures']), dueAt: Number(row['next_attempt_at']) } : null;
  }

  async queued(channel: NotifyChannelName, limit: number): Promise<OutboxEvent[]> {
    return this.#all(
      'SELECT id, kind, page, comment_id, created_at FROM notify_outbox WHERE channel = :channel ORDER BY id LIMIT :limit',
      { channel, limit },
    ).map(toOutboxEvent);
  }

  async totals(reportsToHide: number): Promise<WaitingTotals> {
    const [pending] = this.#all(`SELECT count(*) AS total FROM comments WHERE status = 'pending'`);
    // `open_reports > 0` lets SQLite use the reported-comments index.
    const [hidden] = this.#all(
      `SELECT count(*) AS total FROM comments WHERE open_reports > 0 AND status = 'published' AND open_reports >= :hide`,
      { hide: reportsToHide },
    );
    return { pending: Number(pending?.['total'] ?? 0), hidden: Number(hidden?.['total'] ?? 0) };
  }

  async quotes(commentIds: readonly string[], reportsToHide: number): Promise<QuotedComment[]> {
    return this.#all(
      `SELECT id, page, name, text FROM comments
       WHERE id IN (SELECT value FROM json_each(:ids))
         AND (status = 'pending' OR (status = 'published' AND open_reports >= :hide))
       ORDER BY created_at, id`,
      { ids: JSON.stringify(commentIds), hide: reportsToHide },
    ).map(toQuote);
  }

  async finish(claim: Claim, result: Finish): Promise<boolean> {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const params = { channel: claim.channel, token: claim.token, next: result.nextAttemptAt };
      const kept =
        result.outcome === 'skipped'
          ? this.#run(
              `UPDATE notify_channels SET claim_token = NULL, lease_until = NULL, next_attempt_at = :next
               WHERE channel = :channel AND claim_token = :token`,
              params,
            )
          : this.#run(
              `UPDATE notify_channels SET claim_token = NULL, lease_until = NULL, next_attempt_at = :next,
                 failures = CASE WHEN :sent THEN 0 ELSE failures + 1 END, last_attempt_at = :at,
                 last_sent_at = CASE WHEN :sent THEN :at ELSE last_sent_at END, last_outcome = :outcome, last_detail = :detail
               WHERE channel = :channel AND claim_token = :token`,
              { ...params, sent: result.outcome === 'sent' ? 1 : 0, at: result.at, outcome: result.outcome, detail: result.detail },
            );
      if (kept === 0) {
        this.#db.exec('ROLLBACK');
        return false;
      }
      if (result.outcome !== 'failed') {
        this.#run('DELETE FROM notify_outbox WHERE id IN (SELECT value FROM json_each(:ids))', { ids: JSON.stringify(result.eventIds) });
      }
      this.#db.exec('COMMIT');
      return true;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  async nextDue(channels: readonly NotifyChannelName[], now: number): Promise<number | null> {
    const [row] = this.#all(
      `SELECT min(CASE WHEN lease_until > :now THEN max(lease_until, next_attempt_at) ELSE next_attempt_at END) AS due
       FROM notify_channels c
       WHERE channel IN (SELECT value FROM json_each(:channels))
         AND EXISTS (SELECT 1 FROM notify_outbox o WHERE o.channel = c.channel)`,
      { channels: JSON.stringify(channels), now },
    );
    return nullableNumber(row?.['due']);
  }

  async channels(): Promise<ChannelRow[]> {
    return this.#all(
      `SELECT c.*, (SELECT count(*) FROM notify_outbox o WHERE o.channel = c.channel) AS queued
       FROM notify_channels c ORDER BY channel`,
    ).map(toChannelRow);
  }

  async prune(before: number): Promise<number> {
    return this.#run('DELETE FROM notify_outbox WHERE created_at < :before', { before });
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
