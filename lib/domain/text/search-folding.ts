// The one accent- and case-insensitive folding for every search (map, lists, site search, staff inbox): "dien" finds "điện".

/**
 * Folds text for matching: decomposes accents and drops them, maps Vietnamese đ/Đ (a letter of its own, not an
 * accented d, so NFD leaves it whole) to d, and lower-cases. Fold both the query and the text searched.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** True when every word of the query occurs in the text, both folded. */
export function matchesSearch(text: string, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const folded = foldForSearch(text);
  return words.every((word) => folded.includes(word));
}
