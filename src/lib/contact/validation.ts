/** Checks for the contact form's own field; the message and name follow the comment rules (lib/comments/validation). */
import { characterCount, plainTextProblem } from '../comments/validation.ts';
import { REPLY_TO_MAX } from './limits.ts';

/** Something@somewhere.tld without spaces: loose on purpose, since only the owner reads it and answers by hand. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/u;

/** What is wrong with an optional reply address, or null when it can be used (blank is fine: no reply possible). */
export function replyToProblem(replyTo: string): string | null {
  const trimmed = replyTo.trim();
  if (trimmed === '') return null;
  if (characterCount(trimmed) > REPLY_TO_MAX) return `Keep the address to ${REPLY_TO_MAX} characters or fewer.`;
  if (plainTextProblem(trimmed, false) !== null || !EMAIL_SHAPE.test(trimmed)) {
    return 'Give an email address such as name@example.org, or leave it empty.';
  }
  return null;
}
