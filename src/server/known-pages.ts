/** The pages that take comments: every step and article the site built. Threads exist for nothing else. */
import { getCollection } from 'astro:content';

let pages: Promise<ReadonlySet<string>> | undefined;

async function loadPages(): Promise<ReadonlySet<string>> {
  const [steps, articles] = await Promise.all([getCollection('steps'), getCollection('articles')]);
  return new Set([...steps.map((step) => `/steps/${step.id}/`), ...articles.map((article) => `/articles/${article.id}/`)]);
}

/** Canonical paths (`/steps/<slug>/`, `/articles/<slug>/`), read from the content collections once per process. */
export function knownPages(): Promise<ReadonlySet<string>> {
  pages ??= loadPages();
  return pages;
}
