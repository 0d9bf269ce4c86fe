/** The comments API through src/server/http.ts, without Astro: every answer, error and abuse case. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminQueueResponse, CreatedResponse, ThreadResponse } from '../../src/lib/comments/api-types.ts';
import { textProblem } from '../../src/lib/comments/validation.ts';
import { createClientHasher } from '../../src/server/client-id.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import type { CommentsConfig } from '../../src/server/config.ts';
import { createCommentsApi, type CommentsApi, type CommentsDeps } from '../../src/server/comments/api.ts';
import type { RateRule } from '../../src/server/rate-limit.ts';
import type { CommentStore } from '../../src/server/comments/store/store.ts';
import { StoreUnavailableError } from '../../src/server/db/errors.ts';
import { ALWAYS, commentRecord, fakeClock, openPostgresStore, openSqliteStore, T0, type OpenedStore } from '../support/comments.ts';
import { postgresAvailable } from '../support/postgres.ts';

const ORIGIN = 'https://back-together.example';
const PAGE = '/steps/take-time/';
const OTHER_PAGE = '/articles/no-contact/';
const ADMIN = 'admin-token-0123456789abcdef';
const KNOWN = new Set([PAGE, OTHER_PAGE, '/steps/understand-why/']);
const MINUTE = 60_000;

interface Setup {
  api: CommentsApi;
  clock: ReturnType<typeof fakeClock>;
  opened: OpenedStore;
  errors: unknown[];
}

type Config = Pick<CommentsConfig, 'siteOrigin' | 'adminToken' | 'moderation' | 'trustProxy'>;

async function setup(config: Partial<Config> = {}, extra: Partial<CommentsDeps> = {}, open = openSqliteStore): Promise<Setup> {
  const opened = await open();
  const clock = fakeClock();
  const errors: unknown[] = [];
  const api = createCommentsApi({
    store: opened.store,
    knownPages: () => KNOWN,
    now: clock.now,
    config: { siteOrigin: ORIGIN, adminToken: ADMIN, moderation: 'links', trustProxy: 0, ...config },
    hashClient: createClientHasher('test-secret-test-secret-test-secret'),
    logError: (error) => errors.push(error),
    ...extra,
  });
  return { api, clock, opened, errors };
}

interface Call {
  body?: unknown;
  /** Sent as is (no JSON encoding). */
  raw?: BodyInit;
  headers?: Record<string, string>;
  client?: string;
}

async function call(api: CommentsApi, method: string, path: string, options: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (body !== undefined) {
    init.body = body;
    init.duplex = 'half';
  }
  return api.fetch(new Request(`http://127.0.0.1:4321${path}`, init), { clientAddress: options.client ?? '192.0.2.1' });
}

async function post(api: CommentsApi, body: Record<string, unknown>, options: Call = {}) {
  return call(api, 'POST', '/api/comments', { body: { page: PAGE, ...body }, ...options });
}

async function created(response: Response): Promise<CreatedResponse> {
  expect([201, 202]).toContain(response.status);
  return (await response.json()) as CreatedResponse;
}

