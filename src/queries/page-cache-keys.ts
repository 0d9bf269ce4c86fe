import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { lastUpdated } from '../git-dates/last-updated';

/**
 * Cache keys for Astro's incremental build (astro.config.mjs, `experimental.incrementalBuild`): a page of
 * getStaticPaths with a `cacheKey` is copied from the last build instead of rendered, when its key and the code it
 * depends on (Astro hashes that itself) are unchanged. So a key must cover every piece of data the page shows that is
 * not code: its own props, the last-updated date git gives its entry, the collections every page shows (the steps in
 * the navigation, the pages, the quizzes), what the environment sets (the quick-exit address), and, for pages that
 * list articles, the articles.
 */

/** `listsArticles`: the page shows articles (titles, descriptions), so a change to any article's frontmatter renders it again. */
interface KeyOptions {
  listsArticles?: boolean;
}

type KeyedEntry = CollectionEntry<'steps'> | CollectionEntry<'pages'> | CollectionEntry<'articles'> | CollectionEntry<'quizzes'>;

/** `replacer` as JSON.stringify takes it. */
function digestOf(value: unknown, replacer?: (name: string, value: unknown) => unknown): string {
  return createHash('sha256').update(JSON.stringify(value, replacer)).digest('base64url');
}

/** An entry as far as a key needs it: its content's digest (body and frontmatter) and when git last saw it change. */
function entryFingerprint(entry: KeyedEntry): unknown[] {
  return [entry.collection, entry.id, entry.digest ?? entry.data, entry.filePath ? lastUpdated(entry.filePath).toISOString() : null];
}

let siteDigest: Promise<string> | undefined;
/** What every page may show besides its own data; the same for every page of one build. */
function sharedDigest(): Promise<string> {
  siteDigest ??= Promise.all([getCollection('steps'), getCollection('pages'), getCollection('quizzes')]).then((collections) =>
    digestOf([collections.flat().map(entryFingerprint), process.env.QUICK_EXIT_URL ?? null]),
  );
  return siteDigest;
}

let articleDigest: Promise<string> | undefined;
/**
 * What a page that lists articles shows of them: their frontmatter (title, description, steps, date), never their
 * text. So an edit to an article's text renders that article again, not every page that lists it.
 */
function articlesDigest(): Promise<string> {
  articleDigest ??= getCollection('articles').then((articles) => digestOf(articles.map((article) => [article.id, article.data])));
  return articleDigest;
}

/** Entries anywhere in a page's props count by their fingerprint (an index page's props hold a list of them). */
const fingerprintEntries = (_name: string, value: unknown) => (isEntry(value) ? entryFingerprint(value) : value);

/**
 * The cache key of one page: its props, what every page shows, and the articles when the page lists some (a step's
 * related articles, the article index).
 */
async function pageCacheKey(props: Record<string, unknown>, options: KeyOptions): Promise<string> {
  return digestOf([await sharedDigest(), options.listsArticles ? await articlesDigest() : null, props], fingerprintEntries);
}

function isEntry(value: unknown): value is KeyedEntry {
  return typeof value === 'object' && value !== null && 'collection' in value && 'id' in value && 'data' in value;
}

/** getStaticPaths results with their cache keys. */
export function withCacheKeys<Path extends { props: Record<string, unknown> }>(
  paths: Path[],
  options: KeyOptions = {},
): Promise<(Path & { cacheKey: string })[]> {
  return Promise.all(paths.map(async (path) => ({ ...path, cacheKey: await pageCacheKey(path.props, options) })));
}
