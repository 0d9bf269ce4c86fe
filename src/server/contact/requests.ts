/** The bodies the contact API takes, as zod schemas (see request-body.ts for how a rejection names its field). */
import { z } from 'astro/zod';
import { nameProblem, textProblem } from '../../lib/comments/validation.ts';
import { replyToProblem } from '../../lib/contact/validation.ts';
import { checkBody, optionalString, requiredString, without, type Checked } from '../request-body.ts';

/** Fields in the order they are checked: the first at fault is the one named. */
const NEW_MESSAGE = z.strictObject({
  text: without(requiredString('text'), textProblem),
  /** Trimmed; empty when not given. */
  name: without(optionalString('name'), (name) => nameProblem(name ?? '')).transform((name) => (name ?? '').trim()),
  /** Trimmed; empty when not given. */
  replyTo: without(optionalString('replyTo'), (replyTo) => replyToProblem(replyTo ?? '')).transform((replyTo) => (replyTo ?? '').trim()),
  /** Hidden form field that people leave empty; anything in it marks the post as a bot's. */
  honeypot: optionalString('honeypot').transform((value) => value ?? ''),
});

/** `PATCH /api/admin/contact/<id>`: `{ read: true | false }`. */
const READ_CHANGE = z.strictObject({ read: z.boolean({ error: 'read is required: true or false.' }) });

export type NewMessageBody = z.infer<typeof NEW_MESSAGE>;

export const parseNewMessage = (body: unknown): Checked<NewMessageBody> => checkBody(NEW_MESSAGE, body);
export const parseReadChange = (body: unknown): Checked<{ read: boolean }> => checkBody(READ_CHANGE, body);
