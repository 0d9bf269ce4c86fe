/** The island's store: stored keys survive damage, and thread actions keep state and storage in step. */
import { setPersistentEngine } from '@nanostores/persistent';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreatedResponse, ThreadResponse } from '../../src/lib/comments/api-types.ts';

const KEY = 'back-together:comment-keys';
const storage: Record<string, string> = {};
const SECRET = 'S'.repeat(43);
const PAGE = '/steps/take-time/';

type StoreModule = typeof import('../../src/stores/comments.ts');
let store: StoreModule;
let warnings: unknown[][] = [];

beforeAll(async () => {
  storage[KEY] = '{"aaaaaaaaaaaaaaaa": {"secret": 1}, "broken';
  setPersistentEngine(storage, { addEventListener() {}, removeEventListener() {} });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  store = await import('../../src/stores/comments.ts');
  warnings = [...warn.mock.calls];
  warn.mockRestore();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function comment(id: string, overrides: Partial<CreatedResponse['comment']> = {}): CreatedResponse['comment'] {
  return { id, parentId: null, name: 'Anonymous', text: 'Hello', createdAt: new Date().toISOString(), editedAt: null, status: 'published', mine: false, replies: [], moreReplies: 0, repliesCursor: null, ...overrides };
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('stored comment keys', () => {
  it('starts clean from damaged storage, with a warning, and writes valid keys back', () => {
    expect(store.ownKeys.get()).toEqual({});
    expect(warnings).toEqual([[expect.stringContaining('dropped')]]);
    const createdAt = Date.now();
    store.rememberKey('bbbbbbbbbbbbbbbb', { secret: SECRET, page: PAGE, createdAt });
    expect(JSON.parse(storage[KEY]!)).toEqual({ bbbbbbbbbbbbbbbb: { secret: SECRET, page: PAGE, createdAt } });
    store.forgetKey('bbbbbbbbbbbbbbbb');
    expect(storage[KEY]).toBeUndefined();
  });
});

describe('thread', () => {
  it('loads the page with its own keys, posts, edits and deletes, keeping the count honest', async () => {
    store.rememberKey('cccccccccccccccc', { secret: SECRET, page: PAGE, createdAt: Date.now() });
    const calls: { url: string; init: RequestInit }[] = [];
    const replies: Response[] = [
      answer(200, { page: PAGE, sort: 'oldest', total: 1, comments: [comment('dddddddddddddddd')], nextCursor: null } satisfies ThreadResponse),
      answer(202, { comment: comment('eeeeeeeeeeeeeeee', { status: 'pending', mine: true }), editSecret: SECRET, editableUntil: '' } satisfies CreatedResponse),
      answer(201, { comment: comment('ffffffffffffffff', { parentId: 'dddddddddddddddd', mine: true }), editSecret: SECRET, editableUntil: '' } satisfies CreatedResponse),
      answer(200, { comment: comment('ffffffffffffffff', { parentId: 'dddddddddddddddd', text: 'Edited', status: 'pending', mine: true }) }),
      answer(200, { id: 'eeeeeeeeeeeeeeee', erased: true }),
    ];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return replies.shift()!;
    });
    const thread = store.createThread(PAGE);
    await thread.load();
    expect(calls[0]!.url).toBe(`/api/comments?page=${encodeURIComponent(PAGE)}&sort=oldest`);
    expect((calls[0]!.init.headers as Record<string, string>)['X-Comment-Keys']).toBe(`cccccccccccccccc:${SECRET}`);
    expect(thread.state.get()).toMatchObject({ phase: 'ready', total: 1 });

    const posted = await thread.post({ name: '', text: 'Hello', parentId: null, honeypot: '' });
    expect(posted.ok).toBe(true);
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ page: PAGE, name: '', text: 'Hello', parentId: null, honeypot: '' });
    expect((calls[1]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(store.ownKeys.get()['eeeeeeeeeeeeeeee']?.secret).toBe(SECRET);
    expect(thread.state.get().comments.map((c) => c.id)).toEqual(['dddddddddddddddd', 'eeeeeeeeeeeeeeee']);
    expect(thread.state.get().total).toBe(1);

    await thread.post({ name: '', text: 'Reply', parentId: 'dddddddddddddddd', honeypot: '' });
    expect(thread.state.get().comments[0]!.replies.map((c) => c.id)).toEqual(['ffffffffffffffff']);
    expect(thread.state.get().total).toBe(2);

    await thread.edit('ffffffffffffffff', 'Edited');
    expect(JSON.parse(calls[3]!.init.body as string)).toEqual({ text: 'Edited', editSecret: SECRET });
    expect(thread.state.get().comments[0]!.replies[0]).toMatchObject({ text: 'Edited', status: 'pending' });
    expect(thread.state.get().total).toBe(1);

    await thread.remove('eeeeeeeeeeeeeeee');
    expect(calls[4]!.init.method).toBe('DELETE');
    expect(JSON.parse(calls[4]!.init.body as string)).toEqual({ editSecret: SECRET, erase: true });
    expect(store.ownKeys.get()['eeeeeeeeeeeeeeee']).toBeUndefined();
    expect(thread.state.get().comments.map((c) => c.id)).toEqual(['dddddddddddddddd']);
    expect(thread.state.get().notice).toBe('Your comment was deleted and erased from the server.');
  });

  it('loads more replies of a comment on request, in order, and says how many it added', async () => {
    const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, second)).toISOString();
    const reply = (id: string, second: number) => comment(id, { parentId: 'dddddddddddddddd', createdAt: at(second) });
    const replies: Response[] = [
      answer(200, {
        page: PAGE,
        sort: 'oldest',
        total: 4,
        comments: [comment('dddddddddddddddd', { createdAt: at(0), replies: [reply('rrrrrrrrrrrrrrr2', 2)], moreReplies: 2, repliesCursor: 'CURSOR' })],
        nextCursor: null,
      } satisfies ThreadResponse),
      answer(200, { parentId: 'dddddddddddddddd', replies: [reply('rrrrrrrrrrrrrrr3', 3), reply('rrrrrrrrrrrrrrr4', 4)], nextCursor: null }),
    ];
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return replies.shift()!;
    });
    const thread = store.createThread(PAGE);
    await thread.load();
    expect(await thread.loadReplies('dddddddddddddddd')).toEqual(['rrrrrrrrrrrrrrr3', 'rrrrrrrrrrrrrrr4']);
    expect(urls[1]).toBe('/api/comments/dddddddddddddddd/replies?cursor=CURSOR');
    const [top] = thread.state.get().comments;
    expect(top!.replies.map((r) => r.id)).toEqual(['rrrrrrrrrrrrrrr2', 'rrrrrrrrrrrrrrr3', 'rrrrrrrrrrrrrrr4']);
    expect(top).toMatchObject({ moreReplies: 0, repliesCursor: null });
    expect(thread.state.get().notice).toBe('Showing 2 more replies.');
    expect(await thread.loadReplies('dddddddddddddddd')).toEqual([]);
    expect(urls).toHaveLength(2);
  });

  it('shows the reader’s new comment at once, and keeps the thread in order as later pages load', async () => {
    const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, second)).toISOString();
    const replies: Response[] = [
      answer(200, { page: PAGE, sort: 'oldest', total: 3, comments: [comment('aaaaaaaaaaaaaaa1', { createdAt: at(1) })], nextCursor: 'next' }),
      answer(201, { comment: comment('aaaaaaaaaaaaaaa9', { createdAt: at(9), mine: true }), editSecret: SECRET, editableUntil: '' }),
      answer(200, { page: PAGE, sort: 'oldest', total: 4, comments: [comment('aaaaaaaaaaaaaaa2', { createdAt: at(2) }), comment('aaaaaaaaaaaaaaa9', { createdAt: at(9) })], nextCursor: null }),
    ];
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return replies.shift()!;
    });
    const thread = store.createThread(PAGE);
    await thread.load();
    await thread.post({ name: '', text: 'Mine', parentId: null, honeypot: '' });
    expect(thread.state.get().comments.map((c) => c.id)).toEqual(['aaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaa9']);
    await thread.loadMore();
    expect(urls[2]).toContain('cursor=next');
    expect(thread.state.get().comments.map((c) => c.id)).toEqual(['aaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaa2', 'aaaaaaaaaaaaaaa9']);
    expect(thread.state.get()).toMatchObject({ nextCursor: null, total: 4 });
  });

  it('shows failures honestly: API errors with their field, and a lost connection', async () => {
    vi.stubGlobal('fetch', async () => answer(429, { error: { code: 'rate_limited', message: 'Too many comments from here; try again in 30 seconds.' } }));
    const thread = store.createThread(PAGE);
    const result = await thread.post({ name: '', text: 'Hi', parentId: null, honeypot: '' });
    expect(result).toEqual({ ok: false, failure: { status: 429, code: 'rate_limited', message: 'Too many comments from here; try again in 30 seconds.' } });
    vi.stubGlobal('fetch', async () => answer(400, { error: { code: 'invalid_field', field: 'text', message: 'Write at least 2 characters.' } }));
    expect(await thread.post({ name: '', text: 'H', parentId: null, honeypot: '' })).toMatchObject({ ok: false, failure: { field: 'text' } });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await thread.load();
    expect(thread.state.get()).toMatchObject({ phase: 'failed', failure: { code: 'network' } });
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await thread.load();
    expect(thread.state.get().failure).toMatchObject({ status: 502, code: 'http_error' });
  });
});
