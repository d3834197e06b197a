// The checks on texts (items', pages' and news posts'): file names, the source text and its translations, placeholders, news links.
import type { NewsText } from '#domain/catalog/news.ts';
import type { TextOnDisk, TextSetOnDisk } from '#domain/content.ts';
import { textFileName } from '#domain/content-layout.ts';
import { type CheckProblem, describe, problem } from './check-problems.ts';

/** Placeholders that `npm run content:new` writes and a publisher must replace before publishing. */
export const PLACEHOLDER = /\bTODO\b/;

export interface TextFolder {
  folder: string;
  texts: Partial<
    Record<string, TextOnDisk<{ title: string; summary: string; version?: number; translatedFrom?: string; sourceVersion?: number }>>
  >;
  strayFiles: string[];
}

/** Files in a text folder whose name is no text of one of the site's languages. */
export function strayFileProblems(set: TextFolder, languages: string[]): CheckProblem[] {
  return set.strayFiles.map((stray) =>
    problem(
      stray,
      '(file name)',
      describe(stray.split('/').pop()),
      `${textFileName('<language>')} with one of the site's languages: ${languages.join(', ')}`,
    ),
  );
}

/** A folder with any text has its source text, which the translations are made from. */
export function sourceTextProblems(set: TextFolder, sourceLanguage: string): CheckProblem[] {
  const present = Object.values(set.texts).some((entry) => entry !== undefined);
  if (!present || set.texts[sourceLanguage]) return [];
  const file = textFileName(sourceLanguage);
  return [problem(`${set.folder}/${file}`, '(file)', 'no file', `the source text in ${file}, which the translations are made from`)];
}

/** Each text: the source has no translatedFrom; a translation names a source text with a version, and no newer one. */
export function translationProblems(set: TextFolder, sourceLanguage: string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const [lang, entry] of Object.entries(set.texts)) {
    if (!entry) continue;
    const { text, file } = entry;
    if (lang === sourceLanguage && text.translatedFrom !== undefined)
      problems.push(
        problem(
          file,
          'translatedFrom',
          describe(text.translatedFrom),
          `nothing: ${sourceLanguage} is the source language, so this text needs a version instead`,
        ),
      );
    if (text.translatedFrom === undefined || lang === sourceLanguage) continue;
    const source = set.texts[text.translatedFrom];
    if (text.translatedFrom === lang)
      problems.push(
        problem(file, 'translatedFrom', describe(text.translatedFrom), 'the language this text was translated from, not its own'),
      );
    else if (!source || source.text.version === undefined)
      problems.push(
        problem(
          file,
          'translatedFrom',
          describe(text.translatedFrom),
          `a language whose source text (with a version) is in this folder, usually "${sourceLanguage}"`,
        ),
      );
    else if (text.sourceVersion !== undefined && text.sourceVersion > source.text.version)
      problems.push(
        problem(file, 'sourceVersion', describe(text.sourceVersion), `at most ${source.text.version}, the version of ${source.file}`),
      );
  }
  return problems;
}

/** One line per file: a fresh text from content:new has a placeholder in each of its parts. */
export function textPlaceholderProblems(set: TextFolder): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const entry of Object.values(set.texts)) {
    if (!entry) continue;
    const { text, file } = entry;
    const bodyLine = entry.body.split('\n').find((candidate) => PLACEHOLDER.test(candidate));
    const placeholders = [
      ...(['title', 'summary'] as const).filter((field) => PLACEHOLDER.test(text[field])).map((field) => [field, text[field]] as const),
      ...(bodyLine !== undefined ? [['(text)', bodyLine.trim()] as const] : []),
    ];
    const [first] = placeholders;
    if (first)
      problems.push(
        problem(
          file,
          first[0],
          describe(first[1]),
          `the real text in place of every TODO placeholder (${placeholders.map(([field]) => field).join(', ')})`,
        ),
      );
  }
  return problems;
}

/** A news post links only to items in the catalog, and its translations repeat no fact differently from the source. */
export function newsProblems(post: TextSetOnDisk<NewsText>, sourceLanguage: string, itemIds: ReadonlyMap<string, unknown>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const source = post.texts[sourceLanguage];
  for (const [lang, entry] of Object.entries(post.texts)) {
    if (!entry) continue;
    entry.text.related?.forEach((id, index) => {
      if (!itemIds.has(id))
        problems.push(
          problem(entry.file, `related[${index}]`, describe(id), 'the id of an item in the catalog (a folder name under catalog/)'),
        );
    });
    if (!source || lang === sourceLanguage) continue;
    for (const field of ['date', 'type', 'sources', 'related'] as const) {
      const own = entry.text[field];
      if (own !== undefined && JSON.stringify(own) !== JSON.stringify(source.text[field]))
        problems.push(
          problem(
            entry.file,
            field,
            describe(own),
            `${describe(source.text[field])} as in ${source.file}, or the field left out (a translation takes it from the source text)`,
          ),
        );
    }
  }
  return problems;
}
