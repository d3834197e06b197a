// Facts about a language (direction, its own name, its BCP 47 tag) derived from Intl rather than kept in hand-written tables.

/** Intl.Locale exposes text direction as `textInfo` (newer) or `getTextInfo()` (older engines). */
type LocaleWithTextInfo = Intl.Locale & {
  textInfo?: { direction?: string };
  getTextInfo?: () => { direction?: string };
};

export function textDirection(tag: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(tag) as LocaleWithTextInfo;
  const info = locale.textInfo ?? locale.getTextInfo?.();
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

/** The language's name written in that language, e.g. "日本語" for ja, for the language switcher. */
export function nativeLanguageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/** The tag for lang/hreflang attributes: the configured one where the URL code alone is ambiguous. */
export function languageTag(code: string, tags: Record<string, string>): string {
  return tags[code] ?? code;
}

/** A language's name in the reader's language ("Vietnamese" for vi read in English); the tag itself when Intl has none. */
export function languageNameIn(readerTag: string, tag: string): string {
  try {
    return new Intl.DisplayNames([readerTag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Names as alternatives in the reader's language: "English or Vietnamese". */
export function eitherOf(readerTag: string, names: readonly string[]): string {
  return new Intl.ListFormat(readerTag, { type: 'disjunction' }).format(names);
}
