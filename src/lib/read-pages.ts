/**
 * Which guide pages the reader has opened, so the progress track can show a step as "read". Kept in this browser
 * only, under its own key (next to the reader state, not inside it), and deleted with "Delete everything". Guide
 * pages add to it (src/browser/record-visit.ts). Reading never throws: anything malformed is dropped.
 */
/** Its storage key; here, apart from the reader state, so every guide page can write it without loading that module. */
export const readPagesStorageKey = 'back-together:read';

/** Site path of a guide page (`/steps/take-time/`) → ISO date-time it was first opened. */
export type ReadPages = Readonly<Record<string, string>>;

const maxEntries = 50;
const guidePathPattern = /^\/(?:[a-z0-9-]+\/){1,2}$/;
const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** Reads stored text; `null`, damaged or foreign data is an empty record, and entries that aren't a guide path with a date are dropped. */
export function decodeReadPages(text: string | null | undefined): ReadPages {
  try {
    const entries = Object.entries(JSON.parse(text ?? '{}') as object);
    return Object.fromEntries(entries.filter(([path, at]) => guidePathPattern.test(path) && typeof at === 'string' && isoDateTimePattern.test(at)).slice(0, maxEntries));
  } catch {
    return {};
  }
}
