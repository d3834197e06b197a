// The rules between the texts of one folder (an item, page or post): its source and how each translation names it.
// Pure, so content:check and the editor's check before a save (one entry's texts) apply the same words.
import { type CheckProblem, describe, problem } from '../check-wording.ts';
import type { TextOnDisk } from '../content.ts';
import { sourceLanguageOf } from './source-text.ts';

export interface TextFolder {
  folder: string;
  texts: Partial<
    Record<string, TextOnDisk<{ title: string; summary: string; version?: number; translatedFrom?: string; sourceVersion?: number }>>
  >;
  strayFiles: string[];
}

/** The language of a folder's source text: the text without translatedFrom, else site.json's sourceLanguage (`fallback`). */
export function folderSource(texts: TextFolder['texts'], fallback: string): string {
  return sourceLanguageOf(Object.fromEntries(Object.entries(texts).map(([lang, entry]) => [lang, entry?.text])), fallback);
}

/** Each text: the source has no translatedFrom; a translation names a source text with a version, and no newer one. */
export function translationProblems(set: TextFolder, defaultSource: string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const sourceLanguage = folderSource(set.texts, defaultSource);
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
