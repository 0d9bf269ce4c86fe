/** Checks the bodies of contact requests field by field, so every rejection names the field at fault. */
import { nameProblem, textProblem } from '../../lib/comments/validation.ts';
import { replyToProblem } from '../../lib/contact/validation.ts';
import { fieldsOf, invalid, optionalString, requiredString, type Checked } from '../requests.ts';

export interface NewMessageBody {
  /** Trimmed; empty when not given. */
  name: string;
  /** Trimmed; empty when not given. */
  replyTo: string;
  text: string;
  /** Hidden form field that people leave empty; anything in it marks the post as a bot's. */
  honeypot: string;
}

export function parseNewMessage(body: unknown): Checked<NewMessageBody> {
  const checked = fieldsOf(body, ['name', 'replyTo', 'text', 'honeypot']);
  if (!checked.ok) return checked;
  const fields = checked.value;
  const text = requiredString(fields, 'text');
  if (!text.ok) return text;
  const textIssue = textProblem(text.value);
  if (textIssue !== null) return invalid('text', textIssue);
  const name = optionalString(fields, 'name');
  if (!name.ok) return name;
  const nameIssue = nameProblem(name.value ?? '');
  if (nameIssue !== null) return invalid('name', nameIssue);
  const replyTo = optionalString(fields, 'replyTo');
  if (!replyTo.ok) return replyTo;
  const replyToIssue = replyToProblem(replyTo.value ?? '');
  if (replyToIssue !== null) return invalid('replyTo', replyToIssue);
  const honeypot = optionalString(fields, 'honeypot');
  if (!honeypot.ok) return honeypot;
  return {
    ok: true,
    value: { name: (name.value ?? '').trim(), replyTo: (replyTo.value ?? '').trim(), text: text.value, honeypot: honeypot.value ?? '' },
  };
}

/** `PATCH /api/admin/contact/<id>`: `{ read: true | false }`. */
export function parseReadChange(body: unknown): Checked<{ read: boolean }> {
  const checked = fieldsOf(body, ['read']);
  if (!checked.ok) return checked;
  const read = checked.value['read'];
  if (typeof read !== 'boolean') return invalid('read', 'read is required: true or false.');
  return { ok: true, value: { read } };
}
