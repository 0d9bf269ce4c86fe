/**
 * Starts Pagefind, once, and only when search is used: pages that are never searched download nothing from
 * /pagefind/. It runs in a web worker, so a search never holds up the page.
 */
import type { PagefindResultData } from '../lib/search-results';
import { highlightParam } from '../lib/search-shortcut';
import { pagefindBundlePath, type SearchAnswer, type SearchRequest, type SearchValue } from '../lib/search-worker-protocol';

/** Omit over each member of a union, keeping it a union. */
type DistributiveOmit<T, Key extends PropertyKey> = T extends unknown ? Omit<T, Key> : never;

export interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
}

/** Search as the islands use it; Pagefind itself runs in src/browser/search-worker.ts. */
export interface PagefindApi {
  /** Resolves to null when a newer call superseded this one. */
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<PagefindSearch | null>;
}

let loading: Promise<PagefindApi> | undefined;

/** The search worker, and the answers it still owes, by question. */
function searchWorker(): { ask(request: DistributiveOmit<SearchRequest, 'id'>): Promise<SearchValue>; stop(): void } {
  // The bundler builds the worker as a file of its own, found by this exact form.
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve(value: SearchValue): void; reject(error: Error): void }>();
  let lastId = 0;
  const failAll = (message: string) => {
    for (const { reject } of waiting.values()) reject(new Error(message));
    waiting.clear();
  };
  worker.addEventListener('message', ({ data }: MessageEvent<SearchAnswer>) => {
    const question = waiting.get(data.id);
    waiting.delete(data.id);
    if ('error' in data) question?.reject(new Error(data.error));
    else question?.resolve(data.value);
  });
  // A worker that cannot load (blocked, or its script is gone) fails every question instead of leaving it hanging.
  worker.addEventListener('error', (event) => failAll(event.message || 'The search worker could not start.'));
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        lastId += 1;
        waiting.set(lastId, { resolve, reject });
        worker.postMessage({ ...request, id: lastId });
      }),
    stop: () => worker.terminate(),
  };
}

/** Pagefind, started in its worker; a failed start (no index yet) is retried next time, in a new worker. */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const worker = searchWorker();
    const language = (document.documentElement.lang || 'unknown').toLowerCase();
    await worker.ask({ kind: 'start', language, options: { highlightParam, excerptLength: 22 } }).catch((error: unknown) => {
      worker.stop();
      throw error;
    });
    const api: PagefindApi = {
      async debouncedSearch(term, options = {}, debounceMs = 300) {
        const ids = (await worker.ask({ kind: 'search', term, options, debounceMs })) as string[] | null;
        return ids && { results: ids.map((resultId) => ({ id: resultId, data: async () => (await worker.ask({ kind: 'data', resultId })) as PagefindResultData })) };
      },
    };
    return api;
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
