// The search page's island: asks the Pagefind index built with the site (one per language) and lists the pages it finds.
import { useEffect, useId, useRef, useState } from 'react';

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

const fill = (template: string, query: string) => template.replace('{{query}}', query);

export default function SiteSearch({ action, strings }: SiteSearchProps) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputId = useId();
  const latest = useRef(0);

  async function run(text: string) {
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
  }

  useEffect(() => {
    const initial = new URLSearchParams(window.location.search).get('q') ?? '';
    setQuery(initial);
    if (initial) void run(initial);
  }, []);

  // Searches as the visitor types, a moment after they pause; the address keeps the query so it can be shared.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const url = new URL(window.location.href);
      if (query.trim()) url.searchParams.set('q', query.trim());
      else url.searchParams.delete('q');
      if (url.href !== window.location.href) window.history.replaceState(null, '', url);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [query]);

  return (
    <div className="site-search-page">
      <form
        role="search"
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
      <p className="result-count" role="status" aria-live="polite">
        {state.kind === 'searching' && strings.searching}
        {state.kind === 'done' && (state.results.length > 0 ? fill(strings.resultsFor, state.query) : fill(strings.noResults, state.query))}
        {state.kind === 'unavailable' && strings.unavailable}
      </p>
      {state.kind === 'done' && state.results.length > 0 && (
        <ol className="search-results">
          {state.results.map((result) => (
            <li key={result.url}>
              <a href={result.url}>{result.meta.title ?? result.url}</a>
              {/* Pagefind's excerpt is text from our own pages, escaped by Pagefind, with <mark> around the matches. */}
              <p className="search-excerpt" dangerouslySetInnerHTML={{ __html: result.excerpt }} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
