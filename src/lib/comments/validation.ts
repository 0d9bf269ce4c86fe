import { ANONYMOUS_NAME, NAME_MAX, TEXT_MAX, TEXT_MIN } from './limits.ts';

/** Unicode code points in `text`: what a reader counts as characters, near enough, and what the limits count. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _codePoint of text) count += 1;
  return count;
}

/** Control characters other than tab and line breaks: invisible, and some storage layers mangle them. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Half of a surrogate pair on its own: not text, and it would not survive storage unchanged. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** True when `text` holds no control characters or broken surrogates (nor line breaks, unless `multiline`). */
export function isPlainText(text: string, multiline: boolean): boolean {
  if (CONTROL_CHARACTER.test(text) || LONE_SURROGATE.test(text)) return false;
  return multiline || !LINE_BREAK.test(text);
}

/** What is wrong with a comment's text, in words for the reader, or null when it can be posted. */
export function textProblem(text: string): string | null {
  if (characterCount(text.trim()) < TEXT_MIN) return `Write at least ${TEXT_MIN} characters.`;
  const count = characterCount(text);
  if (count > TEXT_MAX) {
    return `Keep it to ${TEXT_MAX.toLocaleString('en')} characters or fewer (it has ${count.toLocaleString('en')}).`;
  }
  if (!isPlainText(text, true)) return 'Remove the invisible control characters.';
  return null;
}

/** What is wrong with a display name, or null when it can be used (blank is fine: it becomes "Anonymous"). */
export function nameProblem(name: string): string | null {
  if (characterCount(name.trim()) > NAME_MAX) return `Keep the name to ${NAME_MAX} characters or fewer.`;
  if (!isPlainText(name, false)) {
    return 'Use a name on one line, without control characters.';
  }
  return null;
}

/** The name shown and stored for what the reader typed: trimmed, and "Anonymous" when blank. */
export function displayName(name: string): string {
  const trimmed = name.trim();
  return trimmed === '' ? ANONYMOUS_NAME : trimmed;
}
