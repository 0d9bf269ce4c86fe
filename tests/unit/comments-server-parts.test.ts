/** Server building blocks: rate decisions, client identity, settings, backup lines. */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BackupLineError, headerLine, itemLine, parseBackupLine } from '../../src/server/backup.ts';
import { clientAddress, clientKey, createClientHasher, loadOrCreateSecret, newCommentId, newEditSecret, sameSecret } from '../../src/server/client-id.ts';
import { ConfigError, readConfig } from '../../src/server/config.ts';
import { admitByRate, COMMENT_RATE_RULES } from '../../src/server/rate-limit.ts';
import type { ExportItem } from '../../src/server/comments/store/store.ts';
import { commentRecord, T0 } from '../support/comments.ts';

describe('admitByRate', () => {
  const now = 10_000_000;

  it('admits up to 5 a minute and says when the next one fits', () => {
    expect(admitByRate([], now, COMMENT_RATE_RULES)).toEqual({ admitted: true });
    const four = [now - 50_000, now - 40_000, now - 30_000, now - 20_000];
    expect(admitByRate(four, now, COMMENT_RATE_RULES)).toEqual({ admitted: true });
    expect(admitByRate([...four, now - 1], now, COMMENT_RATE_RULES)).toEqual({ admitted: false, retryAfterMs: 10_000 });
    expect(admitByRate([now - 60_000, ...four], now, COMMENT_RATE_RULES)).toEqual({ admitted: true });
  });

  it('admits up to 30 an hour and waits for the longer rule when both apply', () => {
    const thirty = Array.from({ length: 30 }, (_, index) => now - 3_000_000 + index * 100_000);
    expect(admitByRate(thirty, now, COMMENT_RATE_RULES)).toEqual({ admitted: false, retryAfterMs: 600_000 });
    expect(admitByRate(thirty.slice(1), now, COMMENT_RATE_RULES)).toEqual({ admitted: true });
  });
});

