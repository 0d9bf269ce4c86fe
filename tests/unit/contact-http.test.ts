/** The contact API through src/server/contact/http.ts, without Astro: every answer, error and abuse case. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessagesExport, MessageSentResponse, OwnerMessageResponse, OwnerMessagesResponse } from '../../src/lib/contact/api-types.ts';
import { MESSAGE_KEEP_MS, MESSAGES_PAGE_SIZE } from '../../src/lib/contact/limits.ts';
import { createClientHasher } from '../../src/server/client-id.ts';
import { CONTACT_BODY_LIMIT_BYTES, CONTACT_RATE_RULES, createContactApi, type ContactApi, type ContactDeps } from '../../src/server/contact/http.ts';
import type { MessageStore } from '../../src/server/contact/store.ts';
import { StoreUnavailableError } from '../../src/server/db/errors.ts';
import { ADMIN_LOGIN_BACKOFF, FailureBackoff } from '../../src/server/throttle.ts';
import { fakeClock, T0 } from '../support/comments.ts';
import { openSqliteMessages, type OpenedMessageStore } from '../support/contact.ts';

const ORIGIN = 'https://back-together.example';
const ADMIN = 'admin-token-0123456789abcdef';
const BEARER = { authorization: `Bearer ${ADMIN}` };

interface Setup {
  api: ContactApi;
  clock: ReturnType<typeof fakeClock>;
  opened: OpenedMessageStore;
  errors: unknown[];
}

async function setup(config: Partial<ContactDeps['config']> = {}, extra: Partial<ContactDeps> = {}): Promise<Setup> {
  const opened = await openSqliteMessages();
  const clock = fakeClock();
  const errors: unknown[] = [];
  const api = createContactApi({
    store: opened.store,
    now: clock.now,
    config: { siteOrigin: ORIGIN, adminToken: ADMIN, trustProxy: 0, ...config },
    hashClient: createClientHasher('test-secret-test-secret-test-secret'),
    logError: (error) => errors.push(error),
    ...extra,
  });
  return { api, clock, opened, errors };
}

interface Call {
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
  client?: string;
}

function call(api: ContactApi, method: string, path: string, options: Call = {}): Promise<Response> {
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

const send = (api: ContactApi, body: Record<string, unknown>, options: Call = {}) => call(api, 'POST', '/api/contact', { body, ...options });

async function errorOf(response: Response): Promise<{ status: number; code: string; field?: string; message: string }> {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { error: { code: string; field?: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(0);
  return { status: response.status, ...body.error };
}

async function inbox(api: ContactApi, query = ''): Promise<OwnerMessagesResponse> {
  const response = await call(api, 'GET', `/api/admin/contact${query}`, { headers: BEARER });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as OwnerMessagesResponse;
}

describe('contact API', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(async () => {
    await s.opened.dispose();
  });

  it('stores a message for the owner, answers without echoing it, and hashes the client address', async () => {
    const text = '<script>alert("x")</script> Please remove my comment on step 2.';
    const response = await send(s.api, { text, name: ' Sam ', replyTo: 'sam@example.org' }, { headers: { origin: ORIGIN } });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const sent = (await response.json()) as MessageSentResponse;
    expect(sent).toEqual({ sent: true, receivedAt: new Date(T0).toISOString() });
    const [stored] = await s.opened.store.all();
    expect(stored).toMatchObject({ name: 'Sam', replyTo: 'sam@example.org', text, createdAt: T0, readAt: null });
    expect(stored!.clientHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(stored)).not.toContain('192.0.2.1');
    const listed = await inbox(s.api);
    expect(listed).toMatchObject({ unread: 1, nextCursor: null, messages: [{ id: stored!.id, name: 'Sam', replyTo: 'sam@example.org', text, readAt: null }] });
  });

  it('accepts a message with no name and no reply address', async () => {
    expect((await send(s.api, { text: 'Thank you for this guide.' })).status).toBe(201);
    expect((await inbox(s.api)).messages[0]).toMatchObject({ name: '', replyTo: '' });
  });

  it('answers a filled honeypot like a real message and stores nothing', async () => {
    const response = await send(s.api, { text: 'Buy things', honeypot: 'https://spam.example' });
    expect(response.status).toBe(201);
    expect(await s.opened.store.all()).toEqual([]);
  });

  it('limits how many messages one client sends, says when to try again, and counts each client apart', async () => {
    const [short] = CONTACT_RATE_RULES;
    for (let n = 0; n < short!.max; n += 1) expect((await send(s.api, { text: `Message ${n}` })).status).toBe(201);
    const limited = await send(s.api, { text: 'One more' });
    expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBe(short!.windowMs / 1000);
    expect((await send(s.api, { text: 'From elsewhere' }, { client: '198.51.100.7' })).status).toBe(201);
    s.clock.advance(short!.windowMs);
    expect((await send(s.api, { text: 'Later' })).status).toBe(201);
    expect(await s.opened.store.all()).toHaveLength(short!.max + 2);
  });

  it('refuses bad requests with a clear JSON error and stores nothing', async () => {
    const cases: [Promise<Response>, number, string, string?][] = [
      [call(s.api, 'POST', '/api/contact', { raw: '{"text": "unfinished', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json'],
      [call(s.api, 'POST', '/api/contact', { raw: new Uint8Array([0x7b, 0xff, 0x7d]), headers: { 'content-type': 'application/json' } }), 400, 'invalid_json'],
      [call(s.api, 'POST', '/api/contact', { raw: 'text=hello', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type'],
      [send(s.api, { text: 'x'.repeat(CONTACT_BODY_LIMIT_BYTES) }), 413, 'body_too_large'],
      [send(s.api, { text: 'Hi there' }, { headers: { origin: 'https://evil.example' } }), 403, 'forbidden_origin'],
      [send(s.api, { text: '' }), 400, 'invalid_field', 'text'],
      [send(s.api, { text: 'null \u0000 byte' }), 400, 'invalid_field', 'text'],
      [send(s.api, { text: 'Hello', replyTo: 'nobody' }), 400, 'invalid_field', 'replyTo'],
      [send(s.api, { text: 'Hello', name: 'a\nb' }), 400, 'invalid_field', 'name'],
      [send(s.api, { text: 'Hello', page: '/steps/take-time/' }), 400, 'invalid_field', 'page'],
      [call(s.api, 'GET', '/api/contact'), 405, 'method_not_allowed'],
      [call(s.api, 'GET', '/api/contact/anything'), 404, 'not_found'],
    ];
    for (const [response, status, code, field] of cases) {
      const error = await errorOf(await response);
      expect(error, `${status} ${code}`).toMatchObject({ status, code, ...(field && { field }) });
    }
    expect(await s.opened.store.all()).toEqual([]);
  });

  it('says which methods a path takes', async () => {
    const response = await call(s.api, 'PUT', '/api/contact', { body: {} });
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('makes a client that keeps trying wrong admin tokens wait (429), on the backoff shared with comments', async () => {
    const failures = new FailureBackoff(ADMIN_LOGIN_BACKOFF);
    const guarded = await setup({}, { adminFailures: failures, now: s.clock.now });
    const wrong = { authorization: 'Bearer wrong-token-wrong-token' };
    for (let attempt = 0; attempt < ADMIN_LOGIN_BACKOFF.free; attempt += 1) {
      expect(await errorOf(await call(guarded.api, 'GET', '/api/admin/contact', { headers: wrong }))).toMatchObject({ status: 401 });
    }
    expect(await errorOf(await call(guarded.api, 'GET', '/api/admin/contact', { headers: wrong }))).toMatchObject({ status: 401 });
    // Now even the right token waits until the backoff has passed.
    const waiting = await call(guarded.api, 'GET', '/api/admin/contact', { headers: BEARER });
    expect(await errorOf(waiting)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    s.clock.advance(ADMIN_LOGIN_BACKOFF.baseMs);
    expect((await call(guarded.api, 'GET', '/api/admin/contact', { headers: BEARER })).status).toBe(200);
    await guarded.opened.dispose();
  });

  it('shows, marks and erases messages only for the admin token', async () => {
    // Twelve wrong tries in a row: counted apart here, so the backoff (tested above) does not answer first.
    await s.opened.dispose();
    s = await setup({}, { adminFailures: new FailureBackoff({ ...ADMIN_LOGIN_BACKOFF, free: 100 }) });
    await send(s.api, { text: 'For the owner only' });
    const [message] = (await inbox(s.api)).messages;
    const id = message!.id;
    const attempts: [string, string, Call][] = [
      ['GET', '/api/admin/contact', {}],
      ['GET', '/api/admin/contact/export', {}],
      ['PATCH', `/api/admin/contact/${id}`, { body: { read: true } }],
      ['DELETE', `/api/admin/contact/${id}`, { body: {} }],
    ];
    for (const [method, path, options] of attempts) {
      for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: ADMIN }]) {
        const response = await call(s.api, method, path, { ...options, headers });
        expect(await errorOf(response), `${method} ${path} ${JSON.stringify(headers)}`).toMatchObject({ status: 401, code: 'unauthorized' });
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    }
    const marked = await call(s.api, 'PATCH', `/api/admin/contact/${id}`, { body: { read: true }, headers: { ...BEARER, origin: ORIGIN } });
    expect(((await marked.json()) as OwnerMessageResponse).message.readAt).toBe(new Date(T0).toISOString());
    expect((await inbox(s.api)).unread).toBe(0);
    const unmarked = await call(s.api, 'PATCH', `/api/admin/contact/${id}`, { body: { read: false }, headers: BEARER });
    expect(((await unmarked.json()) as OwnerMessageResponse).message.readAt).toBeNull();
    const fromElsewhere = await call(s.api, 'DELETE', `/api/admin/contact/${id}`, { body: {}, headers: { ...BEARER, origin: 'https://evil.example' } });
    expect(await errorOf(fromElsewhere)).toMatchObject({ status: 403, code: 'forbidden_origin' });
    const erased = await call(s.api, 'DELETE', `/api/admin/contact/${id}`, { body: {}, headers: BEARER });
    expect(await erased.json()).toEqual({ id, erased: true });
    expect(await s.opened.store.all()).toEqual([]);
    for (const [method, body] of [['DELETE', {}], ['PATCH', { read: true }]] as const) {
      for (const target of [id, 'not-an-id']) {
        expect(await errorOf(await call(s.api, method, `/api/admin/contact/${target}`, { body, headers: BEARER }))).toMatchObject({ status: 404, code: 'not_found' });
      }
    }
    expect(await errorOf(await call(s.api, 'PATCH', `/api/admin/contact/${id}`, { body: { read: 'yes' }, headers: BEARER }))).toMatchObject({ status: 400, field: 'read' });
  });

  it('pages the owner’s list newest first', async () => {
    for (let n = 0; n < MESSAGES_PAGE_SIZE + 2; n += 1) {
      await send(s.api, { text: `Message number ${n}` }, { client: `198.51.100.${n + 1}` });
      s.clock.advance(1000);
    }
    const first = await inbox(s.api);
    expect(first.messages).toHaveLength(MESSAGES_PAGE_SIZE);
    expect(first.messages[0]!.text).toBe(`Message number ${MESSAGES_PAGE_SIZE + 1}`);
    expect(first.unread).toBe(MESSAGES_PAGE_SIZE + 2);
    const second = await inbox(s.api, `?cursor=${first.nextCursor}`);
    expect(second.messages.map((m) => m.text)).toEqual(['Message number 1', 'Message number 0']);
    expect(second.nextCursor).toBeNull();
    expect(await errorOf(await call(s.api, 'GET', '/api/admin/contact?cursor=garbage!', { headers: BEARER }))).toMatchObject({ status: 400, field: 'cursor' });
  });

  it('exports every message as a JSON download, oldest first', async () => {
    await send(s.api, { text: 'First one', replyTo: 'a@example.org' });
    s.clock.advance(1000);
    await send(s.api, { text: 'Second one' });
    const response = await call(s.api, 'GET', '/api/admin/contact/export', { headers: BEARER });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="back-together-messages-2030-01-01.json"');
    const exported = (await response.json()) as MessagesExport;
    expect(exported).toMatchObject({ format: 'back-together-messages', version: 1, exportedAt: new Date(T0 + 1000).toISOString() });
    expect(exported.messages.map((m) => [m.text, m.replyTo])).toEqual([['First one', 'a@example.org'], ['Second one', '']]);
  });

  it(`erases messages older than ${MESSAGE_KEEP_MS / 86_400_000} days before the owner sees them`, async () => {
    await send(s.api, { text: 'An old message' });
    s.clock.advance(MESSAGE_KEEP_MS - 1);
    await send(s.api, { text: 'A newer message' });
    expect((await inbox(s.api)).messages).toHaveLength(2);
    s.clock.advance(2);
    expect((await inbox(s.api)).messages.map((m) => m.text)).toEqual(['A newer message']);
    expect(await s.opened.store.all()).toHaveLength(1);
  });

  it('erases expired messages when a new one arrives, and on the regular sweep, without anyone reading them', async () => {
    await send(s.api, { text: 'First message' });
    s.clock.advance(MESSAGE_KEEP_MS + 1);
    await send(s.api, { text: 'Second message' });
    expect((await s.opened.store.all()).map((m) => m.text)).toEqual(['Second message']);
    s.clock.advance(MESSAGE_KEEP_MS + 1);
    expect(await s.api.eraseExpired()).toBe(1);
    expect(await s.opened.store.all()).toEqual([]);
  });
});

describe('contact API without an admin token, or with its store down', () => {
  it('switches the owner’s side off with 404 but still takes messages', async () => {
    const s = await setup({ adminToken: null });
    try {
      expect((await send(s.api, { text: 'Hello there' })).status).toBe(201);
      expect(await errorOf(await call(s.api, 'GET', '/api/admin/contact', { headers: BEARER }))).toMatchObject({ status: 404, code: 'admin_disabled' });
    } finally {
      await s.opened.dispose();
    }
  });

  it('answers 503 with Retry-After when the database is busy, and 500 without details on anything else', async () => {
    const failing = (error: Error): MessageStore =>
      new Proxy({} as MessageStore, {
        get: () => () => Promise.reject(error),
      });
    const busy = await setup({}, { store: failing(new StoreUnavailableError('locked')) });
    const broken = await setup({}, { store: failing(new Error('secret detail')) });
    try {
      const unavailable = await send(busy.api, { text: 'Hello there' });
      expect(await errorOf(unavailable)).toMatchObject({ status: 503, code: 'unavailable' });
      expect(unavailable.headers.get('retry-after')).toBe('2');
      const internal = await errorOf(await send(broken.api, { text: 'Hello there' }));
      expect(internal).toMatchObject({ status: 500, code: 'internal' });
      expect(internal.message).not.toContain('secret detail');
      expect(broken.errors).toHaveLength(1);
    } finally {
      await busy.opened.dispose();
      await broken.opened.dispose();
    }
  });
});
