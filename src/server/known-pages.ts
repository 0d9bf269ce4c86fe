/** The pages that take comments: every step and article the site built. Threads exist for nothing else. */
import { getCollection } from 'astro:content';

let titles: Promise<ReadonlyMap<string, string>> | undefined;
let pages: Promise<ReadonlySet<string>> | undefined;

async function loadTitles(): Promise<ReadonlyMap<string, string>> {
  const [steps, articles] = await Promise.all([getCollection('steps'), getCollection('articles')]);
  return new Map([
    ...steps.map((step) => [`/steps/${step.id}/`, step.data.title] as const),
    ...articles.map((article) => [`/articles/${article.id}/`, article.data.title] as const),
  ]);
}

/** Title of each page that takes comments, by canonical path; read from the content collections once per process. */
export function knownPageTitles(): Promise<ReadonlyMap<string, string>> {
  titles ??= loadTitles();
  return titles;
}

/** Canonical paths (`/steps/<slug>/`, `/articles/<slug>/`). */
export function knownPages(): Promise<ReadonlySet<string>> {
  pages ??= knownPageTitles().then((byPath) => new Set(byPath.keys()));
  return pages;
}
