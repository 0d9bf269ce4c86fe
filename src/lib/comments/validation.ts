import { graphemeCount, hasHiddenCharacters, longestMarkRun, MARKS_PER_CHARACTER_MAX, visibleCount } from './graphemes.ts';
import { ANONYMOUS_NAME, NAME_MAX, TEXT_CODE_POINTS_MAX, TEXT_MAX, TEXT_MIN } from './limits.ts';

/** Characters as a reader counts them (grapheme clusters: "é", "👩‍💻" and "🇳🇿" are one each): what the limits count. */
export const characterCount = graphemeCount;

/** Unicode code points: what storage and the body limit care about. */
function codePointCount(text: string): number {
  let count = 0;
  for (const _codePoint of text) count += 1;
  return count;
}

/** Control characters other than tab and line breaks: invisible, and some storage layers mangle them. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Half of a surrogate pair on its own: not text, and it would not survive storage unchanged. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

const TOO_MANY_MARKS = `Use at most ${MARKS_PER_CHARACTER_MAX} accents or other combining marks on one letter.`;
const BROKEN_CHARACTER = 'Remove the broken character (half of an emoji or other surrogate pair, usually left by a bad copy and paste).';

/** What makes `text` not plain text (control characters, broken surrogates, or line breaks unless `multiline`), or null. */
export function plainTextProblem(text: string, multiline: boolean): string | null {
  if (LONE_SURROGATE.test(text)) return BROKEN_CHARACTER;
  if (CONTROL_CHARACTER.test(text)) return 'Remove the invisible control characters.';
  if (!multiline && LINE_BREAK.test(text)) return 'Keep it on one line.';
  return null;
}

/** What is wrong with a comment's text, in words for the reader, or null when it can be posted. */
export function textProblem(text: string): string | null {
  const plain = plainTextProblem(text, true);
  if (plain !== null) return plain;
  if (visibleCount(text) < TEXT_MIN) return `Write at least ${TEXT_MIN} visible characters.`;
  const count = characterCount(text);
  if (count > TEXT_MAX || codePointCount(text) > TEXT_CODE_POINTS_MAX) {
    return `Keep it to ${TEXT_MAX.toLocaleString('en')} characters or fewer (it has ${count.toLocaleString('en')}).`;
  }
  if (longestMarkRun(text) > MARKS_PER_CHARACTER_MAX) return TOO_MANY_MARKS;
  return null;
}

/** What is wrong with a display name, or null when it can be used (blank is fine: it becomes "Anonymous"). */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  const plain = plainTextProblem(name, false);
  if (plain !== null) return plain === 'Keep it on one line.' ? 'Use a name on one line.' : plain;
  if (characterCount(trimmed) > NAME_MAX || codePointCount(trimmed) > NAME_MAX * 4) {
    return `Keep the name to ${NAME_MAX} characters or fewer.`;
  }
  if (hasHiddenCharacters(trimmed)) {
    return 'Remove the invisible or text-direction characters from the name: it must show as it is typed.';
  }
  if (longestMarkRun(trimmed) > MARKS_PER_CHARACTER_MAX) return TOO_MANY_MARKS;
  if (visibleCount(trimmed) === 0) return 'Use at least one visible character, or leave the name blank.';
  return null;
}

/** The name shown and stored for what the reader typed: trimmed, and "Anonymous" when blank. */
export function displayName(name: string): string {
  const trimmed = name.trim();
  return trimmed === '' ? ANONYMOUS_NAME : trimmed;
}
