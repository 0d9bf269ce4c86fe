import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { entryFacts, loadArticles, loadSteps } from '../queries/guide-data';
import { articlePath, stepPath } from '../lib/guide';

/** The feed lists the steps in order, then the articles. */
export const GET: APIRoute = async () => {
  const steps = (await loadSteps()).map((entry) => ({
    title: `Step ${entry.data.step}: ${entry.data.title}`,
    description: entry.data.description,
    link: stepPath(entry.id),
    pubDate: entryFacts(entry).updated,
  }));
  const articles = (await loadArticles()).map((entry) => ({
    title: entry.data.title,
    description: entry.data.description,
    link: articlePath(entry.id),
    pubDate: entry.data.published,
  }));
  return rss({
    title: 'Back Together',
    description: 'A calm, private nine-step guide for after a breakup: get your ex back with honesty, or move on well.',
    site: import.meta.env.SITE,
    items: [...steps, ...articles],
    customData: '<language>en-gb</language>',
  });
};
