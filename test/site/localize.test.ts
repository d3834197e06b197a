// Choosing the words for a language: own translation, or the source text marked as a fallback; drafts and stale ones flagged.
import { describe, expect, it } from 'vitest';
import { localize, languagesWithText, type TextEntry } from '../../site/lib/localize.ts';
import type { Text } from '#domain/catalog/catalog.ts';

const entry = (data: Partial<Text>): TextEntry =>
  ({
    id: 'x',
    collection: 'pages',
    data: { title: 't', summary: 's', machineTranslated: false, reviewed: false, ...data },
  }) as unknown as TextEntry;

describe('localize', () => {
  const source = entry({ version: 2 });

  it('uses the language’s own text when there is one', () => {
    const texts = new Map([
      ['en', source],
      ['ja', entry({ translatedFrom: 'en', sourceVersion: 2 })],
    ]);
    const result = localize(texts, 'ja');
    expect(result).toMatchObject({ lang: 'ja', fallback: false, draft: false, stale: false });
  });

  it('falls back to the source language, marked, when a translation is missing', () => {
    const result = localize(new Map([['en', source]]), 'ko');
    expect(result).toMatchObject({ lang: 'en', fallback: true });
    expect(result.entry).toBe(source);
  });

  it('flags a machine translation that nobody reviewed as a draft', () => {
    const texts = new Map([
      ['en', source],
      ['ar', entry({ translatedFrom: 'en', sourceVersion: 2, machineTranslated: true })],
    ]);
    expect(localize(texts, 'ar').draft).toBe(true);
  });

  it('flags a translation of an older source version as stale', () => {
    const texts = new Map([
      ['en', source],
      ['vi', entry({ translatedFrom: 'en', sourceVersion: 1, reviewed: true })],
    ]);
    expect(localize(texts, 'vi')).toMatchObject({ stale: true, draft: false });
  });

  it('counts only languages with their own text for hreflang', () => {
    expect(
      languagesWithText(
        new Map([
          ['en', source],
          ['ms', source],
        ]),
      ),
    ).toEqual(['en', 'ms']);
  });
});
