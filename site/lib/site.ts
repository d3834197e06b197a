// The site configuration and language facts, loaded once for every page of the build.
import rawConfig from '../../content/site.json' with { type: 'json' };
import { siteConfigSchema, type SiteConfig } from '../../functions/core/site-config.ts';
import { languageTag, nativeLanguageName, textDirection } from '../../functions/core/languages.ts';

export const site: SiteConfig = siteConfigSchema.parse(rawConfig);

export type Lang = string;

export interface LanguageInfo {
  code: Lang;
  tag: string;
  dir: 'ltr' | 'rtl';
  nativeName: string;
}

export const languages: LanguageInfo[] = site.languages.map((code) => {
  const tag = languageTag(code, site.languageTags);
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
