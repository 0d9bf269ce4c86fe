/**
 * Comment feeds: the Atom writer (strictly well-formed, everything escaped) and the feed endpoint over a real store on
 * SQLite and PostgreSQL (only visible comments, caching headers, 304s, errors).
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomFeed, xmlEscape } from '../../src/lib/feeds/atom.ts';
import { commentsFeedPath, pageOfCommentsFeed, SITE_COMMENTS_FEED } from '../../src/lib/feeds/paths.ts';
import { createFeedsApi, FEED_ENTRIES, type FeedsApi } from '../../src/server/feeds.ts';
import type { CommentStore } from '../../src/server/comments/store/store.ts';
import { ALWAYS, commentRecord, fakeClock, openPostgresStore, openSqliteStore, T0, type OpenedStore } from '../support/comments.ts';
import { postgresAvailable } from '../support/postgres.ts';

const ORIGIN = 'https://example.org';
const TITLES = new Map([
  ['/steps/take-time/', 'Take time apart first'],
  ['/articles/no-contact/', 'No contact, & what it is <for>'],
]);

interface ParsedEntry {
  id: string;
  title: { '#text': string };
  author: { name: string };
  published: string;
  updated: string;
  content: { '#text': string };
  link: { '@_href': string };
}

/** Parses a feed after a strict well-formedness check; entries always as an array. */
function parseFeed(xml: string): { feed: Record<string, unknown>; entries: ParsedEntry[] } {
  // Throws, naming the line, on anything that is not well-formed.
  expect(SyntaxValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry', processEntities: true, htmlEntities: true, parseTagValue: false, trimValues: false }).parse(xml) as {
    feed: Record<string, unknown> & { entry?: ParsedEntry[] };
  };
  return { feed: parsed.feed, entries: parsed.feed.entry ?? [] };
}

describe('feed paths', () => {
  it('map pages to feeds and back, and nothing else', () => {
    expect(commentsFeedPath('/steps/take-time/')).toBe('/api/feeds/steps/take-time.atom');
    expect(pageOfCommentsFeed('/api/feeds/steps/take-time.atom')).toBe('/steps/take-time/');
    expect(pageOfCommentsFeed('/api/feeds/articles/no-contact.atom')).toBe('/articles/no-contact/');
    for (const path of [SITE_COMMENTS_FEED, '/api/feeds/steps/take-time', '/api/feeds/../x.atom', '/api/feeds/Steps/X.atom', '/other/steps/x.atom']) {
      expect(pageOfCommentsFeed(path)).toBeNull();
    }
  });
});

