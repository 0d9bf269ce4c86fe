/**
 * Owner notifications end to end below HTTP, on SQLite and PostgreSQL: comment writes queue events in their own
 * transaction, and senders drain them to a real local webhook receiver and a real SMTP server, under a clock the
 * tests move by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotifyChannelName } from '../../src/lib/notify/api-types.ts';
import { retryDelayMs } from '../../src/lib/notify/backoff.ts';
import type { NotifyChannel } from '../../src/server/notify/channel.ts';
import { emailChannel } from '../../src/server/notify/email.ts';
import type { NotifyOutbox } from '../../src/server/notify/outbox.ts';
import { PostgresNotifyOutbox } from '../../src/server/notify/postgres-outbox.ts';
import { NotifySender } from '../../src/server/notify/sender.ts';
import { SqliteNotifyOutbox } from '../../src/server/notify/sqlite-outbox.ts';
import { webhookChannel } from '../../src/server/notify/webhook.ts';
import type { CommentStore } from '../../src/server/comments/store/store.ts';
import { ALWAYS, commentRecord, fakeClock, openPostgresStore, openSqliteStore, T0, type OpenedStore } from '../support/comments.ts';
import { recordingTimers, startMailServer, startWebhookReceiver, type MailServer, type WebhookReceiver } from '../support/notify.ts';
import { postgresAvailable } from '../support/postgres.ts';

const INTERVAL = 900_000;
const LEASE = 120_000;
const ADMIN = 'https://example.org/admin/';

const targets: { name: string; open: () => Promise<OpenedStore>; outbox: (location: string) => NotifyOutbox }[] = [
  { name: 'sqlite', open: openSqliteStore, outbox: (location) => new SqliteNotifyOutbox(location) },
];
if (postgresAvailable()) {
  targets.push({ name: 'postgres', open: openPostgresStore, outbox: (location) => new PostgresNotifyOutbox(location) });
}

describe.each(targets)('owner notifications: $name', { timeout: 30_000 }, ({ open, outbox: openOutbox }) => {
  let opened: OpenedStore;
  let store: CommentStore;
  let webhook: WebhookReceiver;
  const outboxes: NotifyOutbox[] = [];
  const senders: NotifySender[] = [];
  const logs: string[] = [];
  let clock: ReturnType<typeof fakeClock>;

  beforeEach(async () => {
    opened = await open();
    store = opened.store;
    // The store migrates on first use; the outbox tables come with it.
    await store.pageVersion('/');
    webhook = await startWebhookReceiver();
    clock = fakeClock();
    logs.length = 0;
  });
  afterEach(async () => {
    for (const sender of senders.splice(0)) await sender.stop();
    for (const outbox of outboxes.splice(0)) await outbox.close();
    await webhook.close();
    await opened.dispose();
  });

  function newOutbox(): NotifyOutbox {
    const outbox = openOutbox(opened.location);
    outboxes.push(outbox);
    return outbox;
  }

  /** A sender on a connection of its own, as a second server process would have. */
  async function newSender(channels: NotifyChannel[], options: { includeText?: boolean } = {}) {
    const outbox = newOutbox();
    const sender = new NotifySender({
      outbox,
      channels,
      now: clock.now,
      timers: recordingTimers(),
      intervalMs: INTERVAL,
      leaseMs: LEASE,
      includeText: options.includeText ?? false,
      adminUrl: ADMIN,
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    senders.push(sender);
    await sender.start();
    return { sender, outbox };
  }

  const pending = (overrides = {}) => commentRecord({ status: 'pending', text: 'See https://spam.example', createdAt: clock.now(), ...overrides });

  async function queuedKinds(outbox: NotifyOutbox, channel: NotifyChannelName = 'webhook') {
    return (await outbox.queued(channel, 100)).map((event) => `${event.kind} ${event.commentId}`);
  }

  it('queues events only for comments that wait for the owner, in the write itself, once per channel set up', async () => {
    const outbox = newOutbox();
    // No channel set up anywhere: nothing is stored about anyone.
    await store.insert(pending(), ALWAYS);
    expect(await outbox.channels()).toEqual([]);
    await outbox.register(['webhook', 'email']);

    const published = commentRecord({ createdAt: clock.now() });
    await store.insert(published, ALWAYS);
    await store.insert(pending(), { since: 0, admit: () => ({ admitted: false, retryAfterMs: 1000 }) });
    expect(await queuedKinds(outbox)).toEqual([]);

    const waiting = pending();
    await store.insert(waiting, ALWAYS);
    expect(await queuedKinds(outbox)).toEqual([`pending ${waiting.id}`]);
    expect(await queuedKinds(outbox, 'email')).toEqual([`pending ${waiting.id}`]);

    // An edit that sends a published comment back for approval waits again; editing a waiting one does not repeat it.
    await store.edit(published.id, { text: 'Now with https://link.example', editedAt: clock.now(), status: 'pending' });
    await store.edit(waiting.id, { text: 'Still https://spam.example', editedAt: clock.now(), status: 'pending' });
    expect(await queuedKinds(outbox)).toEqual([`pending ${waiting.id}`, `pending ${published.id}`]);

    // The report that hides a comment, and only that one.
    const reported = commentRecord({ createdAt: clock.now() });
    await store.insert(reported, ALWAYS);
    for (const client of ['a', 'b', 'b', 'c', 'd']) {
      await store.report({ commentId: reported.id, clientHash: client.repeat(32), reason: '', createdAt: clock.now() }, ALWAYS);
    }
    expect((await queuedKinds(outbox)).slice(2)).toEqual([`hidden ${reported.id}`]);
    const [event] = await outbox.queued('email', 1);
    expect(Object.keys(event!).sort()).toEqual(['at', 'commentId', 'id', 'kind', 'page']);
  });

  it('batches: one message saying how many wait in all, then nothing until the interval has passed', async () => {
    const { sender } = await newSender([webhookChannel(new URL(webhook.url))]);
    const first = pending();
    const second = pending({ page: '/articles/no-contact/' });
    await store.insert(first, ALWAYS);
    await store.insert(second, ALWAYS);
    await sender.runOnce();
    expect(webhook.received).toHaveLength(1);
    const message = webhook.received[0]!;
    expect(message).toMatchObject({
      kind: 'pending',
      page: null,
      pages: ['/steps/take-time/', '/articles/no-contact/'],
      adminUrl: ADMIN,
      waiting: 2,
      awaitingApproval: 2,
      hiddenByReports: 0,
      newEvents: 2,
    });
    expect(message.text).toContain('2 comments wait for you');
    expect(message.text).toContain(ADMIN);
    expect(webhook.headers[0]!['content-type']).toMatch(/^application\/json/);

    const third = pending();
    await store.insert(third, ALWAYS);
    clock.advance(60_000);
    await sender.runOnce();
    clock.advance(INTERVAL - 120_000);
    await sender.runOnce();
    expect(webhook.received).toHaveLength(1);

    clock.advance(60_000);
    await sender.runOnce();
    expect(webhook.received).toHaveLength(2);
    expect(webhook.received[1]).toMatchObject({ kind: 'pending', page: '/steps/take-time/', waiting: 3, newEvents: 1 });
    expect(webhook.received[1]!.events.map((event) => event.commentId)).toEqual([third.id]);
  });

  it('carries no client hash and no comment text, unless the owner asks for the text', async () => {
    const secretText = 'My private words https://link.example';
    const comment = pending({ text: secretText, name: 'Robin' });
    await store.insert(comment, ALWAYS);
    const { sender } = await newSender([webhookChannel(new URL(webhook.url))]);
    // Registered after the insert: that event was never queued for this channel. A new one is.
    const later = pending({ text: secretText, name: 'Robin' });
    await store.insert(later, ALWAYS);
    await sender.runOnce();
    const plain = JSON.stringify(webhook.received[0]);
    expect(plain).not.toContain(comment.clientHash);
    expect(plain).not.toContain('private words');
    expect(plain).not.toContain('Robin');
    expect(webhook.received[0]!.waiting).toBe(2);

    const { sender: quoting } = await newSender([webhookChannel(new URL(webhook.url))], { includeText: true });
    await store.insert(pending({ text: secretText, name: 'Robin' }), ALWAYS);
    clock.advance(INTERVAL);
    await quoting.runOnce();
    expect(webhook.received[1]!.comments).toEqual([expect.objectContaining({ name: 'Robin', text: secretText })]);
    expect(webhook.received[1]!.text).toContain(secretText);
    expect(JSON.stringify(webhook.received[1])).not.toContain(comment.clientHash);
  });

  it('tries a failed delivery again with growing delays, keeping every event until one succeeds', async () => {
    const { sender, outbox } = await newSender([webhookChannel(new URL(webhook.url))]);
    webhook.answers.push(500, 503);
    const comment = pending();
    await store.insert(comment, ALWAYS);
    await sender.runOnce();
    expect(webhook.received).toHaveLength(1);
    let [state] = await outbox.channels();
    expect(state).toMatchObject({ channel: 'webhook', lastOutcome: 'failed', failures: 1, queued: 1, lastDetail: 'the webhook answered HTTP 500' });
    expect(state!.nextAttemptAt).toBe(clock.now() + retryDelayMs(1));
    expect(logs.join('\n')).toMatch(/webhook to http:\/\/127\.0\.0\.1:\d+ failed \(try 1\): the webhook answered HTTP 500/);
    // The webhook's path (its secret) never reaches the log.
    expect(logs.join('\n')).not.toContain('secret-token');

    clock.advance(retryDelayMs(1) - 1);
    await sender.runOnce();
    expect(webhook.received).toHaveLength(1);
    clock.advance(1);
    await sender.runOnce();
    expect(webhook.received).toHaveLength(2);
    [state] = await outbox.channels();
    expect(state).toMatchObject({ failures: 2, nextAttemptAt: clock.now() + retryDelayMs(2) });
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    clock.advance(retryDelayMs(2));
    await sender.runOnce();
    expect(webhook.received).toHaveLength(3);
    expect(webhook.received[2]!.events.map((event) => event.commentId)).toEqual([comment.id]);
    [state] = await outbox.channels();
    expect(state).toMatchObject({ lastOutcome: 'sent', failures: 0, queued: 0, lastDetail: 'HTTP 200', lastSentAt: clock.now() });
  });

  it('never sends the same message twice when two senders share the database', async () => {
    const one = await newSender([webhookChannel(new URL(webhook.url))]);
    const two = await newSender([webhookChannel(new URL(webhook.url))]);
    for (let round = 0; round < 4; round += 1) {
      await store.insert(pending(), ALWAYS);
      await store.insert(pending(), ALWAYS);
      const [first, second] = round % 2 === 0 ? [one, two] : [two, one];
      // The first sender's delivery is held open while the other one tries: the lease keeps it out.
      webhook.hold();
      const delivering = first.sender.runOnce();
      await webhook.calls(round + 1);
      await second.sender.runOnce();
      webhook.release();
      await delivering;
      expect(webhook.received).toHaveLength(round + 1);
      clock.advance(INTERVAL);
    }
    // Both at the very same moment: one claim wins.
    await store.insert(pending(), ALWAYS);
    await Promise.all([one.sender.runOnce(), two.sender.runOnce()]);
    expect(webhook.received).toHaveLength(5);
    const told = webhook.received.flatMap((message) => message.events.map((event) => event.commentId));
    expect(told).toHaveLength(9);
    expect(new Set(told).size).toBe(9);
  });

  it('sends again what a sender claimed but never delivered (a crash), once its lease has expired', async () => {
    const survivor = await newSender([webhookChannel(new URL(webhook.url))]);
    const crashed = newOutbox();
    const comment = pending();
    await store.insert(comment, ALWAYS);
    // The crashed process got as far as its claim.
    expect(await crashed.claim('webhook', 'crashed-token', clock.now(), LEASE)).not.toBeNull();
    await survivor.sender.runOnce();
    expect(webhook.received).toHaveLength(0);
    clock.advance(LEASE - 1);
    await survivor.sender.runOnce();
    expect(webhook.received).toHaveLength(0);
    clock.advance(1);
    await survivor.sender.runOnce();
    expect(webhook.received).toHaveLength(1);
    expect(webhook.received[0]!.events.map((event) => event.commentId)).toEqual([comment.id]);
    // The crashed claim can no longer finish anything.
    expect(await crashed.finish({ channel: 'webhook', token: 'crashed-token', failures: 0, dueAt: 0 }, { outcome: 'failed', at: clock.now(), nextAttemptAt: 0, detail: 'late' })).toBe(false);
  });

  it('sends nothing for comments published straight away, and nothing once the waiting ones are dealt with', async () => {
    const { sender, outbox } = await newSender([webhookChannel(new URL(webhook.url))]);
    await store.insert(commentRecord({ createdAt: clock.now() }), ALWAYS);
    await store.insert(commentRecord({ createdAt: clock.now(), parentId: null }), ALWAYS);
    await sender.runOnce();
    expect(webhook.received).toHaveLength(0);

    const comment = pending();
    await store.insert(comment, ALWAYS);
    await store.setStatus(comment.id, { status: 'published', reviewed: true, at: T0 });
    await sender.runOnce();
    expect(webhook.received).toHaveLength(0);
    const [state] = await outbox.channels();
    expect(state).toMatchObject({ queued: 0, lastOutcome: null, lastAttemptAt: null });
  });

  it('drops events older than 30 days that no sender could deliver', async () => {
    const outbox = newOutbox();
    await outbox.register(['email']);
    await store.insert(pending({ createdAt: clock.now() - 31 * 24 * 3600_000 }), ALWAYS);
    const recent = pending();
    await store.insert(recent, ALWAYS);
    // A process with only the webhook set up still keeps the table from growing.
    const { sender } = await newSender([webhookChannel(new URL(webhook.url))]);
    await sender.runOnce();
    expect(await queuedKinds(outbox, 'email')).toEqual([`pending ${recent.id}`]);
  });

  it('tells about a comment hidden by reports', async () => {
    const { sender } = await newSender([webhookChannel(new URL(webhook.url))]);
    const comment = commentRecord({ createdAt: clock.now(), page: '/articles/no-contact/' });
    await store.insert(comment, ALWAYS);
    for (const client of ['a', 'b', 'c']) {
      await store.report({ commentId: comment.id, clientHash: client.repeat(32), reason: 'rude', createdAt: clock.now() }, ALWAYS);
    }
    await sender.runOnce();
    expect(webhook.received[0]).toMatchObject({ kind: 'hidden', page: '/articles/no-contact/', waiting: 1, hiddenByReports: 1 });
    expect(webhook.received[0]!.text).toContain('1 comment waits for you');
  });

  describe('by e-mail', () => {
    let mail: MailServer;
    beforeEach(async () => {
      mail = await startMailServer();
    });
    afterEach(async () => {
      await mail.close();
    });

    const settings = (port: number, credentials = 'user:pass@') => ({
      smtpUrl: new URL(`smtp://${credentials}127.0.0.1:${port}`),
      to: 'owner@example.org',
      from: 'site@example.org',
    });

    it('mails the owner through a real SMTP server, logging in with the URL credentials', async () => {
      const { sender, outbox } = await newSender([emailChannel(settings(mail.port))]);
      await store.insert(pending(), ALWAYS);
      await sender.runOnce();
      await mail.mailsArrived(1);
      expect(mail.logins).toEqual(['user:pass']);
      expect(mail.mails[0]).toMatchObject({ from: 'site@example.org', to: ['owner@example.org'] });
      expect(mail.mails[0]!.message).toMatch(/^Subject: Back Together: 1 comment waits for you$/m);
      expect(mail.mails[0]!.message).toContain(`Review them at ${ADMIN}`);
      expect(mail.mails[0]!.message).not.toContain('spam.example');
      const [state] = await outbox.channels();
      expect(state).toMatchObject({ channel: 'email', lastOutcome: 'sent', queued: 0 });
      expect(state!.lastDetail).toMatch(/^250/);
    });

    it('records a refused message and a wrong login as failures, and retries them', async () => {
      mail.rejections.push(451);
      const { sender, outbox } = await newSender([emailChannel(settings(mail.port))]);
      await store.insert(pending(), ALWAYS);
      await sender.runOnce();
      let [state] = await outbox.channels();
      expect(state).toMatchObject({ lastOutcome: 'failed', failures: 1, queued: 1 });
      expect(state!.lastDetail).toContain('451');
      clock.advance(retryDelayMs(1));
      await sender.runOnce();
      expect(mail.mails).toHaveLength(1);

      const wrongLogin = emailChannel(settings(mail.port, 'user:wrong@'));
      await expect(wrongLogin.check(AbortSignal.timeout(5000))).rejects.toThrow(/Invalid login/);
      wrongLogin.close();
      [state] = await outbox.channels();
      expect(state).toMatchObject({ lastOutcome: 'sent', failures: 0 });
    });

    it('sends the webhook and the e-mail independently: one failing does not repeat the other', async () => {
      webhook.answers.push(500);
      const { sender } = await newSender([webhookChannel(new URL(webhook.url)), emailChannel(settings(mail.port))]);
      await store.insert(pending(), ALWAYS);
      await sender.runOnce();
      expect(mail.mails).toHaveLength(1);
      clock.advance(retryDelayMs(1));
      await sender.runOnce();
      expect(webhook.received).toHaveLength(2);
      expect(mail.mails).toHaveLength(1);
    });
  });

  it('reports an unreachable webhook clearly and keeps the events', async () => {
    const closed = await startWebhookReceiver();
    const url = new URL(closed.url);
    await closed.close();
    const channel = webhookChannel(url);
    await expect(channel.check(AbortSignal.timeout(5000))).rejects.toThrow(`cannot connect to 127.0.0.1:${url.port}`);
    const { sender, outbox } = await newSender([channel]);
    await store.insert(pending(), ALWAYS);
    await sender.runOnce();
    const [state] = await outbox.channels();
    expect(state).toMatchObject({ lastOutcome: 'failed', queued: 1 });
    expect(logs.some((line) => line.startsWith('error: webhook to http://127.0.0.1'))).toBe(true);
  });

  it('schedules its next pass for when a channel is due, and no later than the poll interval', async () => {
    const timers = recordingTimers();
    const outbox = newOutbox();
    const sender = new NotifySender({ outbox, channels: [webhookChannel(new URL(webhook.url))], now: clock.now, timers, intervalMs: INTERVAL, includeText: false, adminUrl: ADMIN, pollMs: 60_000, log: () => {} });
    senders.push(sender);
    await sender.start();
    await store.insert(pending(), ALWAYS);
    await sender.runOnce();
    await store.insert(pending(), ALWAYS);
    clock.advance(1000);
    await sender.runOnce();
    // Due in 899 s, but it looks again after a minute at the latest (leases, other processes' events).
    expect(timers.delays.at(-1)).toBe(60_000);
    expect(T0).toBeLessThan(clock.now());
  });
});
