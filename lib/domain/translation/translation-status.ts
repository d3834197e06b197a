// Which translation of each item, page and news post is up to date, stale, missing or an unreviewed draft: pure logic, no file access.
// The command line (status.ts) and the staff console's report (lib/content-files/translations.ts, bundled beside the staff function) feed it from content/ on disk.
import type { ContentOnDisk, TextOnDisk } from '../content.ts';
import { textFileName } from '../content-layout.ts';
import { sourceLanguageOf } from './source-text.ts';

/**
 * - source: the text translations are made from
 * - current: a reviewed (or person-made) translation of the source's current version
 * - draft: made by machine and not yet reviewed (`machineTranslated: true`, `reviewed: false`)
 * - stale: made from an older version of the source than the current one (whether reviewed or not)
 * - missing: no file, or only the placeholder that `npm run content:new` writes
 */
export type TranslationState = 'source' | 'current' | 'draft' | 'stale' | 'missing';
export const TRANSLATION_STATES: readonly TranslationState[] = ['source', 'current', 'draft', 'stale', 'missing'];

/** The front-matter fields that decide a text's state. */
export interface TextInfo {
  version?: number;
  translatedFrom?: string;
  sourceVersion?: number;
  machineTranslated: boolean;
  reviewed: boolean;
  /** Still holds the "TODO" placeholder instead of words. */
  placeholder?: boolean;
  /** Where the text lives, for reports (e.g. "catalog/zones/ip-khanh-an/index.ja.md"). */
  file?: string;
}

export interface Translatable {
  kind: 'item' | 'page' | 'news';
  /** e.g. "zones/ip-khanh-an", "home", "hau-giang-ca-mau-expressway-opens". */
  id: string;
  /** The folder relative to the content folder, where a missing file would go. */
  folder: string;
  texts: Partial<Record<string, TextInfo>>;
}

export interface LanguageStatus {
  lang: string;
  state: TranslationState;
  /** The file, present or (when missing) where it should be. */
  file: string;
  /** For a translation: the source version it was made from; for the source: its version. */
  version?: number;
  /** The version of the text it should translate, when that is known. */
  sourceVersion?: number;
  /** A stale text that was also a machine draft still needs review after it is updated. */
  draft: boolean;
  placeholder: boolean;
}

export interface EntryStatus {
  kind: Translatable['kind'];
  id: string;
  folder: string;
  /** The language of this entry's source text (see source-text.ts): site.json's sourceLanguage unless its texts say otherwise. */
  sourceLanguage: string;
  languages: LanguageStatus[];
}

export type LanguageSummary = { lang: string; total: number } & Record<TranslationState, number>;

export interface StatusReport {
  sourceLanguage: string;
  languages: string[];
  entries: EntryStatus[];
  summary: LanguageSummary[];
}

function stateOf(
  lang: string,
  own: TextInfo | undefined,
  texts: Translatable['texts'],
  sourceLanguage: string,
): Omit<LanguageStatus, 'lang' | 'file'> {
  const placeholder = own?.placeholder === true;
  const draft = own?.machineTranslated === true && !own.reviewed;
  if (!own || placeholder) return { state: 'missing', draft: false, placeholder };
  if (lang === sourceLanguage || own.translatedFrom === undefined)
    return { state: 'source', version: own.version, draft: false, placeholder };
  const source = texts[own.translatedFrom];
  const sourceVersion = source?.version;
  const base = { version: own.sourceVersion, sourceVersion, draft, placeholder };
  if (sourceVersion !== undefined && own.sourceVersion !== undefined && own.sourceVersion < sourceVersion)
    return { ...base, state: 'stale' };
  return { ...base, state: draft ? 'draft' : 'current' };
}

/** `sourceLanguage` is site.json's: the default source of an entry whose texts do not name theirs. */
export function translationStatus(entries: Translatable[], languages: string[], sourceLanguage: string): StatusReport {
  const statuses: EntryStatus[] = entries.map((entry) => {
    const source = sourceLanguageOf(entry.texts, sourceLanguage);
    return {
      kind: entry.kind,
      id: entry.id,
      folder: entry.folder,
      sourceLanguage: source,
      languages: languages.map((lang) => ({
        lang,
        file: entry.texts[lang]?.file ?? `${entry.folder}/${textFileName(lang)}`,
        ...stateOf(lang, entry.texts[lang], entry.texts, source),
      })),
    };
  });
  const summary = languages.map((lang) => {
    const counts: LanguageSummary = { lang, total: statuses.length, source: 0, current: 0, draft: 0, stale: 0, missing: 0 };
    for (const entry of statuses) counts[entry.languages.find((status) => status.lang === lang)!.state] += 1;
    return counts;
  });
  return { sourceLanguage, languages, entries: statuses, summary };
}

