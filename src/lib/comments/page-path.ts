/** Site paths that can have a comment thread: lower-case words, with or without a trailing slash. */
const PAGE_PATH = /^(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+\/?$/;

/** The canonical form of a page path from a client (`/steps/x` → `/steps/x/`), or null when it is not one. */
export function normalisePagePath(path: string): string | null {
  if (path.length > 200 || !PAGE_PATH.test(path)) return null;
  return path.endsWith('/') ? path : `${path}/`;
}
