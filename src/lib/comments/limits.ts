/** Limits and fixed rules of the comment service, shared by the thread, its forms and the server. */

/** Fewest visible characters a comment may have (spaces and zero-width characters do not count). */
export const TEXT_MIN = 2;
/** Most characters (grapheme clusters, as readers count them) a comment may have. */
export const TEXT_MAX = 4000;
/** Most Unicode code points a comment may have: bounds what the characters above can take in storage. */
export const TEXT_CODE_POINTS_MAX = 2 * TEXT_MAX;
/** Most characters (grapheme clusters) of a display name. */
export const NAME_MAX = 60;
/** Shown, and stored, when a reader leaves the name blank. */
export const ANONYMOUS_NAME = 'Anonymous';
/** Most characters of the optional reason given with a report. */
export const REPORT_REASON_MAX = 500;
/** How long after posting its author may edit or delete a comment. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** Top-level comments per page of a thread; replies come with their top-level comment. */
export const THREAD_PAGE_SIZE = 50;
/** Replies sent with each top-level comment in a listing; the rest come on request, a page at a time. */
export const REPLIES_SHOWN = 10;
/** Replies per request for "Show more replies". */
export const REPLIES_PAGE_SIZE = 20;
/** Most replies (published or waiting) one top-level comment can gather: a conversation, not a flood. */
export const THREAD_REPLIES_MAX = 100;
/** Report reasons kept per comment: the newest ones; older reports still count, without their reason. */
export const REPORT_REASONS_KEPT = 10;
/** Reports from this many different clients hide a comment until the owner reviews it. */
export const REPORTS_TO_HIDE = 3;
/**
 * Largest request body the API reads. A valid comment always fits: 8,000 code points are at most 32,000 bytes of
 * UTF-8, and a 60-character name at most 960 more.
 */
export const BODY_LIMIT_BYTES = 40 * 1024;
/** Most pages one counts request may ask about. */
export const COUNTS_PAGES_MAX = 100;
/** Most own-comment keys a listing request may carry. */
export const OWN_KEYS_MAX = 50;
/** Comment ids: 16 characters of lower-case base32. */
export const COMMENT_ID_PATTERN = /^[a-z2-7]{16}$/;
/** Edit secrets: 32 random bytes, base64url. */
export const EDIT_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
