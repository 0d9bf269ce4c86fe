/**
 * The pages that take comments: every step and article the site built. Threads exist for nothing else. A built
 * server reads them from the list the build wrote (src/pages/known-pages.json.ts), so answering the API never loads
 * Astro's content runtime; elsewhere (dev server) they come from the content collections.
 */
import { readFile } from 'node:fs/promises';

let titles: Promise<ReadonlyMap<string, string>> | undefined;
let pages: Promise<ReadonlySet<string>> | undefined;

/** Title of each page that takes comments, by canonical path, from the content collections. */
export async function collectionPageTitles(): Promise<ReadonlyMap<string, string>> {
  const { getCollection } = await import('astro:content');
  const [steps, articles] = await Promise.all([getCollection('steps'), getCollection('articles')]);
  return new Map([
    ...steps.map((step) => [`/steps/${step.id}/`, step.data.title] as const),
    ...articles.map((article) => [`/articles/${article.id}/`, article.data.title] as const),
  ]);
}

let loadTitles: () => Promise<ReadonlyMap<string, string>> = collectionPageTitles;

/** Reads the pages from `file`, the JSON object (path → title) the build wrote, instead of the collections. */
export function readKnownPagesFrom(file: URL): void {
  titles = undefined;
  pages = undefined;
  loadTitles = async () => new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, string>));
}

/** Title of each page that takes comments, by canonical path; read once per process. */
export function knownPageTitles(): Promise<ReadonlyMap<string, string>> {
  titles ??= loadTitles();
  return titles;
}

/** Canonical paths (`/steps/<slug>/`, `/articles/<slug>/`). */
export function knownPages(): Promise<ReadonlySet<string>> {
  pages ??= knownPageTitles().then((byPath) => new Set(byPath.keys()));
  return pages;
}
