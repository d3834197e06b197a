// The editor's view of source-text history: which texts it may ask for, and the JSON it gets (the old text a stale translation was made from).
import { join } from 'node:path';
import { translatablesOf, translationStatus } from '#domain/translation/translation-status.ts';
import { readContent } from './read-content.ts';
import { type TextAtVersion, textVersions } from './text-history.ts';

/** What /admin/history/<file>.json answers: the file (from the repository's root) and its text at each version, newest first. */
export interface TextHistory {
  file: string;
  versions: TextAtVersion[];
}

/** A text file inside the content folder, named for a site language ("content/catalog/zones/ip-khanh-an/index.vi.md"). */
const TEXT_PATH = /^([a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*)\/index\.([a-z]{2,3})\.md$/;

/**
 * The absolute path of a text the editor asks about, or undefined for anything else: only a language's text
 * file under the content folder, so no request reads outside it (no "..", no other file names).
 */
export function historyPath(root: string, contentFolder: string, file: string, languages: readonly string[]): string | undefined {
  const prefix = `${contentFolder}/`;
  if (!file.startsWith(prefix)) return undefined;
  const match = TEXT_PATH.exec(file.slice(prefix.length));
  if (!match || !languages.includes(match[2]!)) return undefined;
  return join(root, file);
}

/** The history of one text, or undefined when the file is not one the editor may ask about. */
export function textHistory(
  root: string,
  contentFolder: string,
  file: string,
  languages: readonly string[],
  wanted?: ReadonlySet<number>,
): TextHistory | undefined {
  const path = historyPath(root, contentFolder, file, languages);
  return path ? { file, versions: textVersions(path, wanted) } : undefined;
}

/** A source text some translation lags behind, and the versions those translations were made from. */
export interface StaleSource {
  file: string;
  versions: Set<number>;
}

/** The source texts with a stale translation today: the histories a published (static) editor needs. */
export function staleSources(root: string, contentFolder: string): StaleSource[] {
  const content = readContent(join(root, contentFolder));
  const report = translationStatus(translatablesOf(content), content.site.languages, content.site.sourceLanguage);
  return report.entries.flatMap((entry) => {
    const versions = new Set(
      entry.languages.flatMap((status) => (status.state === 'stale' && status.version !== undefined ? [status.version] : [])),
    );
    return versions.size > 0 ? [{ file: `${contentFolder}/${entry.folder}/index.${entry.sourceLanguage}.md`, versions }] : [];
  });
}

/** Every source text (a text without translatedFrom): the histories a running editor may ask for. */
export function sourceTexts(root: string, contentFolder: string): string[] {
  const content = readContent(join(root, contentFolder));
  const report = translationStatus(translatablesOf(content), content.site.languages, content.site.sourceLanguage);
  return report.entries.map((entry) => `${contentFolder}/${entry.folder}/index.${entry.sourceLanguage}.md`);
}
