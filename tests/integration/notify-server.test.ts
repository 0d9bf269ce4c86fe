/**
 * Owner notifications and comment feeds under the real built server: two server processes on one database tell
 * the owner about every waiting comment exactly once, bad settings never stop the site, feeds answer with caching
 * headers, and the built pages link the feeds where comments are.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotifyStatusResponse } from '../../src/lib/notify/api-types.ts';
import { clientAddressFor, postComment } from '../support/comments-http.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/notify.ts';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { builtPages, visibleText } from '../support/site.ts';

const PAGE = '/steps/take-time/';
const ADMIN_TOKEN = 'test-admin-token-0123456789';
const BASE_ENV = { TRUST_PROXY: '1', COMMENTS_MODERATION: 'links', ADMIN_TOKEN, NOTIFY_INTERVAL: '1' };

let clientCounter = 500;
const nextClient = () => clientAddressFor((clientCounter += 1));

/** Polls `check` every 50 ms until it holds (at most 20 s): for state only another process can change. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((retry) => setTimeout(retry, 50));
  }
}

async function notifyStatus(server: RunningServer): Promise<NotifyStatusResponse> {
  const response = await fetch(`${server.url}/api/admin/notifications`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as NotifyStatusResponse;
}

/** Collects a server's log lines from now on. */
function logOf(server: RunningServer): string[] {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter((line) => line !== ''));
  server.process.stderr?.on('data', collect);
  server.process.stdout?.on('data', collect);
  return lines;
}

const databases: TestDatabase[] = [];
const targets: { name: string; env: () => Promise<Record<string, string>> }[] = [{ name: 'sqlite', env: async () => ({ DATABASE_URL: '' }) }];
if (postgresAvailable()) {
  targets.push({
    name: 'postgres',
    env: async () => {
      const database = await createTestDatabase();
      databases.push(database);
      return { DATABASE_URL: database.url };
    },
  });
}
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

describe.each(targets)('owner notifications from two server processes: $name', { timeout: 90_000 }, (target) => {
  let webhook: WebhookReceiver;
  let servers: RunningServer[] = [];
  let dataDir: string;

  beforeEach(async () => {
    webhook = await startWebhookReceiver();
    dataDir = mkdtempSync(join(tmpdir(), 'bt-notify-'));
  });
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.stop({ keepData: true })));
    servers = [];
    await webhook.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the owner about every waiting comment once, and nothing about published ones', async () => {
    const env = { ...BASE_ENV, ...(await target.env()), NOTIFY_WEBHOOK_URL: webhook.url };
    servers = await Promise.all([startServer({ env, dataDir }), startServer({ env, dataDir })]);
    // The first request starts each process's comment service and its sender.
    for (const server of servers) expect((await fetch(`${server.url}/api/comments/counts?pages=${PAGE}`)).status).toBe(200);

    const waiting: string[] = [];
    const posts = Array.from({ length: 8 }, async (_, index) => {
      const server = servers[index % 2]!;
      const text = index % 4 === 3 ? `A plain thought ${index}` : `Have a look at https://example.org/${index}`;
      const response = await postComment(server.url, { page: PAGE, text }, { forwardedFor: nextClient() });
      const body = (await response.json()) as { comment: { id: string } };
      if (response.status === 202) waiting.push(body.comment.id);
      else expect(response.status).toBe(201);
    });
    await Promise.all(posts);
    expect(waiting).toHaveLength(6);

    const told = () => webhook.received.flatMap((message) => message.events.map((event) => event.commentId));
    await until(() => waiting.every((id) => told().includes(id)), 'every waiting comment to be told');
    // Once the queue is empty and no claim is open, nothing more can be sent: check there was no repeat.
    await until(async () => (await notifyStatus(servers[0]!)).channels[0]!.queued === 0, 'the outbox to drain');
    expect(told().sort()).toEqual([...waiting].sort());
    expect(webhook.received.at(-1)).toMatchObject({ kind: 'pending', page: PAGE, waiting: 6 });

    const status = await notifyStatus(servers[1]!);
    expect(status.channels[0]).toMatchObject({ channel: 'webhook', configured: true, lastOutcome: 'sent', lastDetail: 'HTTP 200', failures: 0 });
    expect(status.channels[0]!.target).toBe(new URL(webhook.url).origin);
    expect(status.channels[1]).toMatchObject({ channel: 'email', configured: false });
    expect(status.problems).toEqual([]);
  });
});

