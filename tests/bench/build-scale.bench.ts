/**
 * Build time and peak memory at scale: this site with 1,000 generated articles, built cold (no cache) and then
 * again with no content change (preview images and content from the cache). Prints figures; asserts nothing.
 *
 *   npm run bench -- tests/bench/build-scale.bench.ts        (ARTICLES=200 for a quicker look)
 */
import { afterAll, test } from 'vitest';
import { createScaleSite, measureBuild, type ScaleSite } from '../support/scale-site';

const articleCount = Number(process.env.ARTICLES ?? 1000);
let site: ScaleSite | undefined;

afterAll(() => site?.remove());

test(`build with ${articleCount} articles`, () => {
  site = createScaleSite(articleCount);
  const cold = measureBuild(site);
  const rebuild = measureBuild(site);
  const row = (figures: typeof cold) => ({ seconds: figures.seconds.toFixed(1), 'peak RSS (MB)': figures.peakRssMb.toFixed(0) });
  console.log(`\nBuild at scale (${articleCount} generated articles on top of the site):`);
  console.table({ 'cold build': row(cold), 'rebuild, no content change': row(rebuild), 'rebuild / cold': { seconds: (rebuild.seconds / cold.seconds).toFixed(2), 'peak RSS (MB)': '' } });
});
