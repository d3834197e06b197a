// Which text of an item, page or post is its source: the one that names no text it was translated from, in any language.

/** The front-matter field that makes a text a translation. */
export interface MaybeTranslated {
  translatedFrom?: string;
}

/**
 * The language of a folder's source text: the text without `translatedFrom`. site.json's `sourceLanguage`
 * is only the default, for a folder whose texts do not say (none yet, or every one a translation) and for a
 * folder where it is one of several texts without `translatedFrom`.
 */
export function sourceLanguageOf(texts: Partial<Record<string, MaybeTranslated | undefined>>, fallback: string): string {
  const sources = Object.entries(texts)
    .filter(([, text]) => text !== undefined && text.translatedFrom === undefined)
    .map(([lang]) => lang);
  if (sources.length === 0 || sources.includes(fallback)) return fallback;
  return sources[0]!;
}