export interface WorkItem {
  kind: Translatable['kind'];
  id: string;
  status: LanguageStatus;
}

/**
 * What a translator has to do, in the order a publisher browses the content: every missing and stale text,
 * and the unreviewed machine drafts when asked for. The command line's to-do list and the console's table.
 */
export function workList(report: StatusReport, options: { drafts: boolean }): WorkItem[] {
  return report.entries.flatMap((entry) =>
    entry.languages
      .filter((status) => status.state === 'missing' || status.state === 'stale' || (options.drafts && status.state === 'draft'))
      .map((status) => ({ kind: entry.kind, id: entry.id, status })),
  );
}

/** The status report as the staff console gets it: made from one content folder at one moment, with where to edit each file. */
export interface TranslationReport extends StatusReport {
  generatedAt: string;
  /** Where the content folder is in the repository ("content"); the report's files are relative to it. */
  contentFolder: string;
  /** `repositoryEditUrl` of site.json: a file is edited at this address followed by its repository path. */
  repositoryEditUrl: string | null;
  /** Files that could not be read (see `npm run content:check`); their texts count as missing here. */
  unreadableFiles: string[];
}

export function translationReport(
  content: Pick<ContentOnDisk, 'site' | 'items' | 'pages' | 'news' | 'problems'>,
  options: { generatedAt: string; contentFolder?: string },
): TranslationReport {
  return {
    ...translationStatus(translatablesOf(content), content.site.languages, content.site.sourceLanguage),
    generatedAt: options.generatedAt,
    contentFolder: options.contentFolder ?? 'content',
    repositoryEditUrl: content.site.repositoryEditUrl ?? null,
    unreadableFiles: [...new Set(content.problems.map((problem) => problem.file))].sort(),
  };
}

/** A report file's path from the repository's root, e.g. "content/catalog/zones/ip-khanh-an/index.ja.md". */
export function repositoryPath(report: Pick<TranslationReport, 'contentFolder'>, file: string): string {
  return report.contentFolder ? `${report.contentFolder.replace(/\/$/, '')}/${file}` : file;
}

/** Where to edit a file in the repository's web interface, when site.json names one. */
export function editUrl(report: Pick<TranslationReport, 'contentFolder' | 'repositoryEditUrl'>, file: string): string | undefined {
  return report.repositoryEditUrl ? `${report.repositoryEditUrl}${encodeURI(repositoryPath(report, file))}` : undefined;
}

/** What `--strict` fails on: a language without its text somewhere. */
export function hasMissing(report: StatusReport): boolean {
  return report.summary.some((counts) => counts.missing > 0);
}

const PLACEHOLDER = /\bTODO\b/;

/** The front matter that decides a text's state, as read from a file or from the editor's form. */
export type TextFields = Partial<Pick<TextInfo, 'version' | 'translatedFrom' | 'sourceVersion' | 'machineTranslated' | 'reviewed'>> & {
  title?: string;
  summary?: string;
};

/** A text's state-deciding fields; the editor calls this on a form's values, where the booleans may be unset. */
export function textInfo(text: TextFields, body: string, file?: string): TextInfo {
  return {
    version: text.version,
    translatedFrom: text.translatedFrom,
    sourceVersion: text.sourceVersion,
    machineTranslated: text.machineTranslated === true,
    reviewed: text.reviewed === true,
    placeholder: PLACEHOLDER.test(text.title ?? '') || PLACEHOLDER.test(text.summary ?? '') || PLACEHOLDER.test(body),
    ...(file !== undefined ? { file } : {}),
  };
}

function infoOf(entry: TextOnDisk<TextInfo & { title: string; summary: string }> | undefined): TextInfo | undefined {
  return entry && textInfo(entry.text, entry.body, entry.file);
}

/** Everything translatable in content read from disk, in the order a publisher browses it. */
export function translatablesOf(content: Pick<ContentOnDisk, 'items' | 'pages' | 'news'>): Translatable[] {
  const texts = (set: Partial<Record<string, TextOnDisk<TextInfo & { title: string; summary: string }>>>) =>
    Object.fromEntries(Object.entries(set).map(([lang, entry]) => [lang, infoOf(entry)]));
  return [
    ...content.pages.map((page) => ({ kind: 'page' as const, id: page.slug, folder: page.folder, texts: texts(page.texts) })),
    ...content.items.map((item) => ({
      kind: 'item' as const,
      id: `${item.category}/${item.facts.id}`,
      folder: item.folder,
      texts: texts(item.texts),
    })),
    ...content.news.map((post) => ({ kind: 'news' as const, id: post.slug, folder: post.folder, texts: texts(post.texts) })),
  ];
}
