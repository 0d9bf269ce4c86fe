/**
 * Server parts that keep one person from taking over: files only the server's user can read, in-process throttles,
 * start-up warnings about weak settings, forwarded addresses that are not addresses, and reader-visible text.
 */
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { graphemeCount, hasHiddenCharacters, longestMarkRun, visibleCount } from '../../src/lib/comments/graphemes.ts';
import { nameProblem, textProblem } from '../../src/lib/comments/validation.ts';
import { clientAddress, loadOrCreateSecret, rotateSecret } from '../../src/server/client-id.ts';
import { ConfigError, readConfig } from '../../src/server/config.ts';
import { SqliteCommentStore } from '../../src/server/comments/store/sqlite.ts';
import { looksWeak, startupWarnings } from '../../src/server/startup-checks.ts';
import { FailureBackoff, Throttle } from '../../src/server/throttle.ts';
import { ALWAYS, commentRecord } from '../support/comments.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files on disk', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-modes-'));
    made.push(dir);
    return dir;
  };

  it('creates the data folder 0700 and the database, -wal, -shm and key 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dir = join(scratch(), 'data', 'nested');
      const path = join(dir, 'comments.db');
      const store = new SqliteCommentStore(path);
      await store.insert(commentRecord(), ALWAYS);
      loadOrCreateSecret(dir);
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, '..'))).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`, join(dir, 'comments-secret')]) expect([file, mode(file)]).toEqual([file, 0o600]);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });

  it('makes files left readable by an older version private, and leaves an existing folder as it is', async () => {
    const dir = scratch();
    chmodSync(dir, 0o755);
    const path = join(dir, 'comments.db');
    closeSync(openSync(path, 'w', 0o644));
    closeSync(openSync(join(dir, 'comments-secret'), 'w', 0o644));
    const store = new SqliteCommentStore(path);
    expect(mode(path)).toBe(0o600);
    await store.close();
    expect(() => loadOrCreateSecret(dir)).toThrow(/damaged/);
    expect(mode(join(dir, 'comments-secret'))).toBe(0o600);
    expect(mode(dir)).toBe(0o755);
  });

  it('rotates the key atomically into a new private file', () => {
    const dir = join(scratch(), 'keys');
    mkdirSync(dir);
    const first = loadOrCreateSecret(dir);
    rotateSecret(dir);
    const second = readFileSync(join(dir, 'comments-secret'), 'utf8');
    expect(second).not.toBe(first);
    expect(loadOrCreateSecret(dir)).toBe(second);
    expect(mode(join(dir, 'comments-secret'))).toBe(0o600);
  });
});

describe('throttles', () => {
  it('admits by sliding windows per key', () => {
    const throttle = new Throttle([{ windowMs: 1000, max: 2 }]);
    expect(throttle.take('a', 0)).toEqual({ admitted: true });
    expect(throttle.take('a', 10)).toEqual({ admitted: true });
    expect(throttle.take('a', 20)).toEqual({ admitted: false, retryAfterMs: 980 });
    expect(throttle.take('b', 20)).toEqual({ admitted: true });
    expect(throttle.take('a', 1000)).toEqual({ admitted: true });
  });

  it('backs off exponentially after the free failures, up to the maximum, and forgets after a quiet hour', () => {
    const backoff = new FailureBackoff({ free: 2, baseMs: 1000, maxMs: 4000, forgetAfterMs: 60_000 });
    backoff.fail('a', 0);
    backoff.fail('a', 0);
    expect(backoff.waitMs('a', 0)).toBe(0);
    const waits = [];
    for (let index = 0; index < 4; index += 1) {
      backoff.fail('a', 0);
      waits.push(backoff.waitMs('a', 0));
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    expect(backoff.waitMs('b', 0)).toBe(0);
    backoff.fail('a', 70_000);
    expect(backoff.waitMs('a', 70_000)).toBe(0);
    backoff.succeed('a');
    expect(backoff.waitMs('a', 70_000)).toBe(0);
  });
});

describe('start-up checks', () => {
  it('calls a token weak when it is short, of few characters or of one kind only', () => {
    for (const weak of ['x'.repeat(16), 'passwordpassword1234', 'correcthorsebatterystaplecorrect', '12345678901234567890123456', 'Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!']) {
      expect([weak, looksWeak(weak)]).toEqual([weak, true]);
    }
    expect(looksWeak('k7V-pQ2zLx9_rT4mWc8eYb3nHs6uJd1f')).toBe(false);
  });

  it('warns about a weak token with how to make a strong one, and about a missing SITE_URL in production', () => {
    const weak = startupWarnings({ adminToken: 'admin-admin-admin-admin', siteOrigin: 'https://example.org' }, true);
    expect(weak).toHaveLength(1);
    expect(weak[0]).toMatch(/ADMIN_TOKEN looks weak/);
    expect(weak[0]).toContain('openssl rand -base64 32');
    expect(weak[0]).toContain("crypto.randomBytes(32).toString('base64url')");
    const noSite = startupWarnings({ adminToken: null, siteOrigin: null }, true);
    expect(noSite).toEqual([expect.stringMatching(/SITE_URL is not set: the Origin check .* trusts the Host header/)]);
    expect(startupWarnings({ adminToken: null, siteOrigin: null }, false)).toEqual([]);
  });

  it('reads the retention period in days, 30 by default', () => {
    expect(readConfig({}).retentionDays).toBe(30);
    expect(readConfig({ COMMENTS_RETENTION_DAYS: '7' }).retentionDays).toBe(7);
    for (const bad of ['0', '-1', '1.5', 'forever']) expect(() => readConfig({ COMMENTS_RETENTION_DAYS: bad })).toThrow(ConfigError);
  });
});

describe('forwarded addresses', () => {
  const request = (forwarded: string) => new Request('http://x/', { headers: { 'x-forwarded-for': forwarded } });

  it('takes only an IP address from X-Forwarded-For, and the socket address otherwise', () => {
    expect(clientAddress(request('not-an-ip-1'), '127.0.0.1', 1)).toBe('127.0.0.1');
    expect(clientAddress(request('1.1.1.1, <script>'), '127.0.0.1', 1)).toBe('127.0.0.1');
    expect(clientAddress(request('unknown'), '127.0.0.1', 1)).toBe('127.0.0.1');
    expect(clientAddress(request('2001:db8::7'), '127.0.0.1', 1)).toBe('2001:db8::7');
  });
});

describe('text as readers see it', () => {
  it('counts grapheme clusters, visible ones, and runs of combining marks', () => {
    expect(graphemeCount('e\u0301👩‍💻🇳🇿')).toBe(3);
    expect(visibleCount(' \u200B\u200B\u0301 a\u00AD')).toBe(1);
    expect(longestMarkRun(`Z${'\u0301'.repeat(5)}a\u0301`)).toBe(5);
    expect(hasHiddenCharacters('👩‍💻 Kim')).toBe(false);
    expect(hasHiddenCharacters('Kim\u200D')).toBe(true);
  });

  it('counts a comment in characters as readers count them, and bounds what they take in storage', () => {
    expect(textProblem('👨‍👩‍👧‍👦'.repeat(1000))).toBeNull();
    expect(textProblem('👨‍👩‍👧‍👦'.repeat(1200))).toMatch(/4,000 characters or fewer/);
    expect(textProblem('e\u0301'.repeat(4000))).toBeNull();
    expect(textProblem('e\u0301'.repeat(4001))).toMatch(/\(it has 4,001\)/);
    expect(nameProblem('e\u0301'.repeat(60))).toBeNull();
    expect(nameProblem('e\u0301'.repeat(61))).toMatch(/60/);
  });
});
