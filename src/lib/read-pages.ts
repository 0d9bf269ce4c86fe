/**
 * Which guide pages the reader has opened, so the progress track can show a step as "read". Kept in this browser
 * only, under its own key (next to the reader state, not inside it), and deleted with "Delete everything".
 * Reading never throws: anything malformed is dropped.
 */
export const readPagesStorageKey = 'back-together:read';

/** Site path of a guide page (`/steps/take-time/`) → ISO date-time it was first opened. */
export type ReadPages = Readonly<Record<string, string>>;

const maxEntries = 50;
const guidePathPattern = /^\/(?:[a-z0-9-]+\/){1,2}$/;
const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** Reads stored text; `null`, damaged or foreign data is an empty record. */
export function decodeReadPages(text: string | null | undefined): ReadPages {
  let document: unknown;
  try {
    document = JSON.parse(text ?? '{}');
  } catch {
    return {};
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return {};
  const pages: Record<string, string> = {};
  for (const [path, at] of Object.entries(document).slice(0, maxEntries)) {
    if (guidePathPattern.test(path) && typeof at === 'string' && isoDateTimePattern.test(at)) pages[path] = at;
  }
  return pages;
}

/** The record with `path` marked read at `at`; the first visit's date is kept. */
export function withPageRead(pages: ReadPages, path: string, at: Date): ReadPages {
  if (!guidePathPattern.test(path) || path in pages || Object.keys(pages).length >= maxEntries) return pages;
  return { ...pages, [path]: at.toISOString() };
}
