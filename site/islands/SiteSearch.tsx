// The search page's island: asks the Pagefind index built with the site (one per language) and lists the pages it finds.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { readFilters, withFilters } from '#domain/text/url-filters.ts';

export interface SiteSearchProps {
  /** The address of the search page itself, so a search can be linked and reloaded (?q=…). */
  action: string;
  strings: {
    label: string;
    placeholder: string;
    button: string;
    /** Contains {{query}}. */
    resultsFor: string;
    /** Contains {{query}}. */
    noResults: string;
    searching: string;
    unavailable: string;
  };
}

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}

/** Made by `pagefind --site dist` after `astro build`; absent under `astro dev`, where search says so. */
const PAGEFIND_BUNDLE = '/pagefind/pagefind.js';
const MAX_RESULTS = 20;

let loading: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // Pagefind reads <html lang> and loads that language's index only.
  loading ??= (import(/* @vite-ignore */ PAGEFIND_BUNDLE) as Promise<Pagefind>).then(async (pagefind) => {
    await pagefind.options({ excerptLength: 24 });
    return pagefind;
  });
  return loading;
}

type State =
  | { kind: 'idle' }
  | { kind: 'searching'; query: string }
  | { kind: 'done'; query: string; results: PagefindResult[] }
  | { kind: 'unavailable' };

/** The search's one parameter in the address, read and written as the lists' and the map's filters are. */
const FIELDS = { q: 'text' } as const;

/**
 * Pagefind's excerpt as text with its marked matches, never as HTML put into the page: parsed in an inert document
 * (nothing in it runs or loads), its text kept and only its <mark> elements kept as marks.
 */
function excerptParts(html: string): { text: string; marked: boolean }[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return [...body.childNodes].map((node) => ({ text: node.textContent ?? '', marked: node.nodeName === 'MARK' }));
}

export default function SiteSearch({ action, strings }: SiteSearchProps) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputId = useId();
  const latest = useRef(0);

  // Stable (it uses only state setters and a ref), so the effect below that starts a linked search runs once.
  const run = useCallback(async (text: string) => {
    const trimmed = text.trim();
    const ticket = ++latest.current;
    if (!trimmed) return setState({ kind: 'idle' });
    setState({ kind: 'searching', query: trimmed });
    try {
      const pagefind = await loadPagefind();
      const found = await pagefind.search(trimmed);
      const results = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS).map((result) => result.data()));
      // A slower, older search must not overwrite the answer to a newer one.
      if (ticket === latest.current) setState({ kind: 'done', query: trimmed, results });
    } catch {
      if (ticket === latest.current) setState({ kind: 'unavailable' });
    }
  }, []);

  useEffect(() => {
    const initial = readFilters(window.location.search, FIELDS).q;
    setQuery(initial);
    if (initial) void run(initial);
  }, [run]);

  // Searches as the visitor types, a moment after they pause; the address keeps the query so it can be shared.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const href = withFilters(window.location.href, { q: query });
      if (href !== window.location.href) window.history.replaceState(window.history.state, '', href);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [query]);

  return (
    <div className="site-search-page">
      <search>
        <form
          action={action}
          method="get"
          onSubmit={(event) => {
            event.preventDefault();
            void run(query);
          }}
        >
          <label htmlFor={inputId}>{strings.label}</label>
          <div className="search-row">
            <input
              id={inputId}
              type="search"
              name="q"
              value={query}
              placeholder={strings.placeholder}
              autoComplete="off"
              onChange={(event) => {
                setQuery(event.target.value);
                void run(event.target.value);
              }}
            />
            <button type="submit" className="button">
              {strings.button}
            </button>
          </div>
        </form>
      </search>
      <p className="result-count" role="status" aria-live="polite">
        {state.kind === 'searching' && strings.searching}
        {state.kind === 'done' &&
          fillPlaceholders(state.results.length > 0 ? strings.resultsFor : strings.noResults, { query: state.query })}
        {state.kind === 'unavailable' && strings.unavailable}
      </p>
      {state.kind === 'done' && state.results.length > 0 && (
        <ol className="search-results">
          {state.results.map((result) => (
            <li key={result.url}>
              <a href={result.url}>{result.meta.title ?? result.url}</a>
              <p className="search-excerpt">
                {excerptParts(result.excerpt).map((part, index) =>
                  // biome-ignore lint/suspicious/noArrayIndexKey: an excerpt's parts never move, so their position is their identity
                  part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
