import { COMMENT_ID_PATTERN } from './limits.ts';

/** Reading order of a thread's top-level comments. */
export type ThreadSort = 'oldest' | 'newest';
export const THREAD_SORTS: readonly ThreadSort[] = ['oldest', 'newest'];

/** Where the next page of a thread starts: after this comment, in this order. */
export interface ThreadCursor {
  sort: ThreadSort;
  createdAt: number;
  id: string;
}

function toBase64Url(ascii: string): string {
  return btoa(ascii).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The opaque string a client sends back to get the next page. */
export function encodeCursor(cursor: ThreadCursor): string {
  return toBase64Url(`${cursor.sort}.${cursor.createdAt}.${cursor.id}`);
}

/** The cursor in a string from a client, or null when it is not one this service made. */
export function decodeCursor(encoded: string): ThreadCursor | null {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(encoded)) return null;
  let decoded: string;
  try {
    decoded = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const [sort, createdAt, id, ...rest] = decoded.split('.');
  if (rest.length > 0 || (sort !== 'oldest' && sort !== 'newest')) return null;
  if (createdAt === undefined || !/^\d{1,15}$/.test(createdAt)) return null;
  if (id === undefined || !COMMENT_ID_PATTERN.test(id)) return null;
  return { sort, createdAt: Number(createdAt), id };
}
