/** CommentCounts fills `data-comment-count` placeholders from one request, and stays quiet when it cannot. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillCommentCounts } from '../../src/browser/comment-counts.ts';

interface Placeholder {
  dataset: Record<string, string | undefined>;
  textContent: string;
}

function page(paths: string[]): { root: ParentNode; placeholders: Placeholder[] } {
  const placeholders = paths.map((path) => ({ dataset: { commentCount: path }, textContent: '' }));
  // Only querySelectorAll is used: a stand-in is enough, no DOM needed.
  const root = { querySelectorAll: (selector: string) => (selector === '[data-comment-count]' ? placeholders : []) } as unknown as ParentNode;
  return { root, placeholders };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fillCommentCounts', () => {
  it('asks once for every distinct page and writes the counts in, leaving pages without comments blank', async () => {
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      requests.push(url);
      return new Response(JSON.stringify({ counts: { '/steps/a/': 3, '/steps/b/': 0, '/articles/c/': 1 } }), { status: 200 });
    });
    const { root, placeholders } = page(['/steps/a/', '/steps/b', '/articles/c/', '/steps/a', 'javascript:alert(1)']);
    await fillCommentCounts(root);
    expect(requests).toEqual([`/api/comments/counts?pages=${encodeURIComponent('/steps/a/,/steps/b/,/articles/c/')}`]);
    expect(placeholders.map((placeholder) => placeholder.textContent)).toEqual(['3 comments', '', '1 comment', '3 comments', '']);
  });

  it('makes no request without placeholders, and changes nothing when the request fails', async () => {
    const fetchSpy = vi.fn(async () => new Response('{"error":{"code":"unavailable","message":"busy"}}', { status: 503 }));
    vi.stubGlobal('fetch', fetchSpy);
    await fillCommentCounts(page([]).root);
    expect(fetchSpy).not.toHaveBeenCalled();
    const { root, placeholders } = page(['/steps/a/']);
    await fillCommentCounts(root);
    expect(placeholders[0]!.textContent).toBe('');
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    await fillCommentCounts(root);
    expect(placeholders[0]!.textContent).toBe('');
  });
});
