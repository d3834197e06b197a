// The checks on texts (items', pages' and news posts'): file names, the source text and its translations, placeholders, news links.
import type { NewsText } from '#domain/catalog/news.ts';
import type { TextSetOnDisk } from '#domain/content.ts';
import { textFileName } from '#domain/content-layout.ts';
import { folderSource, type TextFolder } from '#domain/translation/translation-checks.ts';
import { type CheckProblem, describe, problem } from './check-problems.ts';

export { type TextFolder, translationProblems } from '#domain/translation/translation-checks.ts';

/** Placeholders that `npm run content:new` writes and a publisher must replace before publishing. */
export const PLACEHOLDER = /\bTODO\b/;

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
export function sourceTextProblems(set: TextFolder, defaultSource: string): CheckProblem[] {
  const present = Object.values(set.texts).some((entry) => entry !== undefined);
  const sourceLanguage = folderSource(set.texts, defaultSource);
  if (!present || set.texts[sourceLanguage]) return [];
  const file = textFileName(sourceLanguage);
  return [problem(`${set.folder}/${file}`, '(file)', 'no file', `the source text in ${file}, which the translations are made from`)];
}

/**
 * Words of the people who compiled the content, which a visitor cannot follow and an official page should not carry:
 * each phrase (case-insensitive, in any language's text) with why it does not belong on a public page. A placeholder
 * TODO is left to the placeholder checks, which name it already.
 */
export const INTERNAL_PHRASES: readonly { phrase: string; why: string }[] = [
  { phrase: 'research notes', why: 'the working notes the content was compiled from are not published: cite the source itself' },
  { phrase: 'our notes', why: 'the working notes the content was compiled from are not published: cite the source itself' },
  { phrase: 'internal note', why: 'an internal note is for editors, not visitors' },
  { phrase: 'data author', why: 'the person who compiled the data is not a source' },
  { phrase: 'from memory', why: 'a fact recalled from memory is not a source: say it is unverified, or leave it out' },
  { phrase: 'starter data', why: "the project's starter data set is not a source a visitor can check" },
  { phrase: 'as discussed', why: 'refers to a conversation the visitor was not part of' },
  { phrase: 'as agreed', why: 'refers to a conversation the visitor was not part of' },
  { phrase: 'TBD', why: 'an editing placeholder' },
  { phrase: 'FIXME', why: 'an editing placeholder' },
  { phrase: 'ghi chú nghiên cứu', why: 'Vietnamese for "research notes"' },
  { phrase: 'ghi chú nội bộ', why: 'Vietnamese for "internal note"' },
  { phrase: 'tác giả bộ dữ liệu', why: 'Vietnamese for "the data author"' },
  { phrase: 'theo trí nhớ', why: 'Vietnamese for "from memory"' },
  { phrase: 'như đã thảo luận', why: 'Vietnamese for "as discussed"' },
  { phrase: 'dữ liệu ban đầu', why: 'Vietnamese for "the initial data", the compilers\' data set' },
  { phrase: '研究笔记', why: 'Chinese for "research notes"' },
  { phrase: '数据作者', why: 'Chinese for "the data author"' },
  { phrase: '凭记忆', why: 'Chinese for "from memory"' },
  { phrase: '初始资料', why: 'Chinese for "the initial data", the compilers\' data set' },
  { phrase: '調査メモ', why: 'Japanese for "research notes"' },
  { phrase: 'データ作成者', why: 'Japanese for "the data author"' },
  { phrase: '記憶による', why: 'Japanese for "from memory"' },
  { phrase: '初期データ', why: 'Japanese for "the initial data", the compilers\' data set' },
  { phrase: '연구 노트', why: 'Korean for "research notes"' },
  { phrase: '데이터 작성자', why: 'Korean for "the data author"' },
  { phrase: '기억에 의한', why: 'Korean for "from memory"' },
  { phrase: '초기 자료', why: 'Korean for "the initial data", the compilers\' data set' },
  { phrase: 'ملاحظات البحث', why: 'Arabic for "research notes"' },
  { phrase: 'معدّ البيانات', why: 'Arabic for "the data author"' },
  { phrase: 'من الذاكرة', why: 'Arabic for "from memory"' },
  { phrase: 'من ذاكرة', why: 'Arabic for "from the memory of"' },
  { phrase: 'بياناتنا الأولية', why: 'Arabic for "our initial data", the compilers\' data set' },
  { phrase: 'nota penyelidikan', why: 'Malay for "research notes"' },
  { phrase: 'pengarang data', why: 'Malay for "the data author"' },
  { phrase: 'daripada ingatan', why: 'Malay for "from memory"' },
  { phrase: 'data permulaan', why: 'Malay for "the initial data", the compilers\' data set' },
  { phrase: 'seperti yang dibincangkan', why: 'Malay for "as discussed"' },
];

/** Latin phrases match whole words ("TBD", not "outbid"); other scripts have no spaces between words to match on. */
const INTERNAL_PATTERNS = INTERNAL_PHRASES.map(({ phrase, why }) => {
  // A phrase may be wrapped onto the next line of a text: any run of white space matches its spaces.
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const latin = /^[\p{Script=Latin}\s]+$/u.test(phrase);
  return { phrase, why, pattern: new RegExp(latin ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])` : escaped, 'iu') };
});

/** The internal phrase a public text carries, if any, with the pattern that found it. */
export function internalPhraseIn(text: string): (typeof INTERNAL_PATTERNS)[number] | undefined {
  return INTERNAL_PATTERNS.find(({ pattern }) => pattern.test(text));
}

/** A problem for a text field (or facts value) carrying an internal phrase, naming the phrase, where it stands and why it goes. */
export function internalPhraseProblem(file: string, field: string, text: string): CheckProblem[] {
  const found = internalPhraseIn(text);
  if (!found) return [];
  const at = text.search(found.pattern);
  const excerpt = text
    .slice(Math.max(0, at - 20), at + found.phrase.length + 20)
    .replace(/\s+/g, ' ')
    .trim();
  return [problem(file, field, `"${found.phrase}" in ${describe(excerpt)}`, `words for visitors: ${found.why}`)];
}

/** Title, summary and every line of the text of each language, one problem per field. */
export function textInternalPhraseProblems(set: TextFolder): CheckProblem[] {
  return Object.values(set.texts).flatMap((entry) => {
    if (!entry) return [];
    const { text, file } = entry;
    return [
      ...(['title', 'summary'] as const).flatMap((field) => internalPhraseProblem(file, field, text[field])),
      ...internalPhraseProblem(file, '(text)', entry.body),
    ];
  });
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
export function newsProblems(post: TextSetOnDisk<NewsText>, defaultSource: string, itemIds: ReadonlyMap<string, unknown>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const sourceLanguage = folderSource(post.texts, defaultSource);
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
