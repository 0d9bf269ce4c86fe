/** A run of plain text, or a web address to show as a link. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
/** One line of a paragraph. */
export type CommentLine = TextSegment[];
/** Lines separated by single line breaks. */
export type CommentParagraph = CommentLine[];

/** Links in comments are the commenter's, not the site's: no ranking credit, no referrer, no window handle. */
export const COMMENT_LINK_REL = 'nofollow ugc noopener noreferrer';

/** Only these become links; everything else stays text, whatever it looks like. */
const LINKABLE_PROTOCOLS = new Set(['http:', 'https:']);
/** A web address candidate: the scheme, then everything up to whitespace or a character that cannot end one. */
const URL_CANDIDATE = /https?:\/\/[^\s<>"'`{}|\\^]+/gi;
/** Punctuation that usually ends the sentence around an address rather than the address itself. */
const TRAILING_PUNCTUATION = /[.,;:!?*_~]+$/;

/** Drops sentence punctuation and an unbalanced closing bracket from the end of an address candidate. */
function trimCandidate(candidate: string): string {
  let trimmed = candidate;
  for (;;) {
    const before = trimmed;
    trimmed = trimmed.replace(TRAILING_PUNCTUATION, '');
    // Keep "(…)" that belongs to the address (wiki links), drop a ")" that closes the reader's own bracket.
    if (trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')')) trimmed = trimmed.slice(0, -1);
    if (trimmed === before) return trimmed;
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** The link target for an address the reader typed, or null when it is not a well-formed http(s) URL. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (!LINKABLE_PROTOCOLS.has(url.protocol) || url.hostname === '') return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Splits one line into text and link segments. */
export function segmentsOf(line: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let textStart = 0;
  for (const match of line.matchAll(URL_CANDIDATE)) {
    const candidate = trimCandidate(match[0]);
    const href = safeHref(candidate);
    if (href === null) continue;
    const start = match.index;
    if (start > textStart) segments.push({ kind: 'text', text: line.slice(textStart, start) });
    segments.push({ kind: 'link', text: candidate, href });
    textStart = start + candidate.length;
  }
  if (textStart < line.length) segments.push({ kind: 'text', text: line.slice(textStart) });
  return segments;
}

/**
 * A comment's text as paragraphs of lines of segments: blank lines separate paragraphs, single line breaks
 * separate lines, http(s) addresses become links, and nothing else is interpreted.
 */
export function paragraphsOf(text: string): CommentParagraph[] {
  const paragraphs: CommentParagraph[] = [];
  let current: CommentLine[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(segmentsOf(line));
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** True when the text holds at least one address that would be shown as a link. */
export function containsLink(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => segmentsOf(line).some((segment) => segment.kind === 'link'));
}
