// The shortlist kept in this browser (localStorage), shared by every shortlist button and the compare page.
import { MAX_SHORTLIST, parseShortlist, serialiseShortlist } from '#domain/compare/shortlist.ts';

const KEY = 'shortlist';
/** Fired on window when this page changes the list, so every button on the page shows the same state. */
export const SHORTLIST_EVENT = 'shortlist-change';

/** The stored ids. Storage holds what this site wrote, but it can be edited: read it as any input, ids only. */
export function loadShortlist(): string[] {
  try {
    return parseShortlist(localStorage.getItem(KEY), () => true).ids.slice(0, MAX_SHORTLIST);
  } catch {
    // Storage can be disabled (private mode, a policy): the shortlist then lives only in the address.
    return [];
  }
}

export function saveShortlist(ids: readonly string[]): void {
  try {
    localStorage.setItem(KEY, serialiseShortlist(ids));
  } catch {
    // See loadShortlist.
  }
  window.dispatchEvent(new CustomEvent(SHORTLIST_EVENT));
}

/** Calls `onChange` when this page or another tab changes the list; returns the unsubscribe. */
export function watchShortlist(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) onChange();
  };
  window.addEventListener(SHORTLIST_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(SHORTLIST_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}
