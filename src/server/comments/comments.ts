/** Writing comments: `POST /api/comments`, and `PATCH` and `DELETE /api/comments/<id>` by the author or the owner. */
import type { CreatedResponse, EditedResponse, ErasedResponse, PublicComment } from '../../lib/comments/api-types.ts';
import { EDIT_WINDOW_MS, THREAD_REPLIES_MAX } from '../../lib/comments/limits.ts';
import { statusAfterEdit, statusForNewComment, type CommentStatus } from '../../lib/comments/moderation.ts';
import { displayName } from '../../lib/comments/validation.ts';
import { hashSecret, sameSecret } from '../client-id.ts';
import { admitByRate, rateLookback } from '../rate-limit.ts';
import { badField, checkOrigin, HttpError, json, readJsonBody } from '../respond.ts';
import type { Handler, RequestMeta } from '../router.ts';
import { expectValid } from '../request-body.ts';
import { commentById, expectAdmitted, notFound, type CommentsContext } from './context.ts';
import { iso, NO_MORE_REPLIES, publicComment } from './presenter.ts';
import { parseDelete, parseEdit, parseNewComment } from './requests.ts';
import { isErased, type CommentRecord } from './store/store.ts';

/** Erases a comment for good (see CommentStore.erase): 404 when it is already gone. */
export async function eraseComment(context: CommentsContext, id: string): Promise<Response> {
  if (!(await context.store.erase(id))) throw notFound();
  const body: ErasedResponse = { id, erased: true };
  return json(body);
}

export function commentHandlers(context: CommentsContext): { createComment: Handler; editComment: Handler; deleteComment: Handler } {
  const { store, config } = context;

  /** The published comment on `page` that a reply to `parentId` joins: replies are one level deep. */
  async function threadOf(parentId: string, page: string): Promise<string> {
    const parent = await store.get(parentId);
    // Only published comments take replies: readers cannot see the others, and a reply must not outlive its
    // parent's approval in a thread.
    if (!parent || parent.page !== page || parent.status !== 'published') {
      throw badField('parentId', 'parentId does not name a published comment on this page.');
    }
    // Answering a reply joins the thread of its top-level comment.
    return parent.parentId ?? parent.id;
  }

  const createComment: Handler = async (request, meta) => {
    checkOrigin(request, config.siteOrigin);
    const input = expectValid(parseNewComment(await readJsonBody(request)));
    const now = context.now();
    const status = statusForNewComment(config.moderation, input.text);
    const name = displayName(input.name);
    const editSecret = context.newSecret();
    const reply = (comment: PublicComment): Response => {
      const body: CreatedResponse = { comment, editSecret, editableUntil: iso(now + EDIT_WINDOW_MS) };
      return json(body, status === 'published' ? 201 : 202);
    };
    const page = await context.knownPage(input.page, 'page');
    const parentId = input.parentId === null ? null : await threadOf(input.parentId, page);
    if (input.honeypot !== '') {
      // Checked like a real post and answered like one (an unknown page is a 404 here too), so the bot learns
      // nothing; nothing is stored.
      return reply({ id: context.newId(), parentId, name, text: input.text, createdAt: iso(now), editedAt: null, status, mine: true, replies: [], ...NO_MORE_REPLIES });
    }
    const record: CommentRecord = {
      id: context.newId(),
      page,
      parentId,
      name,
      text: input.text,
      status,
      createdAt: now,
      editedAt: null,
      secretHash: hashSecret(editSecret),
      clientHash: context.hashedClient(request, meta),
      openReports: 0,
    };
    const { rateRules } = context;
    const admission = await store.insert(record, {
      since: now - rateLookback(rateRules),
      admit: (recent, threadReplies) =>
        threadReplies >= THREAD_REPLIES_MAX ? { admitted: false, threadFull: true } : admitByRate(recent, now, rateRules),
    });
    expectAdmitted(admission, 'comments');
    return reply(publicComment(record, new Set([record.id])));
  };

  /**
   * The comment a PATCH or DELETE is about, once the requester proved they may change it. Erasing needs only the
   * edit secret: its author may erase it for as long as they hold the key, whatever became of the comment.
   */
  async function changeableComment(id: string, editSecret: string | null, admin: boolean, erase = false): Promise<CommentRecord> {
    if (!admin && editSecret === null) throw badField('editSecret', 'editSecret is required (or an admin token).');
    const record = await commentById(store, id);
    if (!record || isErased(record)) throw notFound();
    if (!erase && (record.status === 'deleted' || (record.status === 'rejected' && !admin))) throw notFound();
    if (admin) return record;
    if (!sameSecret(hashSecret(editSecret ?? ''), record.secretHash)) {
      throw new HttpError(403, 'wrong_secret', 'This browser did not post that comment.');
    }
    if (!erase && context.now() - record.createdAt > EDIT_WINDOW_MS) {
      throw new HttpError(403, 'edit_window_closed', 'Comments can be changed for 15 minutes after posting.');
    }
    return record;
  }

  /** Counts an edit or delete against the client's limit (the owner has none); 429 past it. */
  function takeChange(request: Request, meta: RequestMeta, admin: boolean): void {
    if (!admin) expectAdmitted(context.changes.take(context.hashedClient(request, meta), context.now()), 'changes');
  }

  const editComment: Handler = async (request, meta, [id = '']) => {
    checkOrigin(request, config.siteOrigin);
    const admin = context.adminAuthorised(request, meta, false);
    const input = expectValid(parseEdit(await readJsonBody(request)));
    takeChange(request, meta, admin);
    const record = await changeableComment(id, input.editSecret, admin);
    const status: CommentStatus = admin ? record.status : statusAfterEdit(config.moderation, record.status, input.text);
    const edited = await store.edit(record.id, { text: input.text, editedAt: context.now(), status });
    if (!edited) throw notFound();
    // Whoever may edit it sees it whole, also while it waits for approval.
    const body: EditedResponse = { comment: publicComment(edited, new Set([edited.id])) };
    return json(body);
  };

  const deleteComment: Handler = async (request, meta, [id = '']) => {
    checkOrigin(request, config.siteOrigin);
    const admin = context.adminAuthorised(request, meta, false);
    const input = expectValid(parseDelete(await readJsonBody(request)));
    takeChange(request, meta, admin);
    const record = await changeableComment(id, input.editSecret, admin, input.erase);
    if (input.erase) return eraseComment(context, record.id);
    const deleted = await store.setStatus(record.id, { status: 'deleted', reviewed: admin, at: context.now() });
    if (!deleted) throw notFound();
    return json({ id: deleted.id, deleted: true });
  };

  return { createComment, editComment, deleteComment };
}
