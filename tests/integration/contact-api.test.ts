/**
 * The contact API as the built Node server serves it, on SQLite and (with TEST_DATABASE_URL) PostgreSQL: storing,
 * the rate limit, bad input, the Origin check and the admin token, end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagesExport, OwnerMessagesResponse } from '../../src/lib/contact/api-types.ts';
import { CONTACT_BODY_LIMIT_BYTES, CONTACT_RATE_RULES } from '../../src/server/contact/http.ts';
import { clientAddressFor } from '../support/comments-http.ts';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const ADMIN_TOKEN = 'integration-admin-token-0123456789';
const BEARER = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function errorOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { error: { code: string; field?: string; message: string } };
  expect(body.error.message).not.toBe('');
  return { status: response.status, ...body.error };
}

const targets = [{ name: 'sqlite', postgres: false }];
if (postgresAvailable()) targets.push({ name: 'postgres', postgres: true });

describe.each(targets)('contact API on the built server ($name)', { timeout: 60_000 }, ({ postgres }) => {
  let server: RunningServer;
  let database: TestDatabase | undefined;
  let client = 0;
  /** Each test sends from its own address (TRUST_PROXY is on), so the rate limit test alone fills one up. */
  const send = (body: unknown, headers: Record<string, string> = {}, from = clientAddressFor(++client)) =>
    fetch(`${server.url}/api/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, 'x-forwarded-for': from, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const inbox = async () => {
    const response = await fetch(`${server.url}/api/admin/contact`, { headers: BEARER });
    expect(response.status).toBe(200);
    return (await response.json()) as OwnerMessagesResponse;
  };

  beforeAll(async () => {
    database = postgres ? await createTestDatabase() : undefined;
    server = await startServer({ env: { DATABASE_URL: database?.url ?? '', ADMIN_TOKEN, TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('stores a message with hostile HTML as plain text, for the owner only', async () => {
    const text = '<img src=x onerror="alert(1)"> Please erase my comment </textarea><script>alert(2)</script>';
    const response = await send({ text, name: '<b>Sam</b>', replyTo: 'sam@example.org' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = JSON.stringify(await response.json());
    expect(body).not.toContain('erase my comment');
    const { messages, unread } = await inbox();
    expect(unread).toBeGreaterThanOrEqual(1);
    expect(messages.find((message) => message.text === text)).toMatchObject({ name: '<b>Sam</b>', replyTo: 'sam@example.org', readAt: null });
  });

  it('takes a message without name or reply address', async () => {
    expect((await send({ text: 'Thanks for step 3.' })).status).toBe(201);
    expect((await inbox()).messages.find((message) => message.text === 'Thanks for step 3.')).toMatchObject({ name: '', replyTo: '' });
  });

  it('limits one client, with Retry-After, while others still get through', async () => {
    const from = clientAddressFor(900);
    const max = CONTACT_RATE_RULES[0]!.max;
    for (let n = 0; n < max; n += 1) expect((await send({ text: `Flood ${n}` }, {}, from)).status).toBe(201);
    const limited = await send({ text: 'Flood again' }, {}, from);
    expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await send({ text: 'Someone else' })).status).toBe(201);
    expect((await inbox()).messages.filter((message) => message.text.startsWith('Flood'))).toHaveLength(max);
  });

  it('answers malformed, oversized, cross-site and wrongly typed requests with JSON errors and stores nothing', async () => {
    const before = (await inbox()).messages.length;
    expect(await errorOf(await send('{"text": '))).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(await errorOf(await send({ text: 'x'.repeat(CONTACT_BODY_LIMIT_BYTES + 10) }))).toMatchObject({ status: 413, code: 'body_too_large' });
    expect(await errorOf(await send({ text: 'Hello from afar' }, { origin: 'https://evil.example' }))).toMatchObject({ status: 403, code: 'forbidden_origin' });
    expect(await errorOf(await send({ text: 'Hello' }, { 'content-type': 'text/plain' }))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await errorOf(await send({ text: 'Hello', replyTo: 'javascript:alert(1)' }))).toMatchObject({ status: 400, field: 'replyTo' });
    expect(await errorOf(await send({ text: 'x\u0000y' }))).toMatchObject({ status: 400, field: 'text' });
    expect(await errorOf(await send({}))).toMatchObject({ status: 400, field: 'text' });
    expect((await inbox()).messages.length).toBe(before);
  });

  it('answers a write without an Origin header (a non-browser client), as the comments API does', async () => {
    const response = await fetch(`${server.url}/api/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddressFor(++client) },
      body: JSON.stringify({ text: 'Sent with curl' }),
    });
    expect(response.status).toBe(201);
  });

  it('gives messages to no one without the admin token, and no public endpoint returns them', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-the-token-at-all' }]) {
      for (const path of ['/api/admin/contact', '/api/admin/contact/export']) {
        expect(await errorOf(await fetch(`${server.url}${path}`, { headers }))).toMatchObject({ status: 401, code: 'unauthorized' });
      }
    }
    expect(await errorOf(await fetch(`${server.url}/api/contact`))).toMatchObject({ status: 405, code: 'method_not_allowed' });
    expect(await errorOf(await fetch(`${server.url}/api/contact/messages`))).toMatchObject({ status: 404 });
    expect(await errorOf(await fetch(`${server.url}/api/admin/comments?queue=pending`, { headers: {} }))).toMatchObject({ status: 401 });
  });

  it('marks read, erases for good and exports, with the token', async () => {
    expect((await send({ text: 'Mark and erase me' })).status).toBe(201);
    const message = (await inbox()).messages.find((entry) => entry.text === 'Mark and erase me')!;
    const write = (method: string, body: unknown) =>
      fetch(`${server.url}/api/admin/contact/${message.id}`, { method, headers: { ...BEARER, 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });
    expect((await write('PATCH', { read: true })).status).toBe(200);
    expect((await inbox()).messages.find((entry) => entry.id === message.id)?.readAt).not.toBeNull();
    const exported = await fetch(`${server.url}/api/admin/contact/export`, { headers: BEARER });
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="back-together-messages-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(((await exported.json()) as MessagesExport).messages.map((entry) => entry.id)).toContain(message.id);
    expect(await (await write('DELETE', {})).json()).toEqual({ id: message.id, erased: true });
    expect((await inbox()).messages.map((entry) => entry.id)).not.toContain(message.id);
    expect(await errorOf(await write('DELETE', {}))).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('contact API without ADMIN_TOKEN', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { DATABASE_URL: '', ADMIN_TOKEN: '' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('still takes messages, and keeps the owner’s side switched off', async () => {
    const sent = await fetch(`${server.url}/api/contact`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"Hello there"}' });
    expect(sent.status).toBe(201);
    expect(await errorOf(await fetch(`${server.url}/api/admin/contact`, { headers: BEARER }))).toMatchObject({ status: 404, code: 'admin_disabled' });
  });
});
