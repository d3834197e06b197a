// UI strings: one i18next instance per language over the JSON resources in content/ui/, used synchronously at build.
import i18next, { type TFunction } from 'i18next';
import { site, type Lang } from './site.ts';

const resources = import.meta.glob<Record<string, unknown>>('../../content/ui/*.json', { eager: true, import: 'default' });

function resourceFor(lang: Lang): Record<string, unknown> {
  const entry = Object.entries(resources).find(([path]) => path.endsWith(`/${lang}.json`));
  if (!entry) throw new Error(`content/ui/${lang}.json is missing: every language in content/site.json needs its UI strings`);
  return entry[1];
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