async function list(api: CommentsApi, query = `page=${PAGE}`, headers: Record<string, string> = {}): Promise<ThreadResponse> {
  const response = await call(api, 'GET', `/api/comments?${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as ThreadResponse;
}

async function errorOf(response: Response): Promise<{ status: number; code: string; field?: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; field?: string; message: string } };
  expect(typeof body.error.message).toBe('string');
  return { status: response.status, ...body.error };
}

async function storedCount(store: CommentStore): Promise<number> {
  let count = 0;
  for await (const _item of store.exportAll()) count += 1;
  return count;
}

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('cache-control')).toMatch(/^no-(store|cache)$/);
}

describe('comments API', { timeout: 30_000 }, () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(async () => {
    await s.opened.dispose();
    expect(s.errors).toEqual([]);
  });

  describe('listing', () => {
    it('answers an empty thread, with the page normalised to a trailing slash', async () => {
      expect(await list(s.api, 'page=/steps/take-time')).toEqual({ page: PAGE, sort: 'oldest', total: 0, comments: [], nextCursor: null });
    });

    it.each([
      ['', 'page', 400],
      ['page=', 'page', 400],
      ['page=steps/take-time', 'page', 400],
      ['page=/steps/../admin/', 'page', 400],
      ['page=javascript:alert(1)', 'page', 400],
      ['page=/steps/Take-Time/', 'page', 400],
      ['page=/steps/no-such-step/', 'page', 404],
      ['page=/admin/', 'page', 404],
      [`page=${PAGE}&sort=best`, 'sort', 400],
      [`page=${PAGE}&cursor=nonsense!`, 'cursor', 400],
      [`page=${PAGE}&cursor=${btoa('oldest.1.x')}`, 'cursor', 400],
    ])('refuses "%s" naming %s', async (query, field, status) => {
      const response = await call(s.api, 'GET', `/api/comments?${query}`);
      expectSecurityHeaders(response);
      expect(await errorOf(response)).toMatchObject({ status, field });
    });

    it('pages through more than 50 top-level comments with their replies, in either order', async () => {
      const open = await setup({ moderation: 'none' }, { rateRules: [] });
      const api = open.api;
      const ids: string[] = [];
      for (let index = 0; index < 53; index += 1) {
        open.clock.advance(1);
        ids.push((await created(await post(api, { text: `Comment ${index}` }))).comment.id);
      }
      const reply = await created(await post(api, { text: 'A reply', parentId: ids[1] }));
      const first = await list(api);
      expect(first.total).toBe(54);
      expect(first.comments.map((c) => c.id)).toEqual(ids.slice(0, 50));
      expect(first.comments[1]!.replies.map((c) => c.id)).toEqual([reply.comment.id]);
      expect(first.nextCursor).not.toBeNull();
      const second = await list(api, `page=${PAGE}&cursor=${first.nextCursor}`);
      expect(second.comments.map((c) => c.id)).toEqual(ids.slice(50));
      expect(second.nextCursor).toBeNull();
      const newest = await list(api, `page=${PAGE}&sort=newest`);
      expect(newest.comments[0]!.id).toBe(ids[52]);
      const wrongOrder = await call(api, 'GET', `/api/comments?page=${PAGE}&sort=newest&cursor=${first.nextCursor}`);
      expect(await errorOf(wrongOrder)).toMatchObject({ status: 400, field: 'cursor' });
      await open.opened.dispose();
    });
  });

  describe('posting', () => {
    it('publishes a plain comment (201) and hands back the edit secret once', async () => {
      const response = await post(s.api, { text: 'Thank you for this.', name: '  Sam  ' });
      expect(response.status).toBe(201);
      expectSecurityHeaders(response);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await created(response);
      expect(body.comment).toMatchObject({ name: 'Sam', text: 'Thank you for this.', status: 'published', mine: true, parentId: null });
      expect(body.editSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(body.editableUntil).toBe(new Date(T0 + 15 * MINUTE).toISOString());
      const thread = await list(s.api);
      expect(thread.total).toBe(1);
      expect(thread.comments[0]).toMatchObject({ id: body.comment.id, mine: false, status: 'published' });
      expect(JSON.stringify(thread)).not.toContain(body.editSecret);
    });

    it('calls a blank name Anonymous', async () => {
      expect((await created(await post(s.api, { text: 'hello', name: '   ' }))).comment.name).toBe('Anonymous');
      expect((await created(await post(s.api, { text: 'hello', name: null }))).comment.name).toBe('Anonymous');
    });

    it.each([
      ['text/plain', 415],
      ['application/x-www-form-urlencoded', 415],
      ['multipart/form-data; boundary=x', 415],
      ['application/json-patch+json', 415],
      ['application/json; charset=utf-8', 201],
    ])('accepts only JSON: %s → %i', async (type, status) => {
      const response = await call(s.api, 'POST', '/api/comments', { raw: JSON.stringify({ page: PAGE, text: 'hello' }), headers: { 'content-type': type } });
      expect(response.status).toBe(status);
    });

    it('refuses a body without a content type (415)', async () => {
      const response = await call(s.api, 'POST', '/api/comments', { raw: JSON.stringify({ page: PAGE, text: 'hello' }) });
      expect(await errorOf(response)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    });

    it('refuses writes from another site’s pages (403), but not from the site or from non-browser clients', async () => {
      const foreign = await post(s.api, { text: 'hello' }, { headers: { origin: 'https://evil.example' } });
      expect(await errorOf(foreign)).toMatchObject({ status: 403, code: 'forbidden_origin' });
      const lookalike = await post(s.api, { text: 'hello' }, { headers: { origin: `${ORIGIN}.evil.example` } });
      expect(lookalike.status).toBe(403);
      expect((await post(s.api, { text: 'hello' }, { headers: { origin: ORIGIN } })).status).toBe(201);
      expect((await post(s.api, { text: 'hello again' })).status).toBe(201);
      expect(await storedCount(s.opened.store)).toBe(2);
    });

    it('without SITE_URL, accepts only the origin the request was sent to', async () => {
      const local = await setup({ siteOrigin: null });
      expect((await post(local.api, { text: 'hi there' }, { headers: { origin: 'http://127.0.0.1:4321' } })).status).toBe(201);
      expect((await post(local.api, { text: 'hi there' }, { headers: { origin: 'http://127.0.0.1:9999' } })).status).toBe(403);
      await local.opened.dispose();
    });

    it('refuses bodies over 40 KiB (413), declared or streamed', async () => {
      const big = JSON.stringify({ page: PAGE, text: 'x'.repeat(42_000) });
      const declared = await call(s.api, 'POST', '/api/comments', { raw: big, headers: { 'content-type': 'application/json', 'content-length': String(big.length) } });
      expect(await errorOf(declared)).toMatchObject({ status: 413, code: 'body_too_large' });
      const bytes = new TextEncoder().encode(big);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 1000) controller.enqueue(bytes.subarray(offset, offset + 1000));
          controller.close();
        },
      });
      const streamed = await call(s.api, 'POST', '/api/comments', { raw: stream, headers: { 'content-type': 'application/json' } });
      expect(streamed.status).toBe(413);
      expect(await storedCount(s.opened.store)).toBe(0);
    });

    it('fits the longest valid comment of 4-byte characters under the body limit', async () => {
      const response = await post(s.api, { text: '😀'.repeat(4000), name: '😀'.repeat(60) });
      expect(response.status).toBe(201);
    });

    it.each([
      ['{"page": ', 'invalid_json', undefined],
      ['[1,2]', 'invalid_field', 'body'],
      ['"text"', 'invalid_field', 'body'],
      ['null', 'invalid_field', 'body'],
    ])('refuses malformed JSON %s', async (raw, code, field) => {
      const response = await call(s.api, 'POST', '/api/comments', { raw, headers: { 'content-type': 'application/json' } });
      expect(await errorOf(response)).toMatchObject({ status: 400, code, ...(field && { field }) });
    });

    it('refuses a body that is not UTF-8', async () => {
      const response = await call(s.api, 'POST', '/api/comments', {
        raw: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        headers: { 'content-type': 'application/json' },
      });
      expect(await errorOf(response)).toMatchObject({ status: 400, code: 'invalid_json' });
    });

    it.each([
      [{ page: PAGE, text: 'hello', website: 'javascript:alert(1)' }, 'website'],
      [{ page: PAGE, text: 'hello', url: 'data:text/html,x' }, 'url'],
      [{ page: PAGE, text: 'hello', email: 'a@b.c' }, 'email'],
      [{ page: PAGE, text: 'hello', status: 'published' }, 'status'],
      [{ page: PAGE }, 'text'],
      [{ page: PAGE, text: 42 }, 'text'],
      [{ page: PAGE, text: ' x ' }, 'text'],
      [{ page: PAGE, text: '𝒳'.repeat(4001) }, 'text'],
      [{ page: PAGE, text: 'bell \u0007 rings' }, 'text'],
      [{ page: PAGE, text: 'lone \uD800 half' }, 'text'],
      [{ text: 'hello' }, 'page'],
      [{ page: 7, text: 'hello' }, 'page'],
      [{ page: PAGE, text: 'hello', name: 'n'.repeat(61) }, 'name'],
      [{ page: PAGE, text: 'hello', name: 'two\nlines' }, 'name'],
      [{ page: PAGE, text: 'hello', name: 5 }, 'name'],
      [{ page: PAGE, text: 'hello', parentId: 'not-an-id' }, 'parentId'],
      [{ page: PAGE, text: 'hello', parentId: 'aaaaaaaaaaaaaaaa' }, 'parentId'],
      [{ page: PAGE, text: 'hello', honeypot: 3 }, 'honeypot'],
    ])('refuses %j naming %s, storing nothing', async (body, field) => {
      const response = await call(s.api, 'POST', '/api/comments', { body });
      expect(await errorOf(response)).toMatchObject({ status: 400, code: 'invalid_field', field });
      expect(await storedCount(s.opened.store)).toBe(0);
    });

    it('accepts exactly 4,000 characters, counting an emoji as one', async () => {
      expect((await post(s.api, { text: '𝒳'.repeat(4000) })).status).toBe(201);
    });

    it('has no thread for pages the site did not build (404)', async () => {
      for (const page of ['/steps/made-up/', '/privacy/', '/articles/', '/steps/take-time/extra/']) {
        const response = await post(s.api, { page, text: 'hello' });
        expect(await errorOf(response)).toMatchObject({ status: 404, code: 'unknown_page', field: 'page' });
      }
      expect(await storedCount(s.opened.store)).toBe(0);
    });

    it('attaches a reply to a reply to the top-level comment, and refuses a parent on another page', async () => {
      const top = await created(await post(s.api, { text: 'Top' }));
      s.clock.advance(1);
      const reply = await created(await post(s.api, { text: 'Reply', parentId: top.comment.id }));
      s.clock.advance(1);
      const replyToReply = await created(await post(s.api, { text: 'Reply to reply', parentId: reply.comment.id }));
      expect(replyToReply.comment.parentId).toBe(top.comment.id);
      const thread = await list(s.api);
      expect(thread.comments).toHaveLength(1);
      expect(thread.comments[0]!.replies.map((c) => c.text)).toEqual(['Reply', 'Reply to reply']);
      const elsewhere = await post(s.api, { page: OTHER_PAGE, text: 'Wrong page', parentId: top.comment.id });
      expect(await errorOf(elsewhere)).toMatchObject({ status: 400, field: 'parentId' });
      const waiting = await created(await post(s.api, { text: 'Waiting https://example.com' }));
      const toWaiting = await post(s.api, { text: 'Reply to a waiting comment', parentId: waiting.comment.id });
      expect(await errorOf(toWaiting)).toMatchObject({ status: 400, field: 'parentId' });
    });

    it('answers a filled honeypot like a real post but stores nothing', async () => {
      const bot = await post(s.api, { text: 'Buy now', honeypot: 'http://spam.example' });
      const human = await post(s.api, { text: 'Buy now' });
      expect(bot.status).toBe(human.status);
      const [botBody, humanBody] = [await created(bot), await created(human)];
      expect(Object.keys(botBody).sort()).toEqual(Object.keys(humanBody).sort());
      expect(Object.keys(botBody.comment).sort()).toEqual(Object.keys(humanBody.comment).sort());
      expect(await storedCount(s.opened.store)).toBe(1);
      expect((await list(s.api)).total).toBe(1);
    });

    it('never stores the client address, only a keyed hash of it', async () => {
      await post(s.api, { text: 'hello' }, { client: '203.0.113.77' });
      await call(s.api, 'POST', `/api/comments/${(await list(s.api)).comments[0]!.id}/report`, { body: {}, client: '198.51.100.99' });
      const file = s.opened.location;
      await s.opened.store.close();
      const bytes = [file, `${file}-wal`].map((path) => {
        try {
          return readFileSync(path).toString('latin1');
        } catch {
          return '';
        }
      });
      for (const content of bytes) {
        expect(content).not.toContain('203.0.113.77');
        expect(content).not.toContain('198.51.100.99');
      }
    });
  });

  describe('moderation policy', () => {
    it('links (default): a comment with a link waits, shown only to its author as pending', async () => {
      const response = await post(s.api, { text: 'See https://example.com/offer' });
      expect(response.status).toBe(202);
      const pending = await created(response);
      expect(pending.comment.status).toBe('pending');
      expect((await list(s.api)).comments).toEqual([]);
      const own = await list(s.api, `page=${PAGE}`, { 'x-comment-keys': `${pending.comment.id}:${pending.editSecret}` });
      expect(own.comments).toMatchObject([{ id: pending.comment.id, status: 'pending', mine: true }]);
      expect(own.total).toBe(0);
      const forged = await list(s.api, `page=${PAGE}`, { 'x-comment-keys': `${pending.comment.id}:${'A'.repeat(43)}` });
      expect(forged.comments).toEqual([]);
      const ownResponse = await call(s.api, 'GET', `/api/comments?page=${PAGE}`, { headers: { 'x-comment-keys': `${pending.comment.id}:${pending.editSecret}` } });
      expect(ownResponse.headers.get('cache-control')).toBe('no-store');
    });

    it('all: everything waits; none: nothing waits', async () => {
      const strict = await setup({ moderation: 'all' });
      expect((await post(strict.api, { text: 'Plain words' })).status).toBe(202);
      const open = await setup({ moderation: 'none' });
      expect((await post(open.api, { text: 'https://example.com' })).status).toBe(201);
      await strict.opened.dispose();
      await open.opened.dispose();
    });

    it('hides a comment reported by 3 different clients until the owner reviews it', async () => {
      const { comment } = await created(await post(s.api, { text: 'Contested' }));
      const report = (client: string) => call(s.api, 'POST', `/api/comments/${comment.id}/report`, { body: { reason: 'unkind' }, client });
      for (let index = 0; index < 3; index += 1) expect((await report('192.0.2.50')).status).toBe(202);
      expect((await list(s.api)).total).toBe(1);
      expect((await report('192.0.2.51')).status).toBe(202);
      expect((await list(s.api)).total).toBe(1);
      expect((await report('192.0.2.52')).status).toBe(202);
      expect((await list(s.api)).comments).toEqual([]);
      const counts = await (await call(s.api, 'GET', `/api/comments/counts?pages=${PAGE}`)).json();
      expect(counts).toEqual({ counts: { [PAGE]: 0 } });
      const queue = (await (await call(s.api, 'GET', '/api/admin/comments?queue=reported', { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as AdminQueueResponse;
      expect(queue.comments).toMatchObject([{ id: comment.id, openReports: 3, reportReasons: ['unkind', 'unkind', 'unkind'] }]);
      const approve = await call(s.api, 'POST', `/api/admin/comments/${comment.id}/approve`, { body: {}, headers: { authorization: `Bearer ${ADMIN}` } });
      expect(approve.status).toBe(200);
      expect((await list(s.api)).total).toBe(1);
    });

    it('refuses reports of unknown or hidden comments, and long reasons', async () => {
      const { comment } = await created(await post(s.api, { text: 'Fine' }));
      expect((await call(s.api, 'POST', '/api/comments/aaaaaaaaaaaaaaaa/report', { body: {} })).status).toBe(404);
      expect((await call(s.api, 'POST', '/api/comments/nonsense/report', { body: {} })).status).toBe(404);
      const long = await call(s.api, 'POST', `/api/comments/${comment.id}/report`, { body: { reason: 'r'.repeat(501) } });
      expect(await errorOf(long)).toMatchObject({ status: 400, field: 'reason' });
      const pending = await created(await post(s.api, { text: 'https://example.com' }));
      expect((await call(s.api, 'POST', `/api/comments/${pending.comment.id}/report`, { body: {} })).status).toBe(404);
    });
  });

  describe('rate limits', () => {
    it('allows 5 comments a minute per client, then 429 with Retry-After until the first leaves the window', async () => {
      for (let index = 0; index < 5; index += 1) {
        expect((await post(s.api, { text: `Comment ${index}` })).status).toBe(201);
        s.clock.advance(1000);
      }
      const limited = await post(s.api, { text: 'One too many' });
      expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(limited.headers.get('retry-after')).toBe('55');
      expect((await post(s.api, { text: 'Someone else' }, { client: '192.0.2.99' })).status).toBe(201);
      s.clock.advance(54_999);
      expect((await post(s.api, { text: 'Still too soon' })).status).toBe(429);
      s.clock.advance(1);
      expect((await post(s.api, { text: 'Now it fits' })).status).toBe(201);
      expect((await list(s.api)).total).toBe(7);
    });

    it('allows 30 comments an hour per client', async () => {
      for (let index = 0; index < 30; index += 1) {
        expect((await post(s.api, { text: `Comment ${index}` })).status).toBe(201);
        s.clock.advance(15_000);
      }
      const limited = await post(s.api, { text: 'Thirty-one' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBe(3600 - 30 * 15);
    });

    it('counts IPv6 clients by their /64 network', async () => {
      for (let index = 0; index < 5; index += 1) expect((await post(s.api, { text: 'v6' }, { client: `2001:db8:1:2::${index + 1}` })).status).toBe(201);
      expect((await post(s.api, { text: 'v6' }, { client: '2001:db8:1:2:ffff::9' })).status).toBe(429);
      expect((await post(s.api, { text: 'v6' }, { client: '2001:db8:1:3::1' })).status).toBe(201);
    });

    it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
      for (let index = 0; index < 5; index += 1) {
        await post(s.api, { text: 'hi there' }, { headers: { 'x-forwarded-for': `198.51.100.${index}` } });
      }
      expect((await post(s.api, { text: 'hi there' }, { headers: { 'x-forwarded-for': '198.51.100.200' } })).status).toBe(429);

      const proxied = await setup({ trustProxy: 1 });
      for (let index = 0; index < 5; index += 1) {
        expect((await post(proxied.api, { text: 'hi there' }, { headers: { 'x-forwarded-for': `198.51.100.${index}` } })).status).toBe(201);
      }
      // The proxy appends the address it saw; whatever the client wrote to the left of it does not count.
      const spoofed = (index: number) => ({ 'x-forwarded-for': `10.0.0.${index}, 198.51.100.7` });
      for (let index = 0; index < 5; index += 1) {
        expect((await post(proxied.api, { text: 'hi there' }, { headers: spoofed(index) })).status).toBe(201);
      }
      expect((await post(proxied.api, { text: 'hi there' }, { headers: spoofed(9) })).status).toBe(429);
      await proxied.opened.dispose();
    });
  });

  describe('editing and deleting', () => {
    async function posted(text = 'Original words') {
      return created(await post(s.api, { text }));
    }

    it('lets the author edit within 15 minutes with the secret', async () => {
      const { comment, editSecret } = await posted();
      s.clock.advance(15 * MINUTE);
      const response = await call(s.api, 'PATCH', `/api/comments/${comment.id}`, { body: { text: 'Better words', editSecret } });
      expect(response.status).toBe(200);
      const { comment: edited } = (await response.json()) as { comment: { text: string; editedAt: string } };
      expect(edited).toMatchObject({ text: 'Better words', editedAt: new Date(T0 + 15 * MINUTE).toISOString(), mine: true });
      expect((await list(s.api)).comments[0]!.text).toBe('Better words');
    });

    it('refuses edits after the window, with a wrong or missing secret, and of unknown comments', async () => {
      const { comment, editSecret } = await posted();
      const patch = (body: unknown, headers: Record<string, string> = {}) => call(s.api, 'PATCH', `/api/comments/${comment.id}`, { body, headers });
      expect(await errorOf(await patch({ text: 'Changed', editSecret: 'B'.repeat(43) }))).toMatchObject({ status: 403, code: 'wrong_secret' });
      expect(await errorOf(await patch({ text: 'Changed' }))).toMatchObject({ status: 400, field: 'editSecret' });
      expect(await errorOf(await patch({ text: 'Changed', editSecret: 'short' }))).toMatchObject({ status: 400, field: 'editSecret' });
      expect(await errorOf(await patch({ text: 'x', editSecret }))).toMatchObject({ status: 400, field: 'text' });
      expect(await errorOf(await patch({ text: 'Changed', editSecret, name: 'New name' }))).toMatchObject({ status: 400, field: 'name' });
      expect(await errorOf(await patch({ text: 'Changed', editSecret }, { authorization: 'Bearer wrong' }))).toMatchObject({ status: 401 });
      s.clock.advance(15 * MINUTE + 1);
      expect(await errorOf(await patch({ text: 'Changed', editSecret }))).toMatchObject({ status: 403, code: 'edit_window_closed' });
      const unknown = await call(s.api, 'PATCH', '/api/comments/aaaaaaaaaaaaaaaa', { body: { text: 'Changed', editSecret } });
      expect(unknown.status).toBe(404);
      expect((await list(s.api)).comments[0]!.text).toBe('Original words');
    });

    it('sends an edited comment back for approval when the edit adds a link', async () => {
      const { comment, editSecret } = await posted();
      const response = await call(s.api, 'PATCH', `/api/comments/${comment.id}`, { body: { text: 'Now with https://spam.example', editSecret } });
      expect(((await response.json()) as { comment: { status: string } }).comment.status).toBe('pending');
      expect((await list(s.api)).comments).toEqual([]);
    });

    it('lets the owner edit any time with the admin token', async () => {
      const { comment } = await posted();
      s.clock.advance(60 * MINUTE);
      const response = await call(s.api, 'PATCH', `/api/comments/${comment.id}`, { body: { text: 'Tidied by the owner' }, headers: { authorization: `Bearer ${ADMIN}` } });
      expect(response.status).toBe(200);
    });

    it('deletes with the secret; a deleted comment with replies stays as a placeholder', async () => {
      const top = await posted('Top');
      const lone = await posted('Lone');
      await created(await post(s.api, { text: 'Reply', parentId: top.comment.id }));
      for (const { comment, editSecret } of [top, lone]) {
        const response = await call(s.api, 'DELETE', `/api/comments/${comment.id}`, { body: { editSecret } });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ id: comment.id, deleted: true });
      }
      const thread = await list(s.api);
      expect(thread.total).toBe(1);
      expect(thread.comments).toMatchObject([{ id: top.comment.id, status: 'removed', name: '', text: '', replies: [{ text: 'Reply' }] }]);
      const again = await call(s.api, 'DELETE', `/api/comments/${lone.comment.id}`, { body: { editSecret: lone.editSecret } });
      expect(again.status).toBe(404);
    });

    it('refuses deletes after the window or with a wrong secret', async () => {
      const { comment, editSecret } = await posted();
      expect((await call(s.api, 'DELETE', `/api/comments/${comment.id}`, { body: { editSecret: 'C'.repeat(43) } })).status).toBe(403);
      expect((await call(s.api, 'DELETE', `/api/comments/${comment.id}`, { raw: '' })).status).toBe(415);
      s.clock.advance(16 * MINUTE);
      expect((await call(s.api, 'DELETE', `/api/comments/${comment.id}`, { body: { editSecret } })).status).toBe(403);
      expect((await list(s.api)).total).toBe(1);
    });
  });

  describe('counts', () => {
    it('counts several pages in one request', async () => {
      await post(s.api, { text: 'one' });
      await post(s.api, { page: OTHER_PAGE, text: 'two' });
      await post(s.api, { page: OTHER_PAGE, text: 'three' });
      const response = await call(s.api, 'GET', `/api/comments/counts?pages=${PAGE},/articles/no-contact,/steps/understand-why/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.json()).toEqual({ counts: { [PAGE]: 1, [OTHER_PAGE]: 2, '/steps/understand-why/': 0 } });
    });

    it.each([
      ['', 400],
      ['pages=', 400],
      ['pages=/steps/made-up/', 404],
      [`pages=${Array.from({ length: 101 }, () => PAGE).join(',')}`, 400],
    ])('refuses %s', async (query, status) => {
      const response = await call(s.api, 'GET', `/api/comments/counts?${query}`);
      expect(await errorOf(response)).toMatchObject({ status, field: 'pages' });
    });
  });

  describe('admin', () => {
    const auth = { authorization: `Bearer ${ADMIN}` };

    it('is off without ADMIN_TOKEN: no token opens it', async () => {
      const off = await setup({ adminToken: null });
      for (const headers of [{}, auth, { authorization: 'Bearer ' }]) {
        const response = await call(off.api, 'GET', '/api/admin/comments', { headers });
        expect(await errorOf(response)).toMatchObject({ status: 404, code: 'admin_disabled' });
      }
      await off.opened.dispose();
    });

    it('asks for the right token (401)', async () => {
      for (const authorization of [undefined, `Bearer ${ADMIN}x`, `Basic ${ADMIN}`, ADMIN, `Bearer ${ADMIN.slice(0, -1)}`]) {
        const response = await call(s.api, 'GET', '/api/admin/comments', { headers: authorization ? { authorization } : {} });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    });

    it('lists the queues with page and time, and approves, rejects, deletes and restores', async () => {
      const pending = await created(await post(s.api, { text: 'Link https://example.com', name: 'Ana' }));
      const queue = (await (await call(s.api, 'GET', '/api/admin/comments?queue=pending', { headers: auth })).json()) as AdminQueueResponse;
      expect(queue).toEqual({
        queue: 'pending',
        nextCursor: null,
        comments: [
          {
            id: pending.comment.id,
            page: PAGE,
            parentId: null,
            name: 'Ana',
            text: 'Link https://example.com',
            status: 'pending',
            createdAt: new Date(T0).toISOString(),
            editedAt: null,
            openReports: 0,
            reportReasons: [],
          },
        ],
      });
      const act = (action: string) => call(s.api, 'POST', `/api/admin/comments/${pending.comment.id}/${action}`, { body: {}, headers: auth });
      expect((await act('approve')).status).toBe(200);
      expect((await list(s.api)).total).toBe(1);
      expect((await act('reject')).status).toBe(200);
      expect((await list(s.api)).total).toBe(0);
      const removed = (await (await call(s.api, 'GET', '/api/admin/comments?queue=removed', { headers: auth })).json()) as AdminQueueResponse;
      expect(removed.comments.map((c) => c.status)).toEqual(['rejected']);
      expect((await act('restore')).status).toBe(200);
      expect((await list(s.api)).total).toBe(1);
      expect((await act('delete')).status).toBe(200);
      expect((await list(s.api)).total).toBe(0);
      expect(await errorOf(await act('publish'))).toMatchObject({ status: 404 });
      expect((await call(s.api, 'POST', '/api/admin/comments/aaaaaaaaaaaaaaaa/approve', { body: {}, headers: auth })).status).toBe(404);
      expect(await errorOf(await call(s.api, 'GET', '/api/admin/comments?queue=everything', { headers: auth }))).toMatchObject({ status: 400, field: 'queue' });
      expect((await call(s.api, 'POST', `/api/admin/comments/${pending.comment.id}/approve`, { body: {}, headers: { ...auth, origin: 'https://evil.example' } })).status).toBe(403);
    });
  });

  describe('every answer', () => {
    it('is JSON with the security headers, including unknown paths and methods', async () => {
      const responses = [
        await call(s.api, 'GET', '/api/nothing-here'),
        await call(s.api, 'PUT', '/api/comments'),
        await call(s.api, 'GET', '/api/comments/aaaaaaaaaaaaaaaa'),
        await call(s.api, 'POST', '/api/comments/%E0%A4%A/report', { body: {} }),
        await call(s.api, 'OPTIONS', '/api/comments', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }),
      ];
      expect(responses.map((response) => response.status)).toEqual([404, 405, 405, 400, 405]);
      expect(responses[1]!.headers.get('allow')).toBe('GET, POST');
      for (const response of responses) {
        expectSecurityHeaders(response);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }
    });

    it('is 503 with Retry-After when the store is busy, and a 500 without details on a bug', async () => {
      const failing = (error: Error): CommentStore =>
        new Proxy(s.opened.store, {
          get: () => () => Promise.reject(error),
        });
      const logged: unknown[] = [];
      const busy = createCommentsApi({
        store: failing(new StoreUnavailableError('locked')),
        knownPages: () => KNOWN,
        now: s.clock.now,
        config: { siteOrigin: ORIGIN, adminToken: null, moderation: 'links', trustProxy: 0 },
        hashClient: (address) => address,
        logError: (error) => logged.push(error),
      });
      const response = await busy.fetch(new Request(`http://x/api/comments?page=${PAGE}`), { clientAddress: undefined });
      expect(await errorOf(response)).toMatchObject({ status: 503, code: 'unavailable' });
      expect(response.headers.get('retry-after')).toBe('2');
      const broken = createCommentsApi({
        store: failing(new Error('secret internals')),
        knownPages: () => KNOWN,
        now: s.clock.now,
        config: { siteOrigin: ORIGIN, adminToken: null, moderation: 'links', trustProxy: 0 },
        hashClient: (address) => address,
        logError: (error) => logged.push(error),
      });
      const bug = await broken.fetch(new Request(`http://x/api/comments?page=${PAGE}`), { clientAddress: undefined });
      const error = await errorOf(bug);
      expect(error).toMatchObject({ status: 500, code: 'internal' });
      expect(error.message).not.toContain('secret internals');
      expect(logged).toHaveLength(2);
    });
  });
});

