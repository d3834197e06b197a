// The checks the editor runs before a save: the content schemas and content:check's rules that need no other file, in content:check's words.
import { CATEGORIES, itemFactsSchema, textSchema } from '#domain/catalog/catalog.ts';
import { newsTextSchema } from '#domain/catalog/news.ts';
import { unknownSectorProblems } from '#domain/catalog/sector-check.ts';
import { type CheckProblem, fromSchema, problemWords, schemaProblems } from '#domain/check-wording.ts';
import { type TextFolder, translationProblems } from '#domain/translation/translation-checks.ts';
import type { z } from 'zod';
import { context } from './context.ts';
import { type ImmutableMap, languageData } from './entry-texts.ts';

/** The collections of the generated configuration (lib/content-files/cms-config.ts) and what each holds. */
const FACTS = new Map(CATEGORIES.map((category) => [`${category}-facts`, category]));
const TEXTS = new Map<string, z.ZodType>([
  ...CATEGORIES.map((category) => [category, textSchema] as const),
  ['pages', textSchema],
  ['news', newsTextSchema],
]);

/** What content:check calls a file: its path under the content folder. */
function contentFile(entry: ImmutableMap, name: string): string {
  const path = entry.get('path');
  const folder =
    typeof path === 'string' && path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : `(new: ${String(entry.get('slug') ?? '')})`;
  return `${folder.replace(/^[^/]+\//, '')}/${name}`;
}

function checked(schema: z.ZodType, data: Record<string, unknown>, file: string): CheckProblem[] {
  const result = schema.safeParse(data);
  return result.success ? [] : schemaProblems(result.error.issues, data, file).map(fromSchema);
}

/** Every problem content:check would report in the files this save writes, as far as the entry alone can tell. */
export function entryProblems(entry: ImmutableMap, sectors: readonly string[]): CheckProblem[] {
  const collection = String(entry.get('collection'));
  if (FACTS.has(collection)) {
    const data = languageData(entry, context.defaultLanguage, context) ?? {};
    const file = contentFile(entry, 'facts.yaml');
    const own = Array.isArray(data.sectors) ? data.sectors.filter((sector): sector is string => typeof sector === 'string') : [];
    return [...checked(itemFactsSchema, data, file), ...unknownSectorProblems(own, sectors, file)];
  }
  const schema = TEXTS.get(collection);
  if (!schema) return [];
  const texts: TextFolder['texts'] = {};
  const problems = context.languages.flatMap((lang) => {
    const data = languageData(entry, lang, context);
    if (!data) return [];
    const { body, ...frontMatter } = data;
    const file = contentFile(entry, `index.${lang}.md`);
    texts[lang] = { file, text: frontMatter as NonNullable<TextFolder['texts'][string]>['text'], body: String(body ?? '') };
    return checked(schema, frontMatter, file);
  });
  // Between the entry's texts: one source, translations naming it and no newer version than it has.
  return [...problems, ...translationProblems({ folder: contentFile(entry, ''), texts, strayFiles: [] }, context.defaultLanguage)];
}

/** The message of a refused save: each problem as content:check words it, its file first. */
export function refusal(problems: CheckProblem[]): string {
  return `${context.labels.refused} ${problems.map((found) => `${found.file}  ${problemWords(found)}`).join(' | ')}`;
}
