/**
 * Drains the notification outbox: for each channel, take its lease, compose one message about everything queued,
 * deliver it, and record the result. A message goes out at most once per interval per channel; a failure is
 * tried again with growing delays; events stay in the outbox until a delivery of them succeeded.
 *
 * Clock and timers are handed in, so tests drive it step by step with `runOnce()`.
 */
import { randomUUID } from 'node:crypto';
import { REPORTS_TO_HIDE } from '../../lib/comments/limits.ts';
import { retryDelayMs } from '../../lib/notify/backoff.ts';
import { composeOwnerMessage } from '../../lib/notify/message.ts';
import { reasonOf, type NotifyChannel } from './channel.ts';
import type { Claim, Finish, NotifyOutbox } from './outbox.ts';

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Real timers that never keep the process alive on their own. */
export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SenderOptions {
  outbox: NotifyOutbox;
  channels: readonly NotifyChannel[];
  now: () => number;
  timers: Timers;
  intervalMs: number;
  includeText: boolean;
  adminUrl: string;
  siteName?: string;
  /** How long a claim holds a channel: longer than any delivery may take (deliveries are cut off well before). */
  leaseMs?: number;
  deliveryTimeoutMs?: number;
  /** The longest the sender sleeps: it also wakes for events written by other processes and for expired leases. */
  pollMs?: number;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  newToken?: () => string;
}

export const LEASE_MS = 120_000;
export const DELIVERY_TIMEOUT_MS = 30_000;
const POLL_MS = 60_000;
/** Events this old are dropped even if never told (the totals in the next message still count every waiting comment). */
const OUTBOX_RETENTION_MS = 30 * 24 * 3600_000;
/** Most events read into one message. */
const BATCH_MAX = 500;
/** Old events are looked for at most this often: a pass runs after every write. */
const PRUNE_EVERY_MS = 3600_000;

export class NotifySender {
  readonly #options: SenderOptions;
  readonly #log: NonNullable<SenderOptions['log']>;
  readonly #newToken: () => string;
  #timer: unknown = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(options: SenderOptions) {
    this.#options = options;
    this.#log = options.log ?? ((level, message) => console[level](`[notify] ${message}`));
    this.#newToken = options.newToken ?? randomUUID;
  }

  get #names() {
    return this.#options.channels.map((channel) => channel.name);
  }

  /** Registers the channels (from now on comment writes queue events for them) and starts the loop. */
  async start(): Promise<void> {
    await this.#options.outbox.register(this.#names);
    this.wake();
  }

  /** Runs a pass soon: after a write that may have queued an event. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  /** One pass over every channel, then the next pass is scheduled. Never rejects: failures are logged. */
  runOnce(): Promise<void> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) this.#options.timers.clear(this.#timer);
    this.#timer = null;
    await this.#running;
    for (const channel of this.#options.channels) channel.close();
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer !== null) this.#options.timers.clear(this.#timer);
    this.#timer = this.#options.timers.set(() => {
      this.#timer = null;
      void this.runOnce();
    }, delayMs);
  }

  async #pass(): Promise<void> {
    const { outbox, now } = this.#options;
    const pollMs = this.#options.pollMs ?? POLL_MS;
    let delay = pollMs;
    try {
      do {
        this.#again = false;
        if (now() - this.#prunedAt >= PRUNE_EVERY_MS) {
          await outbox.prune(now() - OUTBOX_RETENTION_MS);
          this.#prunedAt = now();
        }
        for (const channel of this.#options.channels) await this.#serve(channel);
      } while (this.#again && !this.#stopped);
      const due = await outbox.nextDue(this.#names, now());
      // At least a second apart, so a channel that stays due can never spin the loop.
      if (due !== null) delay = Math.min(pollMs, Math.max(1000, due - now()));
    } catch (error) {
      this.#log('error', `cannot read the notification outbox: ${reasonOf(error)}; trying again in ${Math.round(pollMs / 1000)} s`);
    }
    this.#schedule(delay);
  }

  /** Claims the channel and, when it was due with events, delivers one message about them. */
  async #serve(channel: NotifyChannel): Promise<void> {
    const { outbox, now } = this.#options;
    const claim = await outbox.claim(channel.name, this.#newToken(), now(), this.#options.leaseMs ?? LEASE_MS);
    if (!claim) return;
    const events = await outbox.queued(channel.name, BATCH_MAX);
    const totals = await outbox.totals(REPORTS_TO_HIDE);
    const eventIds = events.map((event) => event.id);
    if (events.length === 0 || totals.pending + totals.hidden === 0) {
      // Approved or removed before the message went out: nothing to say, and the batching schedule stays as it was.
      await this.#finish(claim, { outcome: 'skipped', eventIds, nextAttemptAt: claim.dueAt });
      return;
    }
    const quotes = this.#options.includeText
      ? await outbox.quotes([...new Set(events.map((event) => event.commentId))], REPORTS_TO_HIDE)
      : null;
    const message = composeOwnerMessage({
      siteName: this.#options.siteName ?? 'Back Together',
      adminUrl: this.#options.adminUrl,
      events,
      totals,
      quotes,
    });
    try {
      const detail = await channel.deliver(message, AbortSignal.timeout(this.#options.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS));
      const at = now();
      await this.#finish(claim, { outcome: 'sent', eventIds, at, nextAttemptAt: at + this.#options.intervalMs, detail });
    } catch (error) {
      const at = now();
      const failures = claim.failures + 1;
      const nextAttemptAt = at + retryDelayMs(failures);
      const detail = reasonOf(error);
      this.#log(
        'error',
        `${channel.name} to ${channel.target} failed (try ${failures}): ${detail}; next try at ${new Date(nextAttemptAt).toISOString()}`,
      );
      await this.#finish(claim, { outcome: 'failed', at, nextAttemptAt, detail });
    }
  }

  async #finish(claim: Claim, result: Finish): Promise<void> {
    const kept = await this.#options.outbox.finish(claim, result);
    if (!kept) {
      this.#log('warn', `${claim.channel}: the claim expired before the delivery finished; another server may send these events again`);
    }
  }
}