describe('listing reuse', { timeout: 30_000 }, () => {
  it('reuses a first page only until any process writes to that page', async () => {
    const a = await setup({ moderation: 'none' }, { rateRules: [] });
    const storeB = new SqliteCommentStore(a.opened.location);
    const b = createCommentsApi({
      store: storeB,
      knownPages: () => KNOWN,
      now: a.clock.now,
      config: { siteOrigin: ORIGIN, adminToken: ADMIN, moderation: 'none', trustProxy: 0 },
      hashClient: (address) => address,
      rateRules: [],
    });
    try {
      expect((await list(a.api)).total).toBe(0);
      const { comment, editSecret } = await created(await post(b, { text: 'Written by the other process' }));
      expect((await list(a.api)).comments.map((c) => c.text)).toEqual(['Written by the other process']);
      await call(b, 'PATCH', `/api/comments/${comment.id}`, { body: { text: 'Edited over there', editSecret } });
      expect((await list(a.api)).comments[0]!.text).toBe('Edited over there');
      expect((await list(a.api, `page=${PAGE}&sort=newest`)).comments[0]!.text).toBe('Edited over there');
      for (const client of ['192.0.2.10', '192.0.2.11', '192.0.2.12']) {
        await call(b, 'POST', `/api/comments/${comment.id}/report`, { body: {}, client });
      }
      expect((await list(a.api)).comments).toEqual([]);
      await call(b, 'POST', `/api/admin/comments/${comment.id}/approve`, { body: {}, headers: { authorization: `Bearer ${ADMIN}` } });
      expect((await list(a.api)).total).toBe(1);
      await post(b, { page: OTHER_PAGE, text: 'Elsewhere' });
      expect((await list(a.api, `page=${OTHER_PAGE}`)).total).toBe(1);
    } finally {
      await storeB.close();
      await a.opened.dispose();
    }
  });
});