describe('client identity', { timeout: 30_000 }, () => {
  const request = (forwarded?: string) => new Request('http://x/', forwarded ? { headers: { 'x-forwarded-for': forwarded } } : {});

  it('uses the socket address unless proxies are trusted, then the address the outermost trusted one saw', () => {
    expect(clientAddress(request('1.1.1.1'), '127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddress(request('9.9.9.9, 1.1.1.1'), '127.0.0.1', 1)).toBe('1.1.1.1');
    expect(clientAddress(request('9.9.9.9, 1.1.1.1, 10.0.0.1'), '127.0.0.1', 2)).toBe('1.1.1.1');
    expect(clientAddress(request('1.1.1.1'), '127.0.0.1', 3)).toBe('1.1.1.1');
    expect(clientAddress(request(), '127.0.0.1', 1)).toBe('127.0.0.1');
    expect(clientAddress(request(), undefined, 0)).toBe('unknown');
  });

  it('keys IPv4 as is and IPv6 by its /64', () => {
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:0DB8:0000:0001:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('not an address')).toBe('not an address');
  });

  it('hashes with the key, so the same address hashes apart under another key', () => {
    const hash = createClientHasher('k'.repeat(32));
    expect(hash('192.0.2.1')).toMatch(/^[0-9a-f]{32}$/);
    expect(hash('192.0.2.1')).toBe(hash('192.0.2.1'));
    expect(hash('192.0.2.1')).not.toBe(hash('192.0.2.2'));
    expect(createClientHasher('j'.repeat(32))('192.0.2.1')).not.toBe(hash('192.0.2.1'));
    expect(hash('192.0.2.1')).not.toContain('192');
  });

  it('generates the key once into the data folder, private to its owner', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bt-secret-')), 'nested');
    const first = loadOrCreateSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateSecret(dir)).toBe(first);
    expect(readFileSync(join(dir, 'comments-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'comments-secret')).mode & 0o777).toBe(0o600);
  });

  it('agrees on one key when several processes start at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-secret-race-'));
    const source = new URL('../../src/server/client-id.ts', import.meta.url).href;
    const keys = await Promise.all(
      Array.from({ length: 6 }, () =>
        new Promise<string>((resolve, reject) => {
          const worker = new Worker(`import(${JSON.stringify(source)}).then((m) => require('node:worker_threads').parentPort.postMessage(m.loadOrCreateSecret(${JSON.stringify(dir)})))`, { eval: true });
          worker.once('message', (key: string) => {
            resolve(key);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
      ),
    );
    expect(new Set(keys).size).toBe(1);
  });

  it('makes ids and secrets of the advertised shape, and compares secrets exactly', () => {
    const ids = new Set(Array.from({ length: 500 }, newCommentId));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{16}$/);
    expect(newEditSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
  });
});

describe('readConfig', () => {
  it('defaults to SQLite in data/, links moderation, admin off, no proxy', () => {
    const config = readConfig({}, '/srv/site');
    expect(config).toMatchObject({
      sqlitePath: '/srv/site/data/comments.db',
      dataDir: '/srv/site/data',
      databaseUrl: null,
      adminToken: null,
      moderation: 'links',
      trustProxy: 0,
      siteOrigin: null,
      clientSecret: null,
    });
  });

  it('reads every setting', () => {
    const config = readConfig(
      {
        COMMENTS_DB: '/var/lib/bt/c.db',
        DATABASE_URL: 'postgres://u@h/db',
        ADMIN_TOKEN: 'x'.repeat(16),
        COMMENTS_MODERATION: 'ALL',
        TRUST_PROXY: '2',
        SITE_URL: 'https://example.org/guide/',
        COMMENTS_SECRET: 'shh',
      },
      '/srv',
    );
    expect(config).toMatchObject({ sqlitePath: '/var/lib/bt/c.db', dataDir: '/var/lib/bt', databaseUrl: 'postgres://u@h/db', adminToken: 'x'.repeat(16), moderation: 'all', trustProxy: 2, siteOrigin: 'https://example.org', clientSecret: 'shh' });
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
  });

  it('keeps moderation off with a short token, and refuses settings it cannot use', () => {
    const short = readConfig({ ADMIN_TOKEN: 'password' });
    expect(short.adminToken).toBeNull();
    expect(short.warnings.join()).toMatch(/ADMIN_TOKEN/);
    expect(() => readConfig({ COMMENTS_MODERATION: 'some' })).toThrow(ConfigError);
    expect(() => readConfig({ TRUST_PROXY: 'maybe' })).toThrow(ConfigError);
    expect(() => readConfig({ SITE_URL: 'not a url' })).toThrow(ConfigError);
  });
});

describe('backup lines', () => {
  const comment: ExportItem = { type: 'comment', ...commentRecord({ editedAt: T0 + 1, text: 'Hi\n"there"' }) };
  const report: ExportItem = { type: 'report', commentId: comment.id, clientHash: 'a'.repeat(32), reason: 'rude', createdAt: T0 + 2, open: true };

  it('round-trips comments and reports, with readable times', () => {
    for (const item of [comment, report]) expect(parseBackupLine(itemLine(item), 2)).toEqual(item);
    expect(itemLine(comment)).toContain(`"createdAt":"${new Date(T0).toISOString()}"`);
    expect(parseBackupLine(headerLine('sqlite', T0), 1)).toBeNull();
  });

  it('names the line and the problem of anything else', () => {
    const line = JSON.parse(itemLine(comment)) as Record<string, unknown>;
    const cases: [string, RegExp][] = [
      ['not json', /line 7: not JSON/],
      ['[]', /not a JSON object/],
      [JSON.stringify({ type: 'meta', format: 'other', version: 1 }), /not a back-together-comments backup/],
      [JSON.stringify({ type: 'meta', format: 'back-together-comments', version: 2 }), /version 2/],
      [JSON.stringify({ ...line, status: 'hidden' }), /status/],
      [JSON.stringify({ ...line, id: 'x' }), /id/],
      [JSON.stringify({ ...line, page: '/steps/x' }), /page/],
      [JSON.stringify({ ...line, createdAt: 5 }), /createdAt/],
      [JSON.stringify({ ...line, website: 'javascript:x' }), /unknown field "website"/],
      [JSON.stringify({ ...line, openReports: -1 }), /openReports/],
      [JSON.stringify({ type: 'vote' }), /type must be/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseBackupLine(text, 7)).toThrow(BackupLineError);
      expect(() => parseBackupLine(text, 7)).toThrow(message);
    }
    const { secretHash: _dropped, ...missing } = line;
    expect(() => parseBackupLine(JSON.stringify(missing), 7)).toThrow(/missing field "secretHash"/);
  });
});
