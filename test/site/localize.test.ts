// The words a page shows in a language: its own translation, else the item's source text, whichever language that
// is; a translation is stale against the text it was made from, not against site.json's default source language.
import { describe, expect, it } from 'vitest';
import type { TextEntry } from '../../site/lib/localize.ts';
import { localize } from '../../site/lib/localize.ts';

const text = (data: Record<string, unknown>) => ({ data: { title: 't', summary: 's', ...data } }) as unknown as TextEntry;

describe('localize', () => {
  // An item written in Vietnamese (version 3), translated into English from version 2 and Japanese from version 3.
  const texts = new Map<string, TextEntry>([
    ['vi', text({ title: 'Khu công nghiệp', version: 3 })],
    ['en', text({ title: 'Industrial park', translatedFrom: 'vi', sourceVersion: 2 })],
    ['ja', text({ title: '工業団地', translatedFrom: 'vi', sourceVersion: 3 })],
  ]);

  it('falls back to the item’s own source text, in its language', () => {
    expect(localize(texts, 'ko')).toMatchObject({ lang: 'vi', fallback: true, data: { title: 'Khu công nghiệp' } });
  });

  it('marks a translation stale against the text it was made from', () => {
    expect(localize(texts, 'en')).toMatchObject({ lang: 'en', fallback: false, stale: true });
    expect(localize(texts, 'ja')).toMatchObject({ lang: 'ja', stale: false });
    expect(localize(texts, 'vi')).toMatchObject({ lang: 'vi', stale: false });
  });
});
