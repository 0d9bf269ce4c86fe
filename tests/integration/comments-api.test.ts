/** The comments API as the built Node server serves it: routing, errors, headers and moderation end to end. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminQueueResponse } from '../../src/lib/comments/api-types.ts';
import { createComment, postComment, thread } from '../support/comments-http.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PAGE = '/steps/take-time/';
const ADMIN_TOKEN = 'integration-admin-token-0123456789';

async function errorOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await response.json()) as { error: { code: string; field?: string } };
  return { status: response.status, ...body.error };
}

function expectApiHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('cache-control')).toMatch(/no-store|no-cache/);
}

describe('comments API on the built server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { DATABASE_URL: '', ADMIN_TOKEN, COMMENTS_MODERATION: 'links', TRUST_PROXY: '' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves a thread for every step and article, with or without the trailing slash', async () => {
    expect(await thread(server.url, '/steps/take-time')).toMatchObject({ page: PAGE, total: 0, comments: [] });
    expect((await thread(server.url, '/articles/no-contact/')).page).toBe('/articles/no-contact/');
    const unknown = await fetch(`${server.url}/api/comments?page=/steps/not-a-step/`);
    expect(await errorOf(unknown)).toMatchObject({ status: 404, code: 'unknown_page' });
    const notAThread = await fetch(`${server.url}/api/comments?page=/privacy/`);
    expect(notAThread.status).toBe(404);
  });

  it('publishes, holds back links, counts, and never sends a pending comment to others', async () => {
    const published = await createComment(server.url, { page: PAGE, text: 'Integration hello', name: 'Int' }, { headers: { origin: server.url } });
    expect(published.comment.status).toBe('published');
    const pending = await createComment(server.url, { page: PAGE, text: 'Look https://example.com' });
    expect(pending.comment.status).toBe('pending');
    const seen = await thread(server.url, PAGE);
    expect(seen.comments.map((c) => c.id)).toContain(published.comment.id);
    expect(seen.comments.map((c) => c.id)).not.toContain(pending.comment.id);
    const own = await fetch(`${server.url}/api/comments?page=${PAGE}`, { headers: { 'x-comment-keys': `${pending.comment.id}:${pending.editSecret}` } });
    expect(own.headers.get('cache-control')).toBe('no-store');
    expect(((await own.json()) as { comments: { id: string; status: string }[] }).comments).toContainEqual(expect.objectContaining({ id: pending.comment.id, status: 'pending' }));
    const counts = await fetch(`${server.url}/api/comments/counts?pages=${PAGE},/steps/understand-why`);
    expect(await counts.json()).toEqual({ counts: { [PAGE]: seen.total, '/steps/understand-why/': 0 } });

    const queue = await fetch(`${server.url}/api/admin/comments?queue=pending`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(((await queue.json()) as AdminQueueResponse).comments.map((c) => c.id)).toContain(pending.comment.id);
    const approve = await fetch(`${server.url}/api/admin/comments/${pending.comment.id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', origin: server.url },
      body: '{}',
    });
    expect(approve.status).toBe(200);
    expect((await thread(server.url, PAGE)).comments.map((c) => c.id)).toContain(pending.comment.id);
  });

  it('edits and deletes with the secret from the same browser only', async () => {
    const { comment, editSecret } = await createComment(server.url, { page: '/articles/no-contact/', text: 'To be changed' });
    const patch = (secret: string) =>
      fetch(`${server.url}/api/comments/${comment.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Changed', editSecret: secret }) });
    expect(await errorOf(await patch('x'.repeat(43)))).toMatchObject({ status: 403, code: 'wrong_secret' });
    expect((await patch(editSecret)).status).toBe(200);
    const remove = await fetch(`${server.url}/api/comments/${comment.id}`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ editSecret }) });
    expect(remove.status).toBe(200);
    expect((await thread(server.url, '/articles/no-contact/')).comments.map((c) => c.id)).not.toContain(comment.id);
  });

  it('answers bad requests with clear JSON errors and stores nothing', async () => {
    const before = (await thread(server.url, '/steps/understand-why/')).total;
    const page = '/steps/understand-why/';
    const cases: [Promise<Response>, number, string, string?][] = [
      [fetch(`${server.url}/api/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"page":' }), 400, 'invalid_json'],
      [postComment(server.url, { page, text: 'x', extra: 1 }), 400, 'invalid_field', 'extra'],
      [postComment(server.url, { page, text: 'x' }), 400, 'invalid_field', 'text'],
      [postComment(server.url, { page, text: 'ok', website: 'javascript:alert(1)' }), 400, 'invalid_field', 'website'],
      [postComment(server.url, { page, text: 'y'.repeat(50_000) }), 413, 'body_too_large'],
      [fetch(`${server.url}/api/comments`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: server.url }, body: JSON.stringify({ page, text: 'hello' }) }), 415, 'unsupported_media_type'],
      [postComment(server.url, { page, text: 'hello' }, { headers: { origin: 'https://evil.example' } }), 403, 'forbidden_origin'],
      [postComment(server.url, { page: '/steps/nope/', text: 'hello' }), 404, 'unknown_page', 'page'],
      [fetch(`${server.url}/api/comments/counts?pages=/steps/nope/`), 404, 'unknown_page', 'pages'],
      [fetch(`${server.url}/api/comments?page=${page}&cursor=garbage!`), 400, 'invalid_field', 'cursor'],
      [fetch(`${server.url}/api/comments/aaaaaaaaaaaaaaaa`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"text":"hello","editSecret":null}' }), 400, 'invalid_field', 'editSecret'],
      [fetch(`${server.url}/api/comments/aaaaaaaaaaaaaaaa/report`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 404, 'not_found'],
      [fetch(`${server.url}/api/admin/comments`), 401, 'unauthorized'],
      [fetch(`${server.url}/api/no-such-thing`), 404, 'not_found'],
      [fetch(`${server.url}/api/comments/%E0%A4%A`), 400, 'invalid_path'],
      [postComment(server.url, { page, text: 'Fine words', name: '\u202EnimdA' }), 400, 'invalid_field', 'name'],
      [postComment(server.url, { page, text: `Z${'\u0301'.repeat(3999)}` }), 400, 'invalid_field', 'text'],
      [fetch(`${server.url}/api/comments`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }), 405, 'method_not_allowed'],
    ];
    for (const [pending, status, code, field] of cases) {
      const response = await pending;
      expectApiHeaders(response);
      expect(await errorOf(response)).toMatchObject({ status, code, ...(field && { field }) });
    }
    expect((await thread(server.url, page)).total).toBe(before);
  });

  it('refuses cross-site form posts and body-less writes with JSON too', async () => {
    const form = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'page=%2Fsteps%2Ftake-time%2F&text=hello',
    });
    expect([403, 415]).toContain(form.status);
    expectApiHeaders(form);
    expect((await errorOf(form)).code).toMatch(/forbidden_origin|unsupported_media_type/);
    const bare = await fetch(`${server.url}/api/comments/aaaaaaaaaaaaaaaa`, { method: 'DELETE' });
    expect(await errorOf(bare)).toMatchObject({ status: 415 });
  });

  it('limits each client to 5 comments a minute, with Retry-After', async () => {
    // The server sees every request of this file from 127.0.0.1; count what it already took in this minute.
    const page = '/articles/no-contact/';
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 6 && !limited; attempt += 1) {
      const response = await postComment(server.url, { page, text: `Burst ${attempt}` });
      if (response.status === 429) limited = response;
      else expect([201, 202]).toContain(response.status);
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await errorOf(limited!)).code).toBe('rate_limited');
    // X-Forwarded-For is not trusted here: it does not open a new allowance.
    expect((await postComment(server.url, { page, text: 'Another' }, { forwardedFor: '203.0.113.5' })).status).toBe(429);
  });

  it('keeps a keyed hash of clients, never their address, and its key private in the data folder', async () => {
    const secret = join(server.dataDir, 'comments-secret');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(statSync(join(server.dataDir, 'comments.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(server.dataDir, 'comments.db-wal')).mode & 0o777).toBe(0o600);
    const stored = ['comments.db', 'comments.db-wal'].map((file) => {
      try {
        return readFileSync(join(server.dataDir, file)).toString('latin1');
      } catch {
        return '';
      }
    });
    expect(stored.join('')).toContain('Integration hello');
    expect(stored.join('')).not.toContain('127.0.0.1');
  });
});

describe('comments API without ADMIN_TOKEN', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { DATABASE_URL: '', ADMIN_TOKEN: '' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('has moderation switched off, whatever token is sent', async () => {
    for (const authorization of ['Bearer admin', 'Bearer ', 'Bearer password123456789']) {
      const response = await fetch(`${server.url}/api/admin/comments`, { headers: { authorization } });
      expect(await errorOf(response)).toMatchObject({ status: 404, code: 'admin_disabled' });
    }
  });

  it('serves the admin page as a static, unindexed page', async () => {
    const response = await fetch(`${server.url}/admin/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect(html).toContain('Admin token');
  });
});
