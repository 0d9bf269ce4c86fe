/**
 * Build time and peak memory: the site as it is, and a copy with 1,000 generated articles, each built cold (a new temp
 * folder: no build cache, no compile cache) and then again with no content change (preview images, compressed
 * copies and the search index from the cache). Prints figures; asserts nothing.
 *
 *   npm run bench -- tests/bench/build-scale.bench.ts        (ARTICLES=200 for a quicker look)
 */
import { afterAll, test } from 'vitest';
import { createScaleSite, measureBuild, type BuildFigures, type ScaleSite } from '../support/scale-site';

const articleCount = Number(process.env.ARTICLES ?? 1000);
const sites: ScaleSite[] = [];

afterAll(() => {
  for (const site of sites) site.remove();
});

/** A cold build and a rebuild of a new copy of the site with `generated` extra articles. */
function coldAndRebuild(generated: number): { cold: BuildFigures; rebuild: BuildFigures } {
  const site = createScaleSite(generated);
  sites.push(site);
  return { cold: measureBuild(site), rebuild: measureBuild(site) };
}

const row = (figures: BuildFigures) => ({
  seconds: figures.seconds.toFixed(1),
  'CPU user (s)': figures.userSeconds.toFixed(1),
  'CPU system (s)': figures.systemSeconds.toFixed(1),
  'peak RSS (MB)': figures.peakRssMb.toFixed(0),
});

test(`build the site, and with ${articleCount} articles`, () => {
  const site = coldAndRebuild(0);
  const scale = coldAndRebuild(articleCount);
  console.log(`\nBuilds (astro build with preview images, search index and compressed copies; wall time on this machine):`);
  console.table({
    'site as it is, cold': row(site.cold),
    'site as it is, rebuild': row(site.rebuild),
    [`${articleCount} articles, cold`]: row(scale.cold),
    [`${articleCount} articles, rebuild (no content change)`]: row(scale.rebuild),
  });
  console.log(`Rebuild / cold at ${articleCount} articles: ${(scale.rebuild.seconds / scale.cold.seconds).toFixed(2)}`);
});
