import type { Page } from 'playwright-core';

/**
 * Brings every island on the page to life and waits until each has hydrated (Astro drops an island's `ssr`
 * attribute when it has). client:visible islands are scrolled into view one by one, since an island scrolled past
 * before the browser checked it would never count as seen.
 */
export async function hydrateAllIslands(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const islands = [...document.querySelectorAll('astro-island')];
    for (const island of islands) {
      if (!island.hasAttribute('ssr')) continue;
      // An island with nothing rendered on the server can only hydrate when its directive fires on its own.
      const target = island.firstElementChild ?? island.parentElement;
      target?.scrollIntoView({ block: 'center' });
      await new Promise<void>((resolve, reject) => {
        const hydrated = () => !island.hasAttribute('ssr');
        if (hydrated()) return resolve();
        const observer = new MutationObserver(() => {
          if (!hydrated()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(island, { attributes: true, attributeFilter: ['ssr'] });
        // Not a wait: a failure that names the island and page, instead of the test's own timeout.
        setTimeout(() => reject(new Error(`${island.getAttribute('component-url')} on ${location.pathname} did not hydrate within 30 s`)), 30_000);
      });
    }
    window.scrollTo(0, 0);
    return islands.length;
  });
}
