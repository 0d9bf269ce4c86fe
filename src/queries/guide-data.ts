import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { articlePath, guideSequence, orderedSteps, readingMinutes, readingText, stepLinks } from '../lib/guide';
import { lastUpdated } from '../git-dates/last-updated';

/** Steps in guide order. */
export async function loadSteps(): Promise<CollectionEntry<'steps'>[]> {
  return orderedSteps(await getCollection('steps'));
}

/** The reading order used by the step navigation and prev/next links. */
export async function loadSequence() {
  return guideSequence(await getCollection('steps'));
}

/** Step navigation links (steps only). */
export async function loadStepLinks() {
  return stepLinks(await getCollection('steps'));
}

/** Articles, newest first. */
export async function loadArticles(): Promise<CollectionEntry<'articles'>[]> {
  return (await getCollection('articles')).sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
}

/** Articles that deepen a step, as links. */
export async function articlesForStep(stepSlug: string) {
  return (await loadArticles())
    .filter((article) => article.data.steps.includes(stepSlug))
    .map((article) => ({ href: articlePath(article.id), title: article.data.title, description: article.data.description }));
}

type GuideEntry = CollectionEntry<'steps'> | CollectionEntry<'pages'> | CollectionEntry<'articles'>;

/** Reading time and last-updated date of a content entry. */
export function entryFacts(entry: GuideEntry): { minutes: number; updated: Date } {
  if (!entry.filePath) throw new Error(`Content entry "${entry.id}" has no file path`);
  const filePath = entry.filePath;
  return { minutes: readingMinutes(readingText(entry, () => readFileSync(filePath, 'utf8'))), updated: lastUpdated(filePath) };
}
