/** Checks request bodies field by field, so every rejection names the field at fault. */
import { COMMENT_ID_PATTERN, EDIT_SECRET_PATTERN, REPORT_REASON_MAX } from '../lib/comments/limits.ts';
import { characterCount, nameProblem, plainTextProblem, textProblem } from '../lib/comments/validation.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export interface NewCommentBody {
  page: string;
  text: string;
  name: string;
  parentId: string | null;
  /** Hidden form field that people leave empty; anything in it marks the post as a bot's. */
  honeypot: string;
}

export interface EditBody {
  text: string;
  editSecret: string | null;
}

export interface DeleteBody {
  editSecret: string | null;
  /** Erase the comment for good instead of hiding it. */
  erase: boolean;
}

export interface ReportBody {
  reason: string;
}

export type Fields = Record<string, unknown>;

export function invalid(field: string, message: string): { ok: false; field: string; message: string } {
  return { ok: false, field, message };
}

/** The body as an object with only `allowed` keys, or the first key that does not belong. */
export function fieldsOf(body: unknown, allowed: readonly string[]): Checked<Fields> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid('body', 'The body must be a JSON object.');
  }
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) return invalid(key, `"${key}" is not a field of this request.`);
  }
  return { ok: true, value: body as Fields };
}

export function optionalString(fields: Fields, field: string): Checked<string | null> {
  const value = fields[field];
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value !== 'string') return invalid(field, `${field} must be a string.`);
  return { ok: true, value };
}

export function requiredString(fields: Fields, field: string): Checked<string> {
  const value = fields[field];
  if (typeof value !== 'string') return invalid(field, `${field} is required and must be a string.`);
  return { ok: true, value };
}

function editSecretOf(fields: Fields): Checked<string | null> {
  const secret = optionalString(fields, 'editSecret');
  if (secret.ok && secret.value !== null && !EDIT_SECRET_PATTERN.test(secret.value)) {
    return invalid('editSecret', 'editSecret is not a secret this service hands out.');
  }
  return secret;
}

function checkedText(fields: Fields): Checked<string> {
  const text = requiredString(fields, 'text');
  if (!text.ok) return text;
  const problem = textProblem(text.value);
  return problem === null ? text : invalid('text', problem);
}

export function parseNewComment(body: unknown): Checked<NewCommentBody> {
  const checked = fieldsOf(body, ['page', 'text', 'name', 'parentId', 'honeypot']);
  if (!checked.ok) return checked;
  const fields = checked.value;
  const page = requiredString(fields, 'page');
  if (!page.ok) return page;
  const text = checkedText(fields);
  if (!text.ok) return text;
  const name = optionalString(fields, 'name');
  if (!name.ok) return name;
  const nameIssue = nameProblem(name.value ?? '');
  if (nameIssue !== null) return invalid('name', nameIssue);
  const parentId = optionalString(fields, 'parentId');
  if (!parentId.ok) return parentId;
  if (parentId.value !== null && !COMMENT_ID_PATTERN.test(parentId.value)) {
    return invalid('parentId', 'parentId is not a comment id.');
  }
  const honeypot = optionalString(fields, 'honeypot');
  if (!honeypot.ok) return honeypot;
  return {
    ok: true,
    value: {
      page: page.value,
      text: text.value,
      name: name.value ?? '',
      parentId: parentId.value,
      honeypot: honeypot.value ?? '',
    },
  };
}

export function parseEdit(body: unknown): Checked<EditBody> {
  const checked = fieldsOf(body, ['text', 'editSecret']);
  if (!checked.ok) return checked;
  const editSecret = editSecretOf(checked.value);
  if (!editSecret.ok) return editSecret;
  const text = checkedText(checked.value);
  if (!text.ok) return text;
  return { ok: true, value: { text: text.value, editSecret: editSecret.value } };
}

export function parseDelete(body: unknown): Checked<DeleteBody> {
  const checked = fieldsOf(body, ['editSecret', 'erase']);
  if (!checked.ok) return checked;
  const editSecret = editSecretOf(checked.value);
  if (!editSecret.ok) return editSecret;
  const erase = checked.value['erase'] ?? false;
  if (typeof erase !== 'boolean') return invalid('erase', 'erase must be true or false.');
  return { ok: true, value: { editSecret: editSecret.value, erase } };
}

export function parseReport(body: unknown): Checked<ReportBody> {
  const checked = fieldsOf(body, ['reason']);
  if (!checked.ok) return checked;
  const reason = optionalString(checked.value, 'reason');
  if (!reason.ok) return reason;
  const text = (reason.value ?? '').trim();
  if (characterCount(text) > REPORT_REASON_MAX || plainTextProblem(text, true) !== null) {
    return invalid('reason', `reason must be plain text of at most ${REPORT_REASON_MAX} characters.`);
  }
  return { ok: true, value: { reason: text } };
}

export function parseEmpty(body: unknown): Checked<Record<string, never>> {
  const checked = fieldsOf(body, []);
  if (!checked.ok) return checked;
  return { ok: true, value: {} };
}