describe('Atom writer', () => {
  it('is checked by a validator that refuses malformed XML', () => {
    expect(() => SyntaxValidator.validate('<feed><entry></feed>')).toThrow(/closing tag/);
  });

  it('escapes markup and quotes, and replaces characters XML cannot carry', () => {
    expect(xmlEscape(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;');
    expect(xmlEscape('bell\u0007 lone\uD800 ok😀 end\uFFFF')).toBe('bell\uFFFD lone\uFFFD ok😀 end\uFFFD');
  });

  it('writes a well-formed feed whose texts read back exactly as given', () => {
    const hostile = `</content><script>alert(1)</script>&nbsp; ]]> "quoted" 'single' \u0000 tab\tand\r\nlines`;
    const xml = atomFeed({
      id: `${ORIGIN}/feed?a=1&b=2`,
      title: 'Title & <more>',
      subtitle: 'Sub',
      selfUrl: `${ORIGIN}/feed?a=1&b=2`,
      pageUrl: `${ORIGIN}/`,
      updated: T0,
      entries: [{ id: `${ORIGIN}/x/#c`, title: hostile, authorName: '<Name>', published: T0, updated: T0 + 1000, link: `${ORIGIN}/x/?q="1"`, content: hostile }],
    });
    const { feed, entries } = parseFeed(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['updated']).toBe(new Date(T0).toISOString());
    expect(entries[0]!.content['#text']).toBe(hostile.replace('\u0000', '\uFFFD'));
    expect(entries[0]!.author.name).toBe('<Name>');
    expect(entries[0]!.link['@_href']).toBe(`${ORIGIN}/x/?q="1"`);
    expect(xml).not.toContain('<script>');
  });
});

const targets: { name: string; open: () => Promise<OpenedStore> }[] = [{ name: 'sqlite', open: openSqliteStore }];
if (postgresAvailable()) targets.push({ name: 'postgres', open: openPostgresStore });

describe.each(targets)('feed endpoint: $name', { timeout: 30_000 }, ({ open }) => {
  let opened: OpenedStore;
  let store: CommentStore;
  let feeds: FeedsApi;
  let clock: ReturnType<typeof fakeClock>;

  beforeEach(async () => {
    opened = await open();
    store = opened.store;
    clock = fakeClock();
    feeds = createFeedsApi({ store, pageTitles: async () => TITLES, siteOrigin: ORIGIN, now: clock.now, logError: () => {} });
  });
  afterEach(async () => {
    await opened.dispose();
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    feeds.fetch(new Request(`http://127.0.0.1${path}`, { method, headers }));

  it('lists the page’s published comments and replies, newest first, and nothing hidden', async () => {
    const parent = commentRecord({ name: 'Sam', text: 'A question <b>bold</b> & more', createdAt: T0 });
    const reply = commentRecord({ name: 'Alex', parentId: parent.id, text: 'An answer', createdAt: T0 + 1000, editedAt: T0 + 5000 });
    const hidden = [
      commentRecord({ status: 'pending', text: 'waiting https://x.example', createdAt: T0 + 2000 }),
      commentRecord({ status: 'rejected', text: 'rejected text', createdAt: T0 + 3000 }),
      commentRecord({ status: 'deleted', text: 'deleted text', createdAt: T0 + 4000 }),
      commentRecord({ text: 'reported text', createdAt: T0 + 5000 }),
    ];
    const elsewhere = commentRecord({ page: '/articles/no-contact/', text: 'other page', createdAt: T0 + 6000 });
    for (const record of [parent, reply, ...hidden, elsewhere]) await store.insert(record, ALWAYS);
    for (const client of ['a', 'b', 'c']) await store.report({ commentId: hidden[3]!.id, clientHash: client.repeat(32), reason: '', createdAt: T0 }, ALWAYS);

    const response = await get('/api/feeds/steps/take-time.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const { feed, entries } = parseFeed(await response.text());
    expect(feed['title']).toMatchObject({ '#text': 'Comments on “Take time apart first” · Back Together' });
    expect(feed['id']).toBe(`${ORIGIN}/api/feeds/steps/take-time.atom`);
    expect(entries.map((entry) => entry.content['#text'])).toEqual(['An answer', 'A question <b>bold</b> & more']);
    expect(entries[0]).toMatchObject({
      id: `${ORIGIN}/steps/take-time/#comment-${reply.id}`,
      title: { '#text': 'Alex replied on “Take time apart first”' },
      author: { name: 'Alex' },
      published: new Date(T0 + 1000).toISOString(),
      updated: new Date(T0 + 5000).toISOString(),
      link: { '@_href': `${ORIGIN}/steps/take-time/#comment-${reply.id}` },
    });
    expect(entries[1]!.title['#text']).toBe('Sam commented on “Take time apart first”');
    expect(feed['updated']).toBe(new Date(T0 + 5000).toISOString());

    const site = parseFeed(await (await get(SITE_COMMENTS_FEED)).text());
    expect(site.entries.map((entry) => entry.content['#text'])).toEqual(['other page', 'An answer', 'A question <b>bold</b> & more']);
    expect(site.entries[0]!.title['#text']).toBe('Anonymous commented on “No contact, & what it is <for>”');
  });

  it('is a valid empty feed for a page without comments, and caps long threads', async () => {
    const empty = parseFeed(await (await get('/api/feeds/articles/no-contact.atom')).text());
    expect(empty.entries).toEqual([]);
    for (let index = 0; index < FEED_ENTRIES + 3; index += 1) await store.insert(commentRecord({ createdAt: T0 + index }), ALWAYS);
    const full = parseFeed(await (await get('/api/feeds/steps/take-time.atom')).text());
    expect(full.entries).toHaveLength(FEED_ENTRIES);
    expect(full.entries[0]!.published).toBe(new Date(T0 + FEED_ENTRIES + 2).toISOString());
  });

  it('answers 304 to a reader that has the current feed, and 200 once it changed', async () => {
    const comment = commentRecord({ createdAt: T0 });
    await store.insert(comment, ALWAYS);
    const first = await get('/api/feeds/steps/take-time.atom');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(lastModified).toBe(new Date(T0).toUTCString());

    clock.advance(60_000);
    for (const headers of [{ 'if-none-match': etag }, { 'if-none-match': `"other", W/${etag}` }, { 'if-modified-since': lastModified }]) {
      const again = await get('/api/feeds/steps/take-time.atom', headers);
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    // If-None-Match decides alone when sent (RFC 9110).
    expect((await get('/api/feeds/steps/take-time.atom', { 'if-none-match': '"stale"', 'if-modified-since': lastModified })).status).toBe(200);

    // Approving an older comment adds no newer entry, yet the feed moves on.
    const older = commentRecord({ status: 'pending', text: 'https://x.example', createdAt: T0 - 10_000 });
    await store.insert(older, ALWAYS);
    await store.setStatus(older.id, { status: 'published', reviewed: true, at: T0 });
    const changed = await get('/api/feeds/steps/take-time.atom', { 'if-none-match': etag, 'if-modified-since': lastModified });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(Date.parse(changed.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(lastModified));
    const modifiedOnly = await get('/api/feeds/steps/take-time.atom', { 'if-modified-since': lastModified });
    expect(modifiedOnly.status).toBe(200);

    const head = await get('/api/feeds/steps/take-time.atom', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(changed.headers.get('etag'));
    expect(await head.text()).toBe('');
  });

  it('answers unknown feeds and other methods with clear JSON errors', async () => {
    for (const path of ['/api/feeds/steps/no-such-step.atom', '/api/feeds/steps/take-time', '/api/feeds/', '/api/feeds/%2e%2e/secret.atom']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('no such feed') } });
    }
    const post = await get('/api/feeds/steps/take-time.atom', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
