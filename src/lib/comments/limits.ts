/** Limits and fixed rules of the comment service, shared by the island and the server. */

/** Fewest characters a comment may have, not counting surrounding whitespace. */
export const TEXT_MIN = 2;
/** Most characters (Unicode code points) a comment may have. */
export const TEXT_MAX = 4000;
/** Most characters of a display name. */
export const NAME_MAX = 60;
/** Shown, and stored, when a reader leaves the name blank. */
export const ANONYMOUS_NAME = 'Anonymous';
/** Most characters of the optional reason given with a report. */
export const REPORT_REASON_MAX = 500;
/** How long after posting its author may edit or delete a comment. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** Top-level comments per page of a thread; replies come with their top-level comment. */
export const THREAD_PAGE_SIZE = 50;
/** Reports from this many different clients hide a comment until the owner reviews it. */
export const REPORTS_TO_HIDE = 3;
/** Largest request body the API reads. A valid comment always fits (4,000 code points are at most 16,000 bytes). */
export const BODY_LIMIT_BYTES = 16 * 1024;
/** Most pages one counts request may ask about. */
export const COUNTS_PAGES_MAX = 100;
/** Most own-comment keys a listing request may carry. */
export const OWN_KEYS_MAX = 50;
/** Comment ids: 16 characters of lower-case base32. */
export const COMMENT_ID_PATTERN = /^[a-z2-7]{16}$/;
/** Edit secrets: 32 random bytes, base64url. */
export const EDIT_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