describe('text round trip', { timeout: 60_000 }, () => {
  const noLimit: RateRule[] = [];

  it('gives back any valid text exactly as posted', async () => {
    const s = await setup({ moderation: 'none' }, { rateRules: noLimit });
    try {
      const unit = fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
        { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\t', ' ', '<', '&', '"', "'", '\\', '\u2028', '\u0000', '\uFEFF') },
      );
      const text = fc.array(unit, { minLength: 2, maxLength: 200 }).map((units) => units.join(''));
      await fc.assert(
        fc.asyncProperty(text.filter((candidate) => textProblem(candidate) === null), async (candidate) => {
          s.clock.advance(1);
          const response = await post(s.api, { text: candidate, name: 'Prop' });
          const { comment } = await created(response);
          expect(comment.text).toBe(candidate);
          const thread = await list(s.api, `page=${PAGE}&sort=newest`);
          expect(thread.comments[0]!.text).toBe(candidate);
        }),
        { numRuns: 150 },
      );
    } finally {
      await s.opened.dispose();
    }
  });
});

const engines: { name: string; open: () => Promise<OpenedStore> }[] = [{ name: 'sqlite', open: openSqliteStore }];
if (postgresAvailable()) engines.push({ name: 'postgres', open: openPostgresStore });

/** Abuse one person can do alone, and forgetting: each case on SQLite and PostgreSQL. */
describe.each(engines)('one person’s abuse, and erasure: $name', { timeout: 60_000 }, ({ open }) => {
  let s: Setup;
  const auth = { authorization: `Bearer ${ADMIN}` };
  beforeEach(async () => {
    s = await setup({}, {}, open);
  });
  afterEach(async () => {
    await s.opened.dispose();
    expect(s.errors).toEqual([]);
  });

  async function exportedText(): Promise<string> {
    const lines: string[] = [];
    for await (const item of s.opened.store.exportAll()) lines.push(JSON.stringify(item));
    return lines.join('\n');
  }

  it('refuses a pile of combining marks in a comment or a name', async () => {
    const deface = await post(s.api, { text: `Hello Z${'\u0301'.repeat(3999)}` });
    expect(await errorOf(deface)).toMatchObject({ status: 400, field: 'text', message: expect.stringMatching(/at most 3 accents/) });
    const name = await post(s.api, { text: 'Fine words', name: '\u0301'.repeat(60) });
    expect(await errorOf(name)).toMatchObject({ status: 400, field: 'name' });
    // Real writing with marks is welcome: Vietnamese, Hebrew points, Devanagari, emoji sequences.
    expect((await post(s.api, { text: 'Việt Nam, שָׁלוֹם, क्षत्रिय, 👩‍💻 1️⃣', name: 'Zoë 👩‍💻' })).status).toBe(201);
    expect(await storedCount(s.opened.store)).toBe(1);
  });

  it('refuses names that pass for another and texts with nothing visible', async () => {
    for (const name of ['\u202EnimdA', 'Ad\u200Bmin', '\u200B', '\u2066Admin\u2069', 'Ad\u00ADmin']) {
      expect(await errorOf(await post(s.api, { text: 'Hello there', name }))).toMatchObject({ status: 400, field: 'name' });
    }
    const invisible = await post(s.api, { text: '\u200B\u200B' });
    expect(await errorOf(invisible)).toMatchObject({ status: 400, field: 'text', message: 'Write at least 2 visible characters.' });
    expect(await storedCount(s.opened.store)).toBe(0);
  });

  it('answers a path with malformed percent-encoding in JSON', async () => {
    expect(await errorOf(await call(s.api, 'PATCH', '/api/comments/%E0%A4%A', { body: {} }))).toMatchObject({ status: 400, code: 'invalid_path' });
  });

  it('says what a lone surrogate is', async () => {
    const response = await post(s.api, { text: 'half an emoji \uD83D here' });
    expect(await errorOf(response)).toMatchObject({ status: 400, field: 'text', message: expect.stringMatching(/broken character \(half of an emoji/) });
  });

  it('sends 10 replies per comment in a listing and the rest a page at a time, so a flooded thread stays small', async () => {
    const top = commentRecord({ createdAt: T0 - 10_000 });
    await s.opened.store.insert(top, ALWAYS);
    for (let index = 0; index < 150; index += 1) {
      await s.opened.store.insert(commentRecord({ parentId: top.id, createdAt: T0 - 9_000 + index, text: 'r'.repeat(4000), clientHash: String(index).padStart(32, '0') }), ALWAYS);
    }
    const response = await call(s.api, 'GET', `/api/comments?page=${PAGE}`);
    const bytes = (await response.clone().arrayBuffer()).byteLength;
    expect(bytes).toBeLessThan(50_000);
    const first = ((await response.json()) as ThreadResponse).comments[0]!;
    expect(first.replies).toHaveLength(10);
    expect(first.moreReplies).toBe(140);
    let cursor = first.repliesCursor;
    const seen = first.replies.map((reply) => reply.id);
    while (cursor !== null) {
      const page = await call(s.api, 'GET', `/api/comments/${top.id}/replies?cursor=${cursor}`);
      expect(page.status).toBe(200);
      const body = (await page.json()) as { replies: { id: string; moreReplies: number }[]; nextCursor: string | null };
      expect(body.replies.length).toBeLessThanOrEqual(20);
      seen.push(...body.replies.map((reply) => reply.id));
      cursor = body.nextCursor;
    }
    expect(seen).toHaveLength(150);
    expect(new Set(seen).size).toBe(150);
    expect(await errorOf(await call(s.api, 'GET', `/api/comments/${top.id}/replies?cursor=nonsense`))).toMatchObject({ status: 400, field: 'cursor' });
    expect((await call(s.api, 'GET', '/api/comments/aaaaaaaaaaaaaaaa/replies')).status).toBe(404);
  });

  it('closes a thread at 100 replies with a clear 409', async () => {
    const { comment } = await created(await post(s.api, { text: 'Start of a long talk' }));
    for (let index = 0; index < 99; index += 1) {
      await s.opened.store.insert(commentRecord({ parentId: comment.id, clientHash: String(index).padStart(32, '0') }), ALWAYS);
    }
    expect((await post(s.api, { text: 'The hundredth reply', parentId: comment.id }, { client: '192.0.2.7' })).status).toBe(201);
    const full = await post(s.api, { text: 'One more', parentId: comment.id }, { client: '192.0.2.8' });
    expect(await errorOf(full)).toMatchObject({ status: 409, code: 'thread_full', field: 'parentId', message: expect.stringMatching(/100 replies/) });
    expect((await post(s.api, { text: 'A new thread is fine' }, { client: '192.0.2.8' })).status).toBe(201);
  });

  it('limits reports per client, and keeps the newest ten reasons with the count', async () => {
    const comments = [];
    for (let index = 0; index < 7; index += 1) comments.push((await created(await post(s.api, { text: `Comment ${index}` }, { client: `192.0.2.${100 + index}` }))).comment);
    const report = (id: string, client: string, reason = '') => call(s.api, 'POST', `/api/comments/${id}/report`, { body: { reason }, client });
    for (const comment of comments.slice(0, 5)) expect((await report(comment.id, '198.51.100.1')).status).toBe(202);
    const limited = await report(comments[5]!.id, '198.51.100.1');
    expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    const target = comments[6]!;
    for (let index = 0; index < 25; index += 1) {
      s.clock.advance(1000);
      expect((await report(target.id, `203.0.113.${index + 1}`, `${String(index).padStart(2, '0')} ${'why '.repeat(120)}`)).status).toBe(202);
    }
    const response = await call(s.api, 'GET', '/api/admin/comments?queue=reported', { headers: auth });
    const queue = (await response.clone().json()) as AdminQueueResponse;
    const queued = queue.comments.find((comment) => comment.id === target.id)!;
    expect(queued.openReports).toBe(25);
    expect(queued.reportReasons.map((reason) => reason.slice(0, 2))).toEqual(['24', '23', '22', '21', '20', '19', '18', '17', '16', '15']);
    expect((await exportedText()).match(/"reason":"\d\d why/g)).toHaveLength(10);
  });

  it('throttles edits and deletes per client, but not the owner', async () => {
    const { comment, editSecret } = await created(await post(s.api, { text: 'Draft' }));
    for (let index = 0; index < 10; index += 1) {
      expect((await call(s.api, 'PATCH', `/api/comments/${comment.id}`, { body: { text: `Draft ${index}`, editSecret } })).status).toBe(200);
    }
    const limited = await call(s.api, 'PATCH', `/api/comments/${comment.id}`, { body: { text: 'Draft 11', editSecret } });
    expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await call(s.api, 'DELETE', `/api/comments/${comment.id}`, { body: { editSecret } })).status).toBe(429);
    expect((await call(s.api, 'PATCH', `/api/comments/${comment.id}`, { body: { text: 'By the owner' }, headers: auth })).status).toBe(200);
    s.clock.advance(MINUTE);
    expect((await call(s.api, 'DELETE', `/api/comments/${comment.id}`, { body: { editSecret } })).status).toBe(200);
  });

  it('makes a client wait, longer each time, after repeated wrong admin tokens', async () => {
    const wrong = { authorization: `Bearer ${ADMIN}-wrong` };
    const queue = (headers: Record<string, string>, client = '192.0.2.66') => call(s.api, 'GET', '/api/admin/comments', { headers, client });
    for (let index = 0; index < 6; index += 1) expect((await queue(wrong)).status).toBe(401);
    const blocked = await queue(wrong);
    expect(await errorOf(blocked)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(blocked.headers.get('retry-after')).toBe('1');
    // Even the right token waits its turn: a guesser cannot tell when it would have been right.
    expect((await queue(auth)).status).toBe(429);
    expect((await queue(auth, '192.0.2.67')).status).toBe(200);
    s.clock.advance(1000);
    expect((await queue(wrong)).status).toBe(401);
    expect((await queue(wrong)).headers.get('retry-after')).toBe('2');
    s.clock.advance(2000);
    expect((await queue(auth)).status).toBe(200);
    // A success starts the count afresh.
    for (let index = 0; index < 6; index += 1) expect((await queue(wrong)).status).toBe(401);
  });

  it('behind a trusted proxy, falls back to the socket address for a forwarded value that is not an IP address', async () => {
    const proxied = await setup({ trustProxy: 1 }, {}, open);
    for (let index = 1; index <= 5; index += 1) {
      expect((await post(proxied.api, { text: 'hi there' }, { headers: { 'x-forwarded-for': `not-an-ip-${index}` } })).status).toBe(201);
    }
    expect((await post(proxied.api, { text: 'hi there' }, { headers: { 'x-forwarded-for': 'not-an-ip-6' } })).status).toBe(429);
    expect((await post(proxied.api, { text: 'hi there' }, { headers: { 'x-forwarded-for': '2001:db8::1' } })).status).toBe(201);
    await proxied.opened.dispose();
  });

  it('answers a honeypot post exactly as the real post would, 404 for an unknown page included', async () => {
    for (const body of [{ page: '/steps/not-a-step/', text: 'Buy now' }, { text: 'Buy now', parentId: 'aaaaaaaaaaaaaaaa' }, { text: 'x' }]) {
      const bot = await post(s.api, { ...body, honeypot: 'http://spam.example' });
      const human = await post(s.api, body);
      expect(bot.status).toBe(human.status);
      expect(await bot.json()).toEqual(await human.json());
    }
    expect(await storedCount(s.opened.store)).toBe(0);
  });

  it('lets an author erase their comment for good while they hold its key, also after the edit window', async () => {
    const { comment, editSecret } = await created(await post(s.api, { text: 'Something I regret', name: 'Robin' }));
    const reply = await created(await post(s.api, { text: 'A reply to it', parentId: comment.id }, { client: '192.0.2.9' }));
    s.clock.advance(20 * 24 * 60 * MINUTE);
    const erase = (secret: string) => call(s.api, 'DELETE', `/api/comments/${comment.id}`, { body: { editSecret: secret, erase: true } });
    expect(await errorOf(await erase(reply.editSecret))).toMatchObject({ status: 403, code: 'wrong_secret' });
    const erased = await erase(editSecret);
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ id: comment.id, erased: true });
    const thread = await list(s.api);
    expect(thread.comments).toMatchObject([{ id: comment.id, status: 'removed', name: '', text: '', replies: [{ text: 'A reply to it' }] }]);
    const backup = await exportedText();
    expect(backup).not.toContain('Something I regret');
    expect(backup).not.toContain('Robin');
    expect((await erase(editSecret)).status).toBe(404);
    // Erasing the last reply takes the placeholder with it.
    expect((await call(s.api, 'DELETE', `/api/comments/${reply.comment.id}`, { body: { editSecret: reply.editSecret, erase: true } })).status).toBe(200);
    expect(await storedCount(s.opened.store)).toBe(0);
  });

  it('lets the owner erase a comment for good from the queues: text, name and report reasons gone', async () => {
    const { comment } = await created(await post(s.api, { text: 'Cruel words here', name: 'Troll' }));
    await call(s.api, 'POST', `/api/comments/${comment.id}/report`, { body: { reason: 'cruel to someone' }, client: '198.51.100.4' });
    const erased = await call(s.api, 'POST', `/api/admin/comments/${comment.id}/erase`, { body: {}, headers: auth });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ id: comment.id, erased: true });
    const backup = await exportedText();
    for (const gone of ['Cruel words here', 'Troll', 'cruel to someone']) expect(backup).not.toContain(gone);
    expect((await call(s.api, 'POST', `/api/admin/comments/${comment.id}/erase`, { body: {}, headers: auth })).status).toBe(404);
    expect((await call(s.api, 'POST', `/api/admin/comments/${comment.id}/erase`, { body: {} })).status).toBe(401);
  });
});
