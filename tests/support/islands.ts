import type { Page } from 'playwright-core';

/**
 * Brings every island on the page to life and waits until each has hydrated (Astro drops an island's `ssr`
 * attribute when it has; a page script started by `wakeOnVisible` drops `data-asleep`). client:visible islands are scrolled into view one by one, since an island scrolled past
 * before the browser checked it would never count as seen. Each is brought in at the bottom edge of the window, so
 * nothing below it comes into view: with `above`, islands inside or below that element are left asleep.
 */
export async function hydrateAllIslands(page: Page, { above }: { above?: string } = {}): Promise<number> {
  return page.evaluate(async (aboveSelector) => {
    const limit = aboveSelector ? document.querySelector(aboveSelector) : null;
    const beforeLimit = (island: Element) =>
      !limit || (!limit.contains(island) && !!(limit.compareDocumentPosition(island) & Node.DOCUMENT_POSITION_PRECEDING));
    const islands = [...document.querySelectorAll('astro-island, [data-wake]')].filter(beforeLimit);
    for (const island of islands) {
      const asleep = island.localName === 'astro-island' ? 'ssr' : 'data-asleep';
      if (!island.hasAttribute(asleep)) continue;
      // An island with nothing rendered on the server can only hydrate when its directive fires on its own.
      const target = island.localName === 'astro-island' ? (island.firstElementChild ?? island.parentElement) : island;
      target?.scrollIntoView({ block: 'end' });
      await new Promise<void>((resolve, reject) => {
        const hydrated = () => !island.hasAttribute(asleep);
        if (hydrated()) return resolve();
        const observer = new MutationObserver(() => {
          if (!hydrated()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(island, { attributes: true, attributeFilter: [asleep] });
        // Not a wait: a failure that names the island and page, instead of the test's own timeout.
        setTimeout(() => reject(new Error(`${island.getAttribute('component-url') ?? island.getAttribute('data-wake')} on ${location.pathname} did not hydrate within 30 s`)), 30_000);
      });
    }
    window.scrollTo(0, 0);
    return islands.length;
  }, above);
}
