import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { builtPages, fileForPath } from '../support/site';
import { DEFAULT_SITE_URL, siteOrigin } from '../../src/server/entry/site-url.mjs';

const siteUrl = siteOrigin(process.env.SITE_URL) ?? DEFAULT_SITE_URL;
const pages = builtPages();

/** Internal link targets of a page, as site paths with any fragment. */
function internalLinks(html: ReturnType<typeof builtPages>[number]) {
  return html.document
    .querySelectorAll('a[href], link[rel="canonical"], link[rel="alternate"], link[rel="icon"], link[rel="stylesheet"], script[src], img[src]')
    .map((element) => element.getAttribute('href') ?? element.getAttribute('src')!)
    .map((target) => (target.startsWith(siteUrl) ? target.slice(siteUrl.length) || '/' : target))
    .filter((target) => target.startsWith('/') || target.startsWith('#'));
}

describe('links', () => {
  it.each(pages.map((page) => [page.path, page]))('every internal link on %s resolves', (_path, page) => {
    const broken: string[] = [];
    for (const target of internalLinks(page)) {
      const [pathPart, fragment] = target.split('#') as [string, string | undefined];
      const path = pathPart === '' ? page.path : pathPart;
      // API routes are served by the Node server, not files; they are tested against the running server.
      if (path.startsWith('/api/')) continue;
      const file = fileForPath(path);
      if (!file) {
        broken.push(target);
        continue;
      }
      if (fragment && file.endsWith('.html')) {
        const target = parse(readFileSync(file, 'utf8'));
        if (!target.querySelector(`[id="${decodeURIComponent(fragment)}"]`)) broken.push(`${pathPart}#${fragment} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
