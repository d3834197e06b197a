// The site configuration and language facts, loaded once for every page of the build.
import { SITE, languageTag } from '../../functions/core/site.ts';
import type { SiteConfig } from '../../functions/core/site-config.ts';
import { nativeLanguageName, textDirection } from '../../functions/core/languages.ts';

/** The one parsed site configuration, shared with the functions. */
export const site: SiteConfig = SITE;

export type Lang = string;

export interface LanguageInfo {
  code: Lang;
  tag: string;
  dir: 'ltr' | 'rtl';
  nativeName: string;
}

export const languages: LanguageInfo[] = site.languages.map((code) => {
  const tag = languageTag(code);
  return { code, tag, dir: textDirection(tag), nativeName: nativeLanguageName(tag) };
});

export function languageInfo(code: Lang): LanguageInfo {
  const info = languages.find((language) => language.code === code);
  if (!info) throw new Error(`Unknown language "${code}"; content/site.json lists ${site.languages.join(', ')}`);
  return info;
}

/** A localized string from the configuration, falling back to the source language. */
export function pick(values: Record<string, string>, lang: Lang): string {
  return values[lang] ?? values[site.sourceLanguage] ?? Object.values(values)[0] ?? '';
}

/** getStaticPaths entries for every language. */
export const languagePaths = () => site.languages.map((lang) => ({ params: { lang } }));
