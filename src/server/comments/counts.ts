/** Comment counts for lists of pages: `GET /api/comments/counts?pages=…`, the same for every reader. */
import type { CountsResponse } from '../../lib/comments/api-types.ts';
import { COUNTS_PAGES_MAX, REPORTS_TO_HIDE } from '../../lib/comments/limits.ts';
import { badField, json } from '../respond.ts';
import type { Handler } from '../router.ts';
import type { CommentsContext } from './context.ts';

export function countHandlers(context: CommentsContext): { countComments: Handler } {
  const countComments: Handler = async (request) => {
    const param = new URL(request.url).searchParams.get('pages') ?? '';
    const requested = param.split(',').map((path) => path.trim()).filter((path) => path !== '');
    if (requested.length === 0) throw badField('pages', 'pages is required: comma-separated page paths.');
    if (requested.length > COUNTS_PAGES_MAX) throw badField('pages', `Ask for at most ${COUNTS_PAGES_MAX} pages at once.`);
    const pages: string[] = [];
    for (const path of requested) pages.push(await context.knownPage(path, 'pages'));
    const counts = await context.store.counts(pages, REPORTS_TO_HIDE);
    const body: CountsResponse = { counts: Object.fromEntries(pages.map((page) => [page, counts.get(page) ?? 0])) };
    return json(body, 200, 'public');
  };
  return { countComments };
}
