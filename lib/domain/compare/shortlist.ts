// The investor's shortlist of catalog items: read from and written to an address (?items=a,b) or storage, at most four.

/** How many items the compare page sets side by side; the shortlist holds no more, so it always fits. */
export const MAX_SHORTLIST = 4;

/** The address parameter that carries the shortlist, e.g. /en/compare/?items=ip-khanh-an,ip-tac-thu. */
export const SHORTLIST_PARAM = 'items';

/** Ids are slugs; anything longer or stranger is not worth echoing back to a reader. */
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 80;

export interface ParsedShortlist {
  /** Known ids in the order given, each once, at most MAX_SHORTLIST. */
  ids: string[];
  /** Ids given but not in the catalog (or not ids at all, cut to a readable length), so the page can say what it could not use. */
  unknown: string[];
  /** Known ids beyond the first MAX_SHORTLIST. */
  overflow: string[];
}

/**
 * Reads a comma-separated list (an address parameter or stored text). The list is anyone's input: blanks and
 * repeats are dropped, unknown ids are reported rather than silently left out, and only the first four known ids count.
 */
export function parseShortlist(raw: string | null | undefined, isKnown: (id: string) => boolean): ParsedShortlist {
  const result: ParsedShortlist = { ids: [], unknown: [], overflow: [] };
  const seen = new Set<string>();
  for (const part of (raw ?? '').split(',')) {
    const id = part.trim();
    if (!id || seen.has(id)) continue;
    seen.add(id);
    if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH || !isKnown(id)) result.unknown.push(id.slice(0, MAX_ID_LENGTH));
    else if (result.ids.length < MAX_SHORTLIST) result.ids.push(id);
    else result.overflow.push(id);
  }
  return result;
}

/** The list as the address and storage keep it. */
export function serialiseShortlist(ids: readonly string[]): string {
  return ids.join(',');
}

/** The shortlist with `id` added (at the end) or removed; adding to a full list changes nothing. */
export function toggleShortlist(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((other) => other !== id);
  return ids.length >= MAX_SHORTLIST ? [...ids] : [...ids, id];
}

/** The compare page's address for these ids (no parameter for an empty list). */
export function comparePath(lang: string, ids: readonly string[]): string {
  const base = `/${lang}/compare/`;
  return ids.length ? `${base}?${SHORTLIST_PARAM}=${serialiseShortlist(ids)}` : base;
}
