// Picks the words a reader gets in a language: its own translation, or the source text marked as a stand-in.
import type { CollectionEntry } from 'astro:content';
import { isDraft, type Text } from '#domain/catalog/catalog.ts';
import { site, type Lang } from '#domain/site.ts';
import { sourceLanguageOf } from '#domain/translation/source-text.ts';

export type TextEntry = CollectionEntry<'itemTexts'> | CollectionEntry<'pages'> | CollectionEntry<'news'>;

/** The words a reader gets in a language, and how they relate to that language. */
export interface LocalizedText {
  entry: TextEntry;
  data: Text;
  /** The language the words are actually in: the source language when the requested one is missing. */
  lang: Lang;
  /** The requested language had no text; the source text stands in. */
  fallback: boolean;
  draft: boolean;
  /** Translated from an older version of the source than the current one. */
  stale: boolean;
}

/**
 * Chooses the text to show for a language: its own if present, else the item's source text, marked. The source is
 * the text that names no text it was translated from, in whatever language (site.json's sourceLanguage only when the
 * texts do not say); a translation is stale against the text it says it was made from.
 */
export function localize(texts: Map<Lang, TextEntry>, lang: Lang): LocalizedText {
  const sourceLang = sourceLanguageOf(Object.fromEntries([...texts].map(([code, text]) => [code, text.data])), site.sourceLanguage);
  const source = texts.get(sourceLang);
  const own = texts.get(lang);
  const [firstLang, first] = [...texts][0] ?? [];
  const entry = own ?? source ?? first;
  if (!entry) throw new Error('An item or page has no text in any language');
  const data = entry.data;
  const madeFrom = own && data.translatedFrom ? texts.get(data.translatedFrom) : undefined;
  const madeFromVersion = madeFrom?.data.version;
  return {
    entry,
    data,
    lang: own ? lang : source ? sourceLang : firstLang!,
    fallback: !own,
    draft: isDraft(data),
    stale: own !== undefined && data.sourceVersion !== undefined && madeFromVersion !== undefined && data.sourceVersion < madeFromVersion,
  };
}

/** The languages an item or page is really written in: they form its hreflang set. */
export function languagesWithText(texts: Map<Lang, TextEntry>): Lang[] {
  return site.languages.filter((lang) => texts.has(lang));
}
