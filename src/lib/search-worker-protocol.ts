/**
 * The messages between the page and the search worker (src/browser/search-worker.ts), which runs Pagefind off the
 * page's main thread: its WebAssembly and its index reads would otherwise hold up the page while a search runs.
 */
import type { PagefindResultData } from './search-results';

/** Where the Pagefind bundle is served (written there by src/integrations/pagefind.ts). */
export const pagefindBundlePath = '/pagefind/';

/** What the page asks. `id` pairs each answer with its question. */
export type SearchRequest =
  | { id: number; kind: 'start'; language: string; options: Record<string, unknown> }
  /** Pagefind's debounced search: a newer search makes an older one answer null. */
  | { id: number; kind: 'search'; term: string; options: object; debounceMs: number }
  /** The excerpt and details of one result of an earlier search. */
  | { id: number; kind: 'data'; resultId: string };

/** What the worker answers: the value asked for, or why it could not. */
export type SearchAnswer = { id: number; value: SearchValue } | { id: number; error: string };

export type SearchValue = null | string[] | PagefindResultData;
