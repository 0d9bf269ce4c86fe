/** Readers reporting a comment: `POST /api/comments/<id>/report`, once per client, within the report rate limit. */
import { admitByRate, rateLookback } from '../rate-limit.ts';
import { expectValid } from '../request-body.ts';
import { checkOrigin, json, readJsonBody } from '../respond.ts';
import type { Handler } from '../router.ts';
import { commentById, expectAdmitted, notFound, type CommentsContext } from './context.ts';
import { parseReport } from './requests.ts';

export function reportHandlers(context: CommentsContext): { reportComment: Handler } {
  const { store } = context;
  const reportComment: Handler = async (request, meta, [id = '']) => {
    checkOrigin(request, context.config.siteOrigin);
    const input = expectValid(parseReport(await readJsonBody(request)));
    const record = await commentById(store, id);
    if (!record || record.status !== 'published') throw notFound();
    const now = context.now();
    const rules = context.reportRules;
    const result = await store.report(
      { commentId: record.id, clientHash: context.hashedClient(request, meta), reason: input.reason, createdAt: now },
      { since: now - rateLookback(rules), admit: (recent) => admitByRate(recent, now, rules) },
    );
    if (!result) throw notFound();
    expectAdmitted(result.admission, 'reports');
    return json({ id: record.id, reported: true }, 202);
  };
  return { reportComment };
}
