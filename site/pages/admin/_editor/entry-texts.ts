// Reads an entry of the editor's store (Immutable maps) as plain texts per language, the shape the domain's rules take.
import { translationFields } from '#domain/catalog/catalog.ts';
import { type Translatable, textInfo, type TextFields } from '#domain/translation/translation-status.ts';

/** The part of Immutable.js's Map the editor's entries expose and this extension uses. */
export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  toJS(): unknown;
}

/** Where each language's values sit in an entry: the default language in `data`, the others under `i18n`. */
export interface EntryLanguages {
  languages: readonly string[];
  defaultLanguage: string;
}

const isMap = (value: unknown): value is ImmutableMap => typeof (value as ImmutableMap | undefined)?.toJS === 'function';

/** One language's values as the form holds them, or undefined when the entry has none in that language. */
export function languageData(entry: ImmutableMap, lang: string, where: EntryLanguages): Record<string, unknown> | undefined {
  const data = lang === where.defaultLanguage ? entry.get('data') : entry.getIn(['i18n', lang, 'data']);
  if (!isMap(data)) return undefined;
  const plain = data.toJS() as Record<string, unknown>;
  return Object.values(plain).some((value) => value !== undefined && value !== null && value !== '') ? plain : undefined;
}

/** The fields that say how a text stands to its source; the rest are its words. */
export const TRANSLATION_FIELD_NAMES: ReadonlySet<string> = new Set(Object.keys(translationFields));

/** A text's words (title, summary, body and the rest), without the fields that track translation: what a version is of. */
export function wordsOf(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([name]) => !TRANSLATION_FIELD_NAMES.has(name)));
}

/** The entry as the translation-status rules read content from disk: one text per language that has one. */
export function translatableOf(entry: ImmutableMap, where: EntryLanguages): Translatable {
  const path = String(entry.get('path') ?? '');
  const folder = path.slice(0, path.lastIndexOf('/'));
  const texts = Object.fromEntries(
    where.languages.map((lang) => {
      const data = languageData(entry, lang, where);
      return [lang, data && textInfo(data as TextFields, String(data.body ?? ''), `${folder}/index.${lang}.md`)];
    }),
  );
  return { kind: 'item', id: String(entry.get('slug') ?? ''), folder, texts };
}

/** The repository path of one language's text of this entry ("content/catalog/zones/ip-khanh-an/index.vi.md"), once it has a file. */
export function textFile(entry: ImmutableMap, lang: string): string | undefined {
  const path = entry.get('path');
  if (typeof path !== 'string' || !path.includes('/')) return undefined;
  return `${path.slice(0, path.lastIndexOf('/'))}/index.${lang}.md`;
}
