/** The edit secrets a browser keeps for the comments it posted, and how they are read back from storage. */
import { COMMENT_ID_PATTERN, EDIT_SECRET_PATTERN, EDIT_WINDOW_MS, OWN_KEYS_MAX } from './limits.ts';
import { normalisePagePath } from './page-path.ts';

export interface OwnCommentKey {
  secret: string;
  page: string;
  /** Milliseconds since the epoch, from the server's answer. */
  createdAt: number;
}

/** Comment id → its key. */
export type OwnCommentKeys = Record<string, OwnCommentKey>;

/** How long a key is kept: long enough to see one's own comment while it awaits approval. */
export const OWN_KEY_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

function isOwnKey(value: unknown): value is OwnCommentKey {
  if (typeof value !== 'object' || value === null) return false;
  const { secret, page, createdAt } = value as Record<string, unknown>;
  return (
    typeof secret === 'string' &&
    EDIT_SECRET_PATTERN.test(secret) &&
    typeof page === 'string' &&
    normalisePagePath(page) === page &&
    typeof createdAt === 'number' &&
    Number.isFinite(createdAt)
  );
}

/**
 * Keys read from storage: anything malformed (bad JSON, a wrong shape, a bad entry) is dropped and counted,
 * never thrown, as are keys past their lifetime.
 */
export function parseOwnKeys(raw: string | undefined | null, now: number): { keys: OwnCommentKeys; dropped: number } {
  if (raw === undefined || raw === null || raw === '') return { keys: {}, dropped: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { keys: {}, dropped: 1 };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { keys: {}, dropped: 1 };
  const keys: OwnCommentKeys = {};
  let dropped = 0;
  for (const [id, value] of Object.entries(parsed)) {
    if (COMMENT_ID_PATTERN.test(id) && isOwnKey(value) && now - value.createdAt < OWN_KEY_LIFETIME_MS) {
      keys[id] = { secret: value.secret, page: value.page, createdAt: value.createdAt };
    } else {
      dropped += 1;
    }
  }
  return { keys, dropped };
}

/** The X-Comment-Keys header value for a page: `id:secret` pairs, newest first, at most as many as the server reads. */
export function ownKeysHeader(keys: OwnCommentKeys, page: string): string {
  return Object.entries(keys)
    .filter(([, key]) => key.page === page)
    .sort(([, a], [, b]) => b.createdAt - a.createdAt)
    .slice(0, OWN_KEYS_MAX)
    .map(([id, key]) => `${id}:${key.secret}`)
    .join(',');
}

/** True while the author may still edit or delete the comment. */
export function canStillChange(key: OwnCommentKey | undefined, now: number): boolean {
  return key !== undefined && now - key.createdAt <= EDIT_WINDOW_MS;
}

/** "1 comment", "12 comments": the label next to a page link. */
export function commentCountLabel(count: number): string {
  return count === 1 ? '1 comment' : `${count.toLocaleString('en')} comments`;
}

/** localStorage key holding the edit secrets of the reader's own recent comments. */
export const OWN_KEYS_STORAGE_KEY = 'back-together:comment-keys';
