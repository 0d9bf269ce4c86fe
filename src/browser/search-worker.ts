/**
 * Pagefind in a web worker (see src/lib/search-worker-protocol.ts): the page's main thread stays free while the
 * WebAssembly starts and a search reads its index. Pagefind runs here in its single-thread mode, so it starts no
 * worker of its own and nothing is downloaded twice.
 */
import { pagefindBundlePath, type SearchAnswer, type SearchRequest, type SearchValue } from '../lib/search-worker-protocol';
import type { PagefindResultData } from '../lib/search-results';

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string, options: object, debounceMs: number): Promise<{ results: PagefindResult[] } | null>;
}

/** The worker's side of the channel (the project's types are the page's, not a worker's). */
const worker = self as unknown as {
  postMessage(answer: SearchAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
};

let pagefind: Promise<Pagefind> | undefined;
/** Results of the searches so far, by id, so the page can ask for the excerpts it shows. */
const results = new Map<string, PagefindResult>();

async function start(language: string, options: Record<string, unknown>): Promise<Pagefind> {
  // A runtime URL, so the bundler leaves it alone: the file only exists after `npm run build`.
  const loaded = (await import(/* @vite-ignore */ `${pagefindBundlePath}pagefind.js`)) as Pagefind;
  // A worker has no <html lang> for Pagefind to read, so the page says which language's index to load.
  await loaded.options({ ...options, language, noWorker: true });
  await loaded.init();
  return loaded;
}

async function answer(request: SearchRequest): Promise<SearchValue> {
  if (request.kind === 'start') {
    pagefind ??= start(request.language, request.options).catch((error: unknown) => {
      pagefind = undefined;
      throw error;
    });
    await pagefind;
    return null;
  }
  if (!pagefind) throw new Error('Search was asked before it started.');
  const loaded = await pagefind;
  if (request.kind === 'search') {
    const search = await loaded.debouncedSearch(request.term, request.options, request.debounceMs);
    if (!search) return null;
    for (const result of search.results) results.set(result.id, result);
    return search.results.map((result) => result.id);
  }
  const result = results.get(request.resultId);
  if (!result) throw new Error(`No search result ${request.resultId}.`);
  // Only what the page shows crosses over: the page's full text stays here.
  const { url, excerpt, meta, filters, sub_results } = await result.data();
  return { url, excerpt, meta, ...(filters && { filters }), ...(sub_results && { sub_results }) };
}

worker.addEventListener('message', ({ data }) => {
  answer(data).then(
    (value): void => worker.postMessage({ id: data.id, value } satisfies SearchAnswer),
    (error: unknown): void => worker.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) } satisfies SearchAnswer),
  );
});
