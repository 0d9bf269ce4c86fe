/** The pure parts shared by island and server: validation, cursors, times, moderation, paths, stored keys. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/lib/comments/cursor.ts';
import { statusAfterEdit, statusForNewComment, isVisible } from '../../src/lib/comments/moderation.ts';
import { canStillChange, commentCountLabel, OWN_KEY_LIFETIME_MS, ownKeysHeader, parseOwnKeys } from '../../src/lib/comments/own-keys.ts';
import { normalisePagePath } from '../../src/lib/comments/page-path.ts';
import { exactTime, relativeTime } from '../../src/lib/comments/relative-time.ts';
import { characterCount, displayName, nameProblem, textProblem } from '../../src/lib/comments/validation.ts';

const T = Date.UTC(2030, 5, 15, 12, 0, 0);
const SECRET = 'S'.repeat(43);

describe('validation', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(characterCount('😀é')).toBe(2);
    expect(characterCount('')).toBe(0);
  });

  it('asks for 2 to 4,000 characters of text without control characters', () => {
    expect(textProblem('ok')).toBeNull();
    expect(textProblem('  a  ')).toMatch(/at least 2/);
    expect(textProblem('😀'.repeat(4000))).toBeNull();
    expect(textProblem('a'.repeat(4001))).toMatch(/4,000 characters or fewer \(it has 4,001\)/);
    expect(textProblem('tab\tand\nlines\r\nare fine')).toBeNull();
    expect(textProblem('nul \u0000 char')).toMatch(/control/);
    expect(textProblem('broken \uDC00 pair')).toMatch(/broken character \(half of an emoji or other surrogate pair/);
  });

  it('takes names of up to 60 characters on one line, blank meaning Anonymous', () => {
    expect(nameProblem('')).toBeNull();
    expect(nameProblem('n'.repeat(60))).toBeNull();
    expect(nameProblem('n'.repeat(61))).toMatch(/60/);
    expect(nameProblem('a\nb')).toMatch(/one line/);
    expect(displayName('  ')).toBe('Anonymous');
    expect(displayName('  Kim ')).toBe('Kim');
  });
});

describe('cursor', () => {
  it('decodes what it encodes', () => {
    const id = fc.stringMatching(/^[a-z2-7]{16}$/);
    fc.assert(
      fc.property(fc.constantFrom('oldest' as const, 'newest' as const), fc.integer({ min: 0, max: 4_102_444_800_000 }), id, (sort, createdAt, commentId) => {
        const cursor = { sort, createdAt, id: commentId };
        expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
      }),
    );
  });

  it('refuses anything else', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const cursor = decodeCursor(text);
      if (cursor !== null) expect(encodeCursor(cursor)).toBe(text.replace(/=+$/, ''));
    }));
    for (const text of ['', 'x'.repeat(200), btoa('oldest.12.short'), btoa('sideways.12.aaaaaaaaaaaaaaaa'), btoa('oldest.-1.aaaaaaaaaaaaaaaa'), btoa('oldest.1.aaaaaaaaaaaaaaaa.x')]) {
      expect(decodeCursor(text)).toBeNull();
    }
  });
});

describe('relativeTime', () => {
  it.each([
    [0, 'just now'],
    [-5_000, 'just now'],
    [44_000, 'just now'],
    [50_000, '1 minute ago'],
    [5 * 60_000, '5 minutes ago'],
    [3 * 3_600_000, '3 hours ago'],
    [26 * 3_600_000, 'yesterday'],
    [3 * 86_400_000, '3 days ago'],
    [15 * 86_400_000, '2 weeks ago'],
    [60 * 86_400_000, '16 April 2030'],
  ])('%i ms ago reads "%s"', (elapsed, label) => {
    expect(relativeTime(T - elapsed, T)).toBe(label);
  });

  it('gives the exact time for a tooltip', () => {
    expect(exactTime(T)).toBe('15 June 2030 at 12:00 UTC');
  });
});

describe('moderation', () => {
  it('holds back what the policy says', () => {
    expect(statusForNewComment('all', 'plain')).toBe('pending');
    expect(statusForNewComment('links', 'plain')).toBe('published');
    expect(statusForNewComment('links', 'see http://x.example')).toBe('pending');
    expect(statusForNewComment('none', 'see http://x.example')).toBe('published');
  });

  it('never publishes by editing, and sends a link added by an edit back for approval', () => {
    expect(statusAfterEdit('links', 'published', 'https://spam.example')).toBe('pending');
    expect(statusAfterEdit('links', 'pending', 'no link now')).toBe('pending');
    expect(statusAfterEdit('none', 'pending', 'x y')).toBe('pending');
    expect(statusAfterEdit('links', 'published', 'still fine')).toBe('published');
  });

  it('hides a comment with 3 open reports', () => {
    expect(isVisible('published', 2)).toBe(true);
    expect(isVisible('published', 3)).toBe(false);
    expect(isVisible('pending', 0)).toBe(false);
  });
});

describe('normalisePagePath', () => {
  it('adds the trailing slash and refuses anything that is not a plain site path', () => {
    expect(normalisePagePath('/steps/take-time')).toBe('/steps/take-time/');
    expect(normalisePagePath('/steps/take-time/')).toBe('/steps/take-time/');
    for (const path of ['', '/', 'steps/x', '/steps/x//', '/steps/../x', '/steps/x?y', '/Steps/x', 'https://x/steps/y', `/${'a'.repeat(300)}`]) {
      expect(normalisePagePath(path)).toBeNull();
    }
  });
});

describe('own comment keys', () => {
  const good = { secret: SECRET, page: '/steps/take-time/', createdAt: T };

  it('reads back what was stored', () => {
    expect(parseOwnKeys(JSON.stringify({ aaaaaaaaaaaaaaaa: good }), T)).toEqual({ keys: { aaaaaaaaaaaaaaaa: good }, dropped: 0 });
    expect(parseOwnKeys(undefined, T)).toEqual({ keys: {}, dropped: 0 });
  });

  it('drops damaged, foreign and expired entries instead of throwing', () => {
    for (const raw of ['{', 'null', '[]', '"text"', '42']) expect(parseOwnKeys(raw, T)).toEqual({ keys: {}, dropped: 1 });
    const mixed = {
      aaaaaaaaaaaaaaaa: good,
      'not-an-id': good,
      bbbbbbbbbbbbbbbb: { ...good, secret: 'short' },
      cccccccccccccccc: { ...good, page: 'javascript:alert(1)' },
      dddddddddddddddd: { ...good, createdAt: 'yesterday' },
      eeeeeeeeeeeeeeee: { ...good, createdAt: T - OWN_KEY_LIFETIME_MS },
      ffffffffffffffff: null,
    };
    expect(parseOwnKeys(JSON.stringify(mixed), T)).toEqual({ keys: { aaaaaaaaaaaaaaaa: good }, dropped: 6 });
    fc.assert(fc.property(fc.string(), (raw) => {
      expect(() => parseOwnKeys(raw, T)).not.toThrow();
    }));
  });

  it('sends the keys of one page, newest first', () => {
    const keys = {
      aaaaaaaaaaaaaaaa: good,
      bbbbbbbbbbbbbbbb: { ...good, createdAt: T + 1 },
      cccccccccccccccc: { ...good, page: '/steps/other/' },
    };
    expect(ownKeysHeader(keys, '/steps/take-time/')).toBe(`bbbbbbbbbbbbbbbb:${SECRET},aaaaaaaaaaaaaaaa:${SECRET}`);
  });

  it('offers edits for 15 minutes', () => {
    expect(canStillChange(good, T + 15 * 60_000)).toBe(true);
    expect(canStillChange(good, T + 15 * 60_000 + 1)).toBe(false);
    expect(canStillChange(undefined, T)).toBe(false);
  });

  it('labels counts', () => {
    expect(commentCountLabel(1)).toBe('1 comment');
    expect(commentCountLabel(1200)).toBe('1,200 comments');
  });
});
