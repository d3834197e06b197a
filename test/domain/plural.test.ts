// Choosing plural forms without i18next: the category by Intl.PluralRules, the forms from flattened strings.
import { describe, expect, it } from 'vitest';
import { pluralCategory, pluralForm, pluralFormsOf } from '#domain/text/plural.ts';

describe('plural forms', () => {
  it('takes the category from the language rules', () => {
    expect([0, 1, 2, 5, 11, 102].map((n) => pluralCategory('ar', n))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect([1, 2].map((n) => pluralCategory('en', n))).toEqual(['one', 'other']);
    expect(pluralCategory('ja', 1)).toBe('other');
  });

  it("collects a key's forms and nothing of its neighbours", () => {
    const strings = { 'a.shown_one': '1 file', 'a.shown_other': '{{count}} files', 'a.shownAll_other': 'x', 'a.shown': 'plain' };
    expect(pluralFormsOf(strings, 'a.shown')).toEqual({ one: '1 file', other: '{{count}} files' });
    expect(pluralFormsOf(strings, 'a.none')).toBeUndefined();
  });

  it('falls back to `other` when a category is missing', () => {
    expect(pluralForm({ tag: 'ar', forms: { one: 'one', other: 'many' } }, 5)).toBe('many');
    expect(pluralForm({ tag: 'en', forms: { one: 'one', other: 'many' } }, 1)).toBe('one');
  });
});
