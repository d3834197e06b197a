// Every UI string exists in every language, plural forms follow each language's rules, and every key the site uses exists.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import site from '../../content/site.json' with { type: 'json' };
import { CATEGORIES, KINDS, PARTY_ROLES, UTILITIES } from '#domain/catalog/catalog.ts';
import { BASES, FIGURE_KEYS, UNITS } from '#domain/catalog/figures.ts';
import { LIFECYCLE_STATUSES } from '#domain/catalog/lifecycle.ts';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

const strings = Object.fromEntries(
  site.languages.map((lang) => [lang, JSON.parse(readFileSync(`content/ui/${lang}.json`, 'utf8')) as Tree]),
);
/** Keys without plural suffixes: plural forms differ by language by design. */
const baseKeys = (lang: string) => new Set(flatten(strings[lang]!).map((key) => key.replace(PLURAL, '')));

describe('UI strings', () => {
  const english = baseKeys(site.sourceLanguage);

  it.each(site.languages)('%s has exactly the keys of the source language', (lang) => {
    const keys = baseKeys(lang);
    expect([...english].filter((key) => !keys.has(key))).toEqual([]);
    expect([...keys].filter((key) => !english.has(key))).toEqual([]);
  });

  it.each(site.languages)('%s has every plural form its language needs', (lang) => {
    const tag = (site.languageTags as Record<string, string>)[lang] ?? lang;
    const needed = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    const keys = new Set(flatten(strings[lang]!));
    const pluralBases = new Set(
      flatten(strings[site.sourceLanguage]!)
        .filter((key) => PLURAL.test(key))
        .map((key) => key.replace(PLURAL, '')),
    );
    const missing = [...pluralBases].flatMap((base) =>
      needed.filter((form) => !keys.has(`${base}_${form}`)).map((form) => `${base}_${form}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(site.languages)('%s keeps every interpolation placeholder of the source', (lang) => {
    const lookup = (tree: Tree, key: string) =>
      key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const broken = flatten(strings[site.sourceLanguage]!)
      .filter((key) => !PLURAL.test(key))
      .filter(
        (key) =>
          JSON.stringify(placeholders(lookup(strings[lang]!, key))) !==
          JSON.stringify(placeholders(lookup(strings[site.sourceLanguage]!, key))),
      );
    expect(broken).toEqual([]);
  });

  it('has every literal key the site asks for', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : /\.(astro|tsx?)$/.test(entry.name) ? [join(dir, entry.name)] : [],
      );
    const used = files('site').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)].map((match) => match[1]!),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !english.has(key))).toEqual([]);
  });

  it('has a label for every value the content model and the site configuration allow', () => {
    const needed = [
      ...KINDS.map((kind) => `kind.${kind}`),
      ...LIFECYCLE_STATUSES.flatMap((status) => [`status.${status}.label`, `status.${status}.definition`]),
      ...FIGURE_KEYS.map((key) => `figure.${key}`),
      ...BASES.map((basis) => `basis.${basis}`),
      ...PARTY_ROLES.map((role) => `party.${role}`),
      ...UTILITIES.map((utility) => `utility.${utility}`),
      ...CATEGORIES.flatMap((category) => [`category.${category}.title`, `category.${category}.intro`]),
      ...site.sectors.map((sector) => `sector.${sector}`),
      ...site.investmentSizes.map((size) => `investmentSize.${size}`),
      ...site.keyFigures.map((figure: { key: string }) => `keyFigure.${figure.key}`),
      ...site.distanceTargets.map((target) => target.label),
      ...UNITS.filter((unit) => unit.includes('/')).map((unit) => `unit.${unit}`),
    ];
    expect(needed.filter((key) => !english.has(key))).toEqual([]);
  });
});
