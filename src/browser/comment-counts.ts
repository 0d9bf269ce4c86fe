/**
 * Fills every `[data-comment-count="/steps/<slug>/"]` placeholder on the page with that page's comment count,
 * from one request. Loaded by src/components/CommentCounts.astro (a plain module: no framework for one fetch).
 */
import type { CountsResponse } from '../lib/comments/api-types.ts';
import { COUNTS_PAGES_MAX } from '../lib/comments/limits.ts';
import { commentCountLabel } from '../lib/comments/own-keys.ts';
import { normalisePagePath } from '../lib/comments/page-path.ts';

/** Fetches the counts for the placeholders under `root` and writes them in; pages without comments stay blank. */
export async function fillCommentCounts(root: ParentNode = document): Promise<void> {
  const placeholders = [...root.querySelectorAll<HTMLElement>('[data-comment-count]')];
  const pages = [...new Set(placeholders.map((element) => normalisePagePath(element.dataset['commentCount'] ?? '')))]
    .filter((page): page is string => page !== null)
    .slice(0, COUNTS_PAGES_MAX);
  if (pages.length === 0) return;
  let counts: CountsResponse['counts'];
  try {
    const response = await fetch(`/api/comments/counts?pages=${encodeURIComponent(pages.join(','))}`);
    if (!response.ok) return;
    counts = ((await response.json()) as CountsResponse).counts;
  } catch {
    // Counts are a nicety: without them the links work just the same.
    return;
  }
  for (const element of placeholders) {
    const page = normalisePagePath(element.dataset['commentCount'] ?? '');
    const count = page === null ? undefined : counts[page];
    if (count !== undefined && count > 0) element.textContent = commentCountLabel(count);
  }
}
