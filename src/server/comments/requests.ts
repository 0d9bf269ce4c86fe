/** The bodies the comments API takes, as zod schemas (see request-body.ts for how a rejection names its field). */
import { z } from 'astro/zod';
import { COMMENT_ID_PATTERN, EDIT_SECRET_PATTERN, REPORT_REASON_MAX } from '../../lib/comments/limits.ts';
import { characterCount, nameProblem, plainTextProblem, textProblem } from '../../lib/comments/validation.ts';
import { checkBody, optionalString, requiredString, without, type Checked } from '../request-body.ts';

const text = without(requiredString('text'), textProblem);
const editSecret = without(optionalString('editSecret'), (secret) =>
  secret !== null && !EDIT_SECRET_PATTERN.test(secret) ? 'editSecret is not a secret this service hands out.' : null,
);

/** Fields in the order they are checked: the first at fault is the one named. */
const NEW_COMMENT = z.strictObject({
  page: requiredString('page'),
  text,
  name: without(optionalString('name'), (name) => nameProblem(name ?? '')).transform((name) => name ?? ''),
  parentId: without(optionalString('parentId'), (id) => (id !== null && !COMMENT_ID_PATTERN.test(id) ? 'parentId is not a comment id.' : null)),
  /** Hidden form field that people leave empty; anything in it marks the post as a bot's. */
  honeypot: optionalString('honeypot').transform((value) => value ?? ''),
});

const EDIT = z.strictObject({ editSecret, text });

const DELETE = z.strictObject({
  editSecret,
  /** Erase the comment for good instead of hiding it. */
  erase: z
    .boolean({ error: 'erase must be true or false.' })
    .nullish()
    .transform((erase) => erase ?? false),
});

const REPORT = z.strictObject({
  reason: without(
    optionalString('reason').transform((reason) => (reason ?? '').trim()),
    (reason) =>
      characterCount(reason) > REPORT_REASON_MAX || plainTextProblem(reason, true) !== null
        ? `reason must be plain text of at most ${REPORT_REASON_MAX} characters.`
        : null,
  ),
});

export type NewCommentBody = z.infer<typeof NEW_COMMENT>;
export type EditBody = z.infer<typeof EDIT>;
export type DeleteBody = z.infer<typeof DELETE>;
export type ReportBody = z.infer<typeof REPORT>;

export const parseNewComment = (body: unknown): Checked<NewCommentBody> => checkBody(NEW_COMMENT, body);
export const parseEdit = (body: unknown): Checked<EditBody> => checkBody(EDIT, body);
export const parseDelete = (body: unknown): Checked<DeleteBody> => checkBody(DELETE, body);
export const parseReport = (body: unknown): Checked<ReportBody> => checkBody(REPORT, body);
