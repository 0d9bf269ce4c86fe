/**
 * Owner notifications for one server process: reads the settings, logs what is on and what is wrong, checks that
 * the servers can be reached, and runs the sender. Nothing here can stop the site: every failure is logged and
 * shown in /admin/.
 */
import type { NotifyChannelStatus, NotifyStatusResponse } from '../../lib/notify/api-types.ts';
import type { CommentsConfig } from '../config.ts';
import { reasonOf, type NotifyChannel } from './channel.ts';
import { emailChannel } from './email.ts';
import type { NotifyOutbox } from './outbox.ts';
import { NotifySender, realTimers, type Timers } from './sender.ts';
import type { NotifySettings } from './settings.ts';
import { SqliteNotifyOutbox } from './sqlite-outbox.ts';
import { webhookChannel } from './webhook.ts';

export interface Notifications {
  /** A write may have queued an event: look soon. */
  wake(): void;
  status(): Promise<NotifyStatusResponse>;
  stop(): Promise<void>;
}

export interface NotificationsOptions {
  settings: NotifySettings;
  outbox: NotifyOutbox;
  channels: readonly NotifyChannel[];
  /** Resolves once the comment store has migrated the database (the outbox tables exist); called again after a failure. */
  ready: () => Promise<unknown>;
  now: () => number;
  timers?: Timers;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Overrides for tests: see SenderOptions. */
  leaseMs?: number;
  pollMs?: number;
}

const CHECK_TIMEOUT_MS = 15_000;

export function channelsFor(settings: NotifySettings): NotifyChannel[] {
  return [
    ...(settings.webhookUrl ? [webhookChannel(settings.webhookUrl)] : []),
    ...(settings.email ? [emailChannel(settings.email)] : []),
  ];
}

/** The outbox in the store's database (the PostgreSQL client loads only for it, as for the store). */
export async function openOutbox(config: Pick<CommentsConfig, 'databaseUrl' | 'sqlitePath'>): Promise<NotifyOutbox> {
  if (!config.databaseUrl) return new SqliteNotifyOutbox(config.sqlitePath);
  const { PostgresNotifyOutbox } = await import('./postgres-outbox.ts');
  return new PostgresNotifyOutbox(config.databaseUrl);
}

export function startNotifications(options: NotificationsOptions): Notifications {
  const { settings, outbox, channels } = options;
  const log = options.log ?? ((level, message) => console[level](`[notify] ${message}`));
  for (const problem of settings.problems) log('warn', problem);
  if (channels.length === 0) log('info', 'owner notifications are off (set NOTIFY_WEBHOOK_URL, or SMTP_URL and NOTIFY_EMAIL)');
  for (const channel of channels) {
    log('info', `${channel.name} notifications to ${channel.target}, at most one message per ${settings.intervalMs / 1000} s`);
  }

  const checks = new Map<string, string>();
  for (const channel of channels) {
    channel.check(AbortSignal.timeout(CHECK_TIMEOUT_MS)).then(
      (found) => checks.set(channel.name, `reachable: ${found}`),
      (error: unknown) => {
        const reason = reasonOf(error);
        checks.set(channel.name, `unreachable at start-up: ${reason}`);
        log('error', `${channel.name} to ${channel.target} cannot be reached: ${reason}. Messages wait in the outbox and are retried.`);
      },
    );
  }

  const sender = new NotifySender({
    outbox,
    channels,
    now: options.now,
    timers: options.timers ?? realTimers,
    intervalMs: settings.intervalMs,
    includeText: settings.includeText,
    adminUrl: settings.adminUrl,
    log,
    ...(options.leaseMs !== undefined && { leaseMs: options.leaseMs }),
    ...(options.pollMs !== undefined && { pollMs: options.pollMs }),
  });
  let starting: Promise<boolean> | null = null;
  const ensureStarted = (): Promise<boolean> => {
    starting ??= options
      .ready()
      .then(() => sender.start())
      .then(
        () => true,
        (error: unknown) => {
          log('error', `cannot start: ${reasonOf(error)}; trying again on the next write`);
          starting = null;
          return false;
        },
      );
    return starting;
  };
  void ensureStarted();

  return {
    wake() {
      void ensureStarted().then((started) => started && sender.wake());
    },
    async status() {
      const rows = new Map((await outbox.channels()).map((row) => [row.channel, row]));
      const iso = (time: number | null) => (time === null || time === 0 ? null : new Date(time).toISOString());
      const statusOf = (name: 'webhook' | 'email'): NotifyChannelStatus => {
        const channel = channels.find((entry) => entry.name === name);
        const row = rows.get(name);
        return {
          channel: name,
          configured: channel !== undefined,
          target: channel?.target ?? null,
          check: checks.get(name) ?? null,
          queued: row?.queued ?? 0,
          lastAttemptAt: iso(row?.lastAttemptAt ?? null),
          lastSentAt: iso(row?.lastSentAt ?? null),
          lastOutcome: row?.lastOutcome ?? null,
          lastDetail: row?.lastDetail ?? null,
          failures: row?.failures ?? 0,
          nextAttemptAt: iso(row?.nextAttemptAt ?? null),
        };
      };
      return {
        intervalSeconds: settings.intervalMs / 1000,
        includeText: settings.includeText,
        problems: settings.problems,
        channels: [statusOf('webhook'), statusOf('email')],
      };
    },
    async stop() {
      await starting;
      await sender.stop();
      await outbox.close();
    },
  };
}
