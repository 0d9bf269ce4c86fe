/**
 * Loads Pagefind's JS API from the built bundle, once, and only when search is used: pages that
 * are never searched download nothing from /pagefind/.
 */
import type { PagefindResultData } from '../lib/search-results';
import { highlightParam } from '../lib/search-shortcut';

/** Where the Pagefind bundle is served (written there by src/integrations/pagefind.ts). */
const pagefindBundlePath = '/pagefind/';

export interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Resolves to null when a newer call superseded this one. */
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<PagefindSearch | null>;
}

let loading: Promise<PagefindApi> | undefined;

/** The Pagefind API, loaded and initialised; a failed load (no index yet) is retried next time. */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    // A runtime URL, so the bundler leaves it alone: the file only exists after `npm run build`.
    const url = `${pagefindBundlePath}pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await pagefind.options({
      // On the main thread: the index is small, and it saves downloading pagefind-worker.js.
      noWorker: true,
      highlightParam,
      excerptLength: 22,
    });
    await pagefind.init();
    return pagefind;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Marks the words a reader searched for when they arrive from a result (?pagefind-highlight=…). */
export async function highlightSearchTerms(): Promise<void> {
  const url = `${pagefindBundlePath}pagefind-highlight.js`;
  const { default: PagefindHighlight } = (await import(/* @vite-ignore */ url)) as {
    default: new (options: object) => unknown;
  };
  new PagefindHighlight({
    highlightParam,
    // Styled in SearchButton.astro: an injected <style> would need 'unsafe-inline' under the CSP.
    addStyles: false,
    markOptions: { className: 'pagefind-highlight', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
  });
  if (!location.hash) document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
  // The marks stay; the address goes back to the page's own URL, so copying or sharing it is clean.
  const clean = new URL(location.href);
  clean.searchParams.delete(highlightParam);
  history.replaceState(history.state, '', clean);
}
