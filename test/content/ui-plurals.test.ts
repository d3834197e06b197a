// Every UI string with a count has the plural forms each language's rules need, and the site chooses among them by those rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languageTag, site } from '#domain/site.ts';
import { PLURAL_SUFFIX, pluralForm } from '#domain/text/plural.ts';
import { pluralText, useTranslations } from '#render/i18n.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const strings = new Map(
  site.languages.map((lang) => [lang, new Map(flatten(JSON.parse(readFileSync(`content/ui/${lang}.json`, 'utf8')) as Tree))]),
);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!);

/** Every base key that has plural forms in some language, or a {{count}} in some string. */
const countKeys = [
  ...new Set(
    [...strings.values()].flatMap((map) =>
      [...map]
        .filter(([key, text]) => PLURAL_SUFFIX.test(key) || placeholders(text).includes('count'))
        .map(([key]) => key.replace(PLURAL_SUFFIX, '')),
    ),
  ),
].sort();

/**
 * Numbers a string may take under another name than `count`, each with why it needs no plural forms of its own. Any other
 * number-like placeholder must be `count` with plural forms: a new "{{minutes}} minutes" fails here. (Several numbers in one
 * sentence are each their own count phrase, e.g. staff.privacy.inquiryCount, filled into it.)
 */
const OTHER_NUMBERS: Record<string, { keys: string[]; why: string }> = {
  total: { keys: ['list.showing'], why: 'the total follows "of", with no noun to agree with; the plural forms follow {{count}}' },
  max: {
    keys: ['form.hint.message', 'form.error.too_long'],
    why: 'a field limit of the inquiry form, every one in the hundreds or more, written for that size',
  },
  days: {
    keys: ['form.done.reply', 'contact.intro', 'service.intro', 'service.table.within'],
    why: 'the reply promise of the service (REPLY_WITHIN_WORKING_DAYS), filled at build; written for its value',
  },
};
const NUMBER_NAMES = /^(count|total|max|min|days|hours|minutes|seconds|months|years|rows|n|number)$/;

describe('plural forms of the UI strings', () => {
  it('finds the count strings (the list is not empty by accident)', () => {
    expect(countKeys).toEqual(
      expect.arrayContaining(['home.itemCount', 'list.showing', 'form.hint.message', 'staff.privacy.inquiryCount']),
    );
  });

  it.each(site.languages)('%s: every count string has each plural category its language reports', (lang) => {
    const needed = new Intl.PluralRules(languageTag(lang)).resolvedOptions().pluralCategories;
    const own = strings.get(lang)!;
    const missing = countKeys.flatMap((base) => needed.filter((form) => !own.has(`${base}_${form}`)).map((form) => `${base}_${form}`));
    expect(missing).toEqual([]);
  });

  it.each(site.languages)('%s: no count string without plural forms, and no number under another name', (lang) => {
    const plain = [...strings.get(lang)!].filter(([key, text]) => !PLURAL_SUFFIX.test(key) && placeholders(text).includes('count'));
    expect(plain.map(([key]) => key)).toEqual([]);
    const otherNumbers = [...strings.get(lang)!].flatMap(([key, text]) =>
      placeholders(text)
        .filter((name) => name !== 'count' && NUMBER_NAMES.test(name))
        .filter((name) => !OTHER_NUMBERS[name]?.keys.includes(key.replace(PLURAL_SUFFIX, '')))
        .map((name) => `${key}: {{${name}}}`),
    );
    expect(otherNumbers).toEqual([]);
  });

  it("chooses the form by each language through i18next (pages) and through the islands' helper", () => {
    expect(useTranslations('en')('home.itemCount', { count: 1 })).toBe('1 entry');
    expect(useTranslations('en')('home.itemCount', { count: 4 })).toBe('4 entries');
    // Arabic: 0 zero, 2 two, 3-10 few, 11-99 many, 100 other.
    const ar = useTranslations('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => ar('home.itemCount', { count }))).toEqual([
      'لا توجد عناصر',
      'عنصر واحد',
      'عنصران',
      '3 عناصر',
      '11 عنصرًا',
      '100 عنصر',
    ]);
    const showing = pluralText('ar', 'list.showing');
    expect(showing.tag).toBe('ar');
    expect(pluralForm(showing, 2)).toBe(strings.get('ar')!.get('list.showing_two'));
    expect(pluralForm(showing, 7)).toBe(strings.get('ar')!.get('list.showing_few'));
    expect(pluralForm(pluralText('en', 'list.showing'), 7)).toBe('Showing {{count}} of {{total}}');
    expect(() => pluralText('en', 'list.search')).toThrow(/no plural forms for "list.search"/);
  });
});
