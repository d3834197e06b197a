// UI strings: one i18next instance per language over the JSON resources in content/ui/, used synchronously at build and by scripts.
import { existsSync, readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { languageTag, site, type Lang } from '#domain/site.ts';
import { type PluralText, pluralFormsOf } from '#domain/text/plural.ts';
import { projectPath } from '#content-files/project-path.ts';

const resources = new Map<Lang, Record<string, unknown>>();

function resourceFor(lang: Lang): Record<string, unknown> {
  let resource = resources.get(lang);
  if (!resource) {
    const path = projectPath('content', 'ui', `${lang}.json`);
    if (!existsSync(path)) throw new Error(`content/ui/${lang}.json is missing: every language in content/site.json needs its UI strings`);
    resource = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    resources.set(lang, resource);
  }
  return resource;
}

const translators = new Map<Lang, TFunction>();

export function useTranslations(lang: Lang): TFunction {
  let t = translators.get(lang);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      fallbackLng: site.sourceLanguage,
      resources: Object.fromEntries(site.languages.map((code) => [code, { translation: resourceFor(code) }])),
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    t = instance.t.bind(instance) as TFunction;
    translators.set(lang, t);
  }
  return t;
}

type Tree = { [key: string]: string | Tree };

function mergeFallback(own: Tree | undefined, fallback: Tree): Tree {
  return Object.fromEntries(
    Object.entries(fallback).map(([key, value]) => {
      const mine = own?.[key];
      if (typeof value === 'string') return [key, typeof mine === 'string' ? mine : value];
      return [key, mergeFallback(typeof mine === 'object' ? mine : undefined, value)];
    }),
  );
}

/**
 * A branch of the UI strings as stored, placeholders untouched, with the source language filling gaps:
 * for islands, which fill their own placeholders in the browser without shipping i18next.
 */
export function uiStringsBranch(lang: Lang, key: string): Tree {
  const branch = (code: Lang) =>
    key
      .split('.')
      .reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), resourceFor(code) as Tree);
  const fallback = branch(site.sourceLanguage);
  if (typeof fallback !== 'object') throw new Error(`content/ui/${site.sourceLanguage}.json has no "${key}" section`);
  const own = branch(lang);
  return mergeFallback(typeof own === 'object' ? own : undefined, fallback);
}

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

/**
 * A count string's forms in a language with the tag that chooses among them, placeholders untouched: for islands,
 * which count what the visitor sees. A language without the string gets the source language's, like any UI string;
 * a key with no plural forms at all throws, so a page cannot hand an island a plain string.
 */
export function pluralText(lang: Lang, key: string): PluralText {
  for (const code of [lang, site.sourceLanguage]) {
    const forms = pluralFormsOf(Object.fromEntries(flatten(resourceFor(code) as Tree)), key);
    if (forms) return { tag: languageTag(code), forms };
  }
  throw new Error(
    `content/ui/${site.sourceLanguage}.json has no plural forms for "${key}" (expected ${key}_other and the forms its language needs)`,
  );
}
