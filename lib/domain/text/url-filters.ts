// The one reading and writing of filters in a page's address (?status=…&q=…), so a shared link shows the same list, map or search.

/** Per parameter: the values it may take, or `text` for free text (a search). */
export type FilterFields<K extends string> = Readonly<Record<K, readonly string[] | 'text'>>;
export type FilterValues<K extends string> = Record<K, string>;

/** Longer free text is cut: no search box needs more, and the address is a stranger's input. */
export const MAX_TEXT_LENGTH = 200;

/**
 * Reads the filters from a query string. The address is input from anyone: a value outside its field's choices
 * reads as no filter (not as a filter that hides everything), free text is trimmed and cut, a repeated parameter
 * counts once (the first), and parameters that are not filters are ignored.
 */
export function readFilters<K extends string>(search: string | URLSearchParams, fields: FilterFields<K>): FilterValues<K> {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const entries = (Object.entries(fields) as [K, readonly string[] | 'text'][]).map(([key, allowed]) => {
    const raw = params.get(key) ?? '';
    if (allowed === 'text') return [key, raw.trim().slice(0, MAX_TEXT_LENGTH)];
    return [key, allowed.includes(raw) ? raw : ''];
  });
  return Object.fromEntries(entries) as FilterValues<K>;
}

/**
 * The address with these filters: an empty filter leaves the address, so an unfiltered page has a clean link; every
 * other parameter and the fragment (e.g. the map's view) are kept.
 */
export function withFilters<K extends string>(href: string, filters: FilterValues<K>): string {
  const url = new URL(href);
  for (const [key, value] of Object.entries(filters) as [K, string][]) {
    const trimmed = value.trim();
    if (trimmed) url.searchParams.set(key, trimmed);
    else url.searchParams.delete(key);
  }
  return url.href;
}
