/**
 * Pure helpers for the search UI: what Pagefind returns, turned into what a result shows, and
 * the /search/ URL that makes a search shareable. No DOM, no Pagefind import.
 */

/** Results whose excerpts load at first; "Show more" loads the next batch (each is a small fetch). */
export const resultBatchSize = 5;
/** Section matches shown under a page result. */
export const maxSubResults = 3;

/** Kinds a result can be filtered by (Guide.astro sets data-pagefind-filter="kind:…"). */
export const kindFilters = [
  { value: 'all', label: 'Everything' },
  { value: 'step', label: 'Steps' },
  { value: 'article', label: 'Articles' },
  { value: 'page', label: 'Other pages' },
] as const;
export type KindFilter = (typeof kindFilters)[number]['value'];

/** The parts of Pagefind's result data the UI reads. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
  sub_results?: PagefindSubResult[];
}

/** One piece of an excerpt: plain text, or a matched word Pagefind wrapped in <mark>. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** What one result shows. */
export interface ShownResult {
  url: string;
  title: string;
  /** "Step 3", "Article", or undefined for other pages. */
  kicker?: string;
  excerpt: ExcerptPart[];
  subResults: { url: string; title: string; excerpt: ExcerptPart[] }[];
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Splits a Pagefind excerpt into text and marked parts. The excerpt is HTML with only <mark>
 * tags; rendering it as parts (never as HTML) keeps page text from ever becoming markup.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      marked = piece === '<mark>';
      continue;
    }
    const text = piece.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity] ?? entity);
    if (text) parts.push({ text, marked });
  }
  return parts;
}

/** "Step 3" for a step, "Article" for an article, nothing for other pages. */
export function resultKicker(data: Pick<PagefindResultData, 'meta' | 'filters'>): string | undefined {
  const kind = data.filters?.['kind']?.[0];
  if (kind === 'step' && data.meta['step']) return `Step ${data.meta['step']}`;
  if (kind === 'article') return 'Article';
  return undefined;
}

/** A Pagefind result as the UI shows it: sub-results are the matching sections (headings with ids). */
export function shownResult(data: PagefindResultData): ShownResult {
  const kicker = resultKicker(data);
  return {
    url: data.url,
    title: data.meta['title'] ?? data.url,
    ...(kicker && { kicker }),
    excerpt: excerptParts(data.excerpt),
    subResults: (data.sub_results ?? [])
      .filter((sub) => sub.url.includes('#'))
      .slice(0, maxSubResults)
      .map((sub) => ({ url: sub.url, title: sub.title, excerpt: excerptParts(sub.excerpt) })),
  };
}

/** What the live region says once a search has finished. */
export function resultCountMessage(count: number, query: string): string {
  if (count === 0) return `No results for “${query}”. Try another word, or browse the steps.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${query}”`;
}

/** The search a /search/ URL asks for: ?q=counselling&kind=step. Unknown kinds mean everything. */
export function searchFromUrl(search: string): { query: string; kind: KindFilter } {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  const known = kindFilters.find((filter) => filter.value === kind);
  return { query: (params.get('q') ?? '').trim(), kind: known ? known.value : 'all' };
}

/** Pagefind search options for a kind filter. */
export function searchOptions(kind: KindFilter): { filters?: { kind: string } } {
  return kind === 'all' ? {} : { filters: { kind } };
}
