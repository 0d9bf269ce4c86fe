/**
 * Search over Pagefind's JS API, for the header dialog and the /search/ page. Keyboard: ↓ from the
 * field moves into the results, ↑/↓ move between them, Enter opens one; the result count is
 * announced in a live region. Excerpts are rendered as text with <mark>, never as HTML.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { loadPagefind, type PagefindSearch } from '../browser/pagefind';
import {
  kindFilters,
  resultBatchSize,
  resultCountMessage,
  searchFromUrl,
  searchOptions,
  shownResult,
  type ExcerptPart,
  type KindFilter,
  type ShownResult,
} from '../lib/search-results';
import '../styles/search.css';

interface Props {
  /**
   * "page" runs the search in its link (?q=, so a search can be shared) and then takes it out of the address, so
   * the words stay out of the browser's history; "dialog" sits in the header's dialog.
   */
  variant: 'dialog' | 'page';
  /** Called on Escape in the field (the dialog closes itself). */
  onEscape?: () => void;
}

interface SearchState {
  /** "searching" keeps the previous results on screen, so typing does not make the list flicker. */
  status: 'idle' | 'searching' | 'done' | 'unavailable';
  query: string;
  results: ShownResult[];
  /** Results whose excerpts are not loaded yet ("Show more"). */
  pending: PagefindSearch['results'];
}

const idle: SearchState = { status: 'idle', query: '', results: [], pending: [] };

const unavailableMessage = import.meta.env.DEV
  ? 'Search uses the index that npm run build makes. Run it once, then reload this page.'
  : 'Search isn’t available right now. You can still browse the steps.';

function Excerpt({ parts }: { parts: ExcerptPart[] }) {
  return <>{parts.map((part) => (part.marked ? <mark>{part.text}</mark> : part.text))}</>;
}

const loadResults = (results: PagefindSearch['results']) => Promise.all(results.map(async (result) => shownResult(await result.data())));

export function Search({ variant, onEscape }: Props) {
  const initial = variant === 'page' && typeof location !== 'undefined' ? searchFromUrl(location.search) : { query: '', kind: 'all' as KindFilter };
  const [query, setQuery] = useState(initial.query);
  const [kind, setKind] = useState<KindFilter>(initial.kind);
  const [state, setState] = useState<SearchState>(idle);
  const [loadingMore, setLoadingMore] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const id = useId();

  // Loads Pagefind as soon as search is shown, so the first query only waits for its own chunks.
  useEffect(() => {
    loadPagefind().catch(() => setState({ ...idle, status: 'unavailable' }));
    // Someone checking this device's history sees that the search page was open, never what was looked for.
    if (variant === 'page' && location.search !== '') history.replaceState(history.state, '', location.pathname);
  }, []);

  useEffect(() => {
    const term = query.trim();
    if (!term) {
      setState((current) => (current.status === 'unavailable' ? current : idle));
      return;
    }
    let stale = false;
    setState((current) => (current.status === 'unavailable' ? current : { ...current, status: 'searching' }));
    (async () => {
      const pagefind = await loadPagefind();
      const search = await pagefind.debouncedSearch(term, searchOptions(kind), 150);
      // null: a newer keystroke replaced this search.
      if (!search || stale) return;
      const results = await loadResults(search.results.slice(0, resultBatchSize));
      if (!stale) setState({ status: 'done', query: term, results, pending: search.results.slice(resultBatchSize) });
    })().catch(() => {
      if (!stale) setState({ ...idle, status: 'unavailable' });
    });
    return () => {
      stale = true;
    };
  }, [query, kind, variant]);

  const showMore = async () => {
    if (state.status !== 'done') return;
    setLoadingMore(true);
    const firstNew = state.results.length;
    try {
      const more = await loadResults(state.pending.slice(0, resultBatchSize));
      setState({ ...state, results: [...state.results, ...more], pending: state.pending.slice(resultBatchSize) });
    } finally {
      setLoadingMore(false);
    }
    // Keep the keyboard where the reader was heading: the first of the new results.
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>(':scope > li > a')[firstNew]?.focus());
  };

  /** ↑/↓ move through the field and every result link; Enter follows the focused link natively. */
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [field.current, ...(list.current?.querySelectorAll<HTMLElement>('a') ?? [])].filter((stop): stop is HTMLElement => !!stop);
    const index = stops.indexOf(document.activeElement as HTMLElement);
    if (index === -1) return;
    const next = stops[event.key === 'ArrowDown' ? Math.min(index + 1, stops.length - 1) : Math.max(index - 1, 0)];
    event.preventDefault();
    next?.focus();
  };

  // Only finished searches are announced: a message per keystroke would talk over the reader's typing.
  const status =
    state.status === 'done'
      ? resultCountMessage(state.results.length + state.pending.length, state.query)
      : state.status === 'unavailable'
        ? unavailableMessage
        : '';
  const hasResults = (state.status === 'done' || state.status === 'searching') && state.results.length > 0;

  /** Enter in the field opens the first result. */
  const openFirst = (event: Event) => {
    event.preventDefault();
    const first = state.results[0];
    if (state.status === 'done' && first) location.assign(first.url);
  };

  return (
    <div class={`search search-in-${variant}`} onKeyDown={onKeyDown}>
      <form role="search" class="search-form" action="/search/" method="get" onSubmit={openFirst}>
        <label for={`${id}-field`} class="search-label">
          {variant === 'page' ? 'Words to look for' : 'Search the guide'}
        </label>
        <input
          ref={field}
          id={`${id}-field`}
          class="search-field"
          type="search"
          name="q"
          value={query}
          autocomplete="off"
          spellcheck={false}
          enterKeyHint="search"
          aria-describedby={`${id}-status`}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <fieldset class="search-kinds">
          <legend class="visually-hidden">Show</legend>
          {kindFilters.map((filter) => (
            <label key={filter.value} class="search-kind">
              <input type="radio" name="kind" value={filter.value} checked={kind === filter.value} onChange={() => setKind(filter.value)} />
              <span>{filter.label}</span>
            </label>
          ))}
        </fieldset>
      </form>
      <p id={`${id}-status`} class="search-status" role="status">
        {status}
      </p>
      {state.status === 'unavailable' && (
        <p>
          <a href="/#steps-title">Browse the nine steps</a>
        </p>
      )}
      {hasResults && (
        <ol ref={list} class="search-results" aria-label={`Results for “${state.query}”`} aria-busy={state.status === 'searching'}>
          {state.results.map((result) => (
            <li key={result.url} class="search-result">
              <a href={result.url} class="search-result-link">
                <span class="search-result-title">
                  {result.kicker && <span class="search-result-kicker">{result.kicker} · </span>}
                  {result.title}
                </span>
                <span class="search-result-excerpt">
                  <Excerpt parts={result.excerpt} />
                </span>
              </a>
              {result.subResults.length > 0 && (
                <ul class="search-subresults" aria-label={`Sections of “${result.title}”`}>
                  {result.subResults.map((sub) => (
                    <li key={sub.url}>
                      <a href={sub.url} class="search-subresult-link">
                        <span class="search-result-title">{sub.title}</span>
                        <span class="search-result-excerpt">
                          <Excerpt parts={sub.excerpt} />
                        </span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {state.status === 'done' && state.pending.length > 0 && (
        <button type="button" class="search-more" onClick={showMore} disabled={loadingMore}>
          Show more results
        </button>
      )}
    </div>
  );
}

export default Search;