describe('bad notification settings', { timeout: 60_000 }, () => {
  it('are logged clearly, shown to the owner, and never stop the site', async () => {
    const server = await startServer({
      env: { ...BASE_ENV, NOTIFY_WEBHOOK_URL: 'hooks.example/secret-path', SMTP_URL: 'smtp://127.0.0.1:9', NOTIFY_EMAIL: 'owner@example.org', NOTIFY_INTERVAL: 'soon' },
    });
    const log = logOf(server);
    try {
      const response = await postComment(server.url, { page: PAGE, text: 'Waiting https://example.org/x' }, { forwardedFor: nextClient() });
      expect(response.status).toBe(202);
      await until(() => log.some((line) => line.includes('email to owner@example.org via 127.0.0.1:9') && line.includes('failed')), 'the failed e-mail to be logged');
      const text = log.join('\n');
      expect(text).toContain('[notify] NOTIFY_WEBHOOK_URL is not an absolute http(s) URL, so webhook notifications are off.');
      expect(text).toContain('[notify] NOTIFY_INTERVAL "soon" is not a number of seconds');
      expect(text).not.toContain('secret-path');

      const status = await notifyStatus(server);
      expect(status.problems).toHaveLength(2);
      expect(status.channels[0]).toMatchObject({ channel: 'webhook', configured: false });
      expect(status.channels[1]).toMatchObject({ channel: 'email', configured: true, lastOutcome: 'failed', failures: 1, queued: 1 });
      expect(status.channels[1]!.lastDetail).toMatch(/ECONNREFUSED/);

      // The site goes on: pages and the API answer.
      expect((await fetch(`${server.url}${PAGE}`)).status).toBe(200);
      expect((await postComment(server.url, { page: PAGE, text: 'Still here' }, { forwardedFor: nextClient() })).status).toBe(201);
      const unauthorised = await fetch(`${server.url}/api/admin/notifications`);
      expect(unauthorised.status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});

describe('comment feeds from the server', { timeout: 60_000 }, () => {
  it('serve Atom with caching headers, and 304 to a reader that is up to date', async () => {
    const server = await startServer({ env: { ...BASE_ENV } });
    try {
      expect((await postComment(server.url, { page: PAGE, text: 'A feed <entry> & more' }, { forwardedFor: nextClient() })).status).toBe(201);
      const response = await fetch(`${server.url}/api/feeds/steps/take-time.atom`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const xml = await response.text();
      expect(SyntaxValidator.validate(xml)).toBe(true);
      expect(xml).toContain('A feed &lt;entry&gt; &amp; more');
      expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${server.url}/api/feeds/steps/take-time.atom"/>`);
      const again = await fetch(`${server.url}/api/feeds/steps/take-time.atom`, { headers: { 'If-None-Match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
      const site = await fetch(`${server.url}/api/feeds/comments.atom`);
      expect(site.status).toBe(200);
      expect(await site.text()).toContain('A feed &lt;entry&gt; &amp; more');
      expect((await fetch(`${server.url}/api/feeds/steps/nope.atom`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe('feed links in the built pages', () => {
  const pages = builtPages();
  const feedLinks = (page: (typeof pages)[number]) =>
    page.document.querySelectorAll('head link[rel="alternate"][type="application/atom+xml"]').map((link) => link.getAttribute('href'));

  it('advertise each step’s and article’s own comment feed in the head, and in the comments section', () => {
    const commentable = pages.filter((page) => /^\/(steps|articles)\/[^/]+\/$/.test(page.path));
    expect(commentable.length).toBeGreaterThan(9);
    for (const page of commentable) {
      const feed = `/api/feeds${page.path.slice(0, -1)}.atom`;
      expect(feedLinks(page), page.path).toEqual([feed]);
      const section = page.document.querySelector('section[aria-labelledby="comments-heading"]');
      expect(section, page.path).not.toBeNull();
      expect(section!.querySelector(`a[href="${feed}"]`), page.path).not.toBeNull();
      expect(visibleText(section!)).toContain('Follow new comments in a feed reader; no email needed.');
    }
  });

  it('advertise no comment feed on pages without comments', () => {
    const others = pages.filter((page) => !/^\/(steps|articles)\/[^/]+\/$/.test(page.path));
    expect(others.length).toBeGreaterThan(5);
    for (const page of others) expect(feedLinks(page), page.path).toEqual([]);
  });
});
