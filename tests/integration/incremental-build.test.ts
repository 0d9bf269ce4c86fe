/**
 * Rebuilds copy the pages whose data and code did not change from the last build (Astro's incremental build, keyed by
 * src/queries/page-cache-keys.ts). A copy of the site in a temp folder is built six times: cold, with no change, and
 * after four changes that must each render again exactly the pages that show what changed. (A page copied from the
 * cache that names a file the build did not write stops the build: tests/unit/asset-check.test.ts.)
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPagefindFile } from '../../src/integrations/search-bundle';
import { buildScaleSite, commitScaleSite, createScaleSite, generatedArticle, type ScaleSite } from '../support/scale-site';

let site: ScaleSite;

beforeAll(() => {
  site = createScaleSite(0);
}, 120_000);
afterAll(() => site?.remove());

/** The build log's page lines: which pages were copied from the last build, which rendered. */
function pagesOf(log: string): { restored: Set<string>; rendered: Set<string> } {
  const restored = new Set<string>();
  const rendered = new Set<string>();
  // Without colours: the log has them where the environment says CI.
  for (const line of log.replace(/\x1b\[[\d;]*m/g, '').split('\n')) {
    const page = /[├└]─ (\S+) \((restored|cached|\+[\d.]+m?s)\)/.exec(line);
    if (!page) continue;
    (page[2] === 'restored' || page[2] === 'cached' ? restored : rendered).add(page[1]!);
  }
  return { restored, rendered };
}

/**
 * Every file of the build's output with a hash of its bytes; but Astro's server entry, which carries a key Astro
 * draws anew for every build (for server islands, which this site has none of).
 */
function outputHashes(): Map<string, string> {
  const dist = join(site.root, 'dist');
  const hashes = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (relative(dist, path) !== 'server/astro-entry.mjs') hashes.set(relative(dist, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dist);
  return hashes;
}

const page = (path: string) => readFileSync(join(site.root, 'dist/client', path), 'utf8');

/** The address of every page in the search index (one fragment per page). */
function indexedUrls(): string[] {
  const fragments = join(site.root, 'dist/client/pagefind/fragment');
  return readdirSync(fragments)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => (JSON.parse(readPagefindFile(join(fragments, name)).toString('utf8')) as { url: string }).url);
}

describe('incremental build', () => {
  let cold: ReturnType<typeof pagesOf>;
  let coldOutput: Map<string, string>;

  beforeAll(() => {
    cold = pagesOf(buildScaleSite(site));
    coldOutput = outputHashes();
  }, 120_000);

  test('a cold build renders every page', () => {
    expect(cold.restored.size).toBe(0);
    expect(cold.rendered).toContain('/articles/no-contact/index.html');
    expect(cold.rendered).toContain('/og/steps/take-time.png');
  });

  test('with nothing changed, every page with data of its own is copied, and the output is the same to the byte', () => {
    const again = pagesOf(buildScaleSite(site));
    for (const path of ['/articles/no-contact/index.html', '/steps/take-time/index.html', '/about/index.html', '/og/steps/take-time.png', '/steps/take-time/result/ready-to-reach-out/index.html']) {
      expect(again.restored, path).toContain(path);
    }
    // Pages without getStaticPaths (home, progress, search …) render every time; they are a dozen.
    expect(again.rendered.size).toBeLessThan(20);
    expect(outputHashes()).toEqual(coldOutput);
  }, 120_000);

  test("an article's text edited: that article renders again, with its new text; the pages that list it are copied", () => {
    appendFileSync(join(site.root, 'content/articles/no-contact.md'), '\nA sentence added for the incremental build test.\n');
    commitScaleSite(site, 'edit one article');
    const edited = pagesOf(buildScaleSite(site));
    expect(edited.rendered).toContain('/articles/no-contact/index.html');
    expect(page('articles/no-contact/index.html')).toContain('A sentence added for the incremental build test.');
    // Its compressed copies, kept from the last build beside it, are the new page's.
    for (const [suffix, decompress] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]] as const) {
      expect(decompress(readFileSync(join(site.root, 'dist/client/articles/no-contact/index.html' + suffix))).toString('utf8')).toBe(page('articles/no-contact/index.html'));
    }
    expect(edited.restored).toContain('/articles/tonight/index.html');
    // A step lists its articles' titles and descriptions, not their text.
    expect(edited.restored).toContain('/steps/take-time/index.html');
  }, 120_000);

  test("an article's description edited: the pages that list it render again and show it", () => {
    const file = join(site.root, 'content/articles/tonight.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^description: .*$/m, 'description: A description changed for the incremental build test.'));
    commitScaleSite(site, 'describe one article anew');
    const described = pagesOf(buildScaleSite(site));
    // "Tonight" goes with step 3, whose related articles show its description.
    expect(described.rendered).toContain('/steps/take-time/index.html');
    expect(page('steps/take-time/index.html')).toContain('A description changed for the incremental build test.');
    expect(page('articles/index.html')).toContain('A description changed for the incremental build test.');
    expect(described.restored).toContain('/articles/no-contact/index.html');
  }, 120_000);

  test('an article added, then deleted: its page, image and compressed copies come and go, and nothing lists it after', () => {
    const file = join(site.root, 'content/articles/added-for-the-test.md');
    const outputs = ['articles/added-for-the-test/index.html', 'articles/added-for-the-test/index.html.br', 'articles/added-for-the-test/index.html.gz', 'og/articles/added-for-the-test.png'];
    const listings = ['articles/index.html', 'sitemap-0.xml', 'rss.xml'];
    writeFileSync(file, generatedArticle(1));
    commitScaleSite(site, 'add an article');
    expect(pagesOf(buildScaleSite(site)).rendered).toContain('/articles/added-for-the-test/index.html');
    for (const path of outputs) expect(existsSync(join(site.root, 'dist/client', path)), path).toBe(true);
    for (const path of listings) expect(page(path), path).toContain('added-for-the-test');
    expect(indexedUrls()).toContain('/articles/added-for-the-test/');

    rmSync(file);
    commitScaleSite(site, 'delete the article');
    buildScaleSite(site);
    for (const path of outputs) expect(existsSync(join(site.root, 'dist/client', path)), path).toBe(false);
    expect(existsSync(join(site.root, 'dist/client/articles/added-for-the-test')), 'its folder').toBe(false);
    for (const path of listings) expect(page(path), path).not.toContain('added-for-the-test');
    expect(indexedUrls()).not.toContain('/articles/added-for-the-test/');
    expect(indexedUrls()).toContain('/articles/tonight/');
  }, 120_000);

  test('a step renamed: every page renders again, since every page shows the steps', () => {
    const file = join(site.root, 'content/steps/03-take-time.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('navTitle: Take time apart', 'navTitle: Time apart, renamed'));
    commitScaleSite(site, 'rename a step');
    const renamed = pagesOf(buildScaleSite(site));
    expect(renamed.rendered).toContain('/articles/tonight/index.html');
    expect(page('articles/tonight/index.html')).toContain('Time apart, renamed');
    // The images show titles, not the navigation: copied.
    expect(renamed.restored).toContain('/og/articles/tonight.png');
  }, 120_000);

  test('a new quick-exit address: every page renders again with it', () => {
    const moved = pagesOf(buildScaleSite(site, { QUICK_EXIT_URL: 'https://weather.example/' }));
    expect(moved.rendered).toContain('/articles/tonight/index.html');
    expect(page('articles/tonight/index.html')).toContain('https://weather.example/');
  }, 120_000);
});
