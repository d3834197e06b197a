// The site's configuration read once from content/site.json, so the API, the forms and the pages accept the same ids and languages.
import siteJson from '../../content/site.json' with { type: 'json' };
import { siteConfigSchema, type SiteConfig } from './site-config.ts';
import { languageTag as tagFor, nativeLanguageName, textDirection } from './languages.ts';

/** Parsed at import: a wrong site.json stops the build and the functions at start, not at a visitor's request. */
export const site: SiteConfig = siteConfigSchema.parse(siteJson);

type NonEmpty = readonly [string, ...string[]];

function nonEmpty(list: readonly string[], what: string): NonEmpty {
  if (list.length === 0) throw new Error(`content/site.json: "${what}" must list at least one id`);
  return list as NonEmpty;
}

/** URL language codes; also the languages an investor can be answered in. */
export const LANGUAGES = nonEmpty(site.languages, 'languages');
export const SECTORS = nonEmpty(site.sectors, 'sectors');
export const INVESTMENT_SIZES = nonEmpty(site.investmentSizes, 'investmentSizes');
/** The languages staff answer in; an investor asking in another is answered in the first (see answerLanguage). */
export const REPLY_LANGUAGES = nonEmpty(site.replyLanguages ?? site.languages, 'replyLanguages');

/** The BCP 47 tag for a URL language code (zh → zh-Hans), for `lang` attributes and `Intl`. */
export function languageTag(language: string): string {
  return tagFor(language, site.languageTags);
}

/** Right-to-left scripts, derived from the locale rather than a hand-kept list. */
export function isRightToLeft(language: string): boolean {
  return textDirection(languageTag(language)) === 'rtl';
}

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
