// What every widget of the extension shares: the site's languages, the editor's language, saves so far, source histories fetched.
import type { EntryLanguages } from './entry-texts.ts';
import { type EditorLocale, LABELS, type Labels } from './labels.ts';

/** The old texts of one source file, as /admin/history/<file>.json answers (see lib/content-files/cms-history.ts). */
export interface TextHistory {
  file: string;
  versions: { version: number; data: Record<string, unknown>; body: string }[];
}

interface EditorContext extends EntryLanguages {
  locale: EditorLocale;
  labels: Labels;
  /** Raised after each save: widgets take the saved entry as their new starting point. */
  saves: number;
}

export const context: EditorContext = { languages: [], defaultLanguage: 'en', locale: 'en', labels: LABELS.en, saves: 0 };

export function configure(languages: readonly string[], defaultLanguage: string, locale: EditorLocale): void {
  Object.assign(context, { languages, defaultLanguage, locale, labels: LABELS[locale] });
}

const histories = new Map<string, Promise<TextHistory | undefined>>();

/** A source text's history, fetched once per file until the next save (which may add a version). */
export function historyOf(file: string): Promise<TextHistory | undefined> {
  let found = histories.get(file);
  if (!found) {
    found = fetch(`/admin/history/${file.split('/').map(encodeURIComponent).join('/')}.json`, { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<TextHistory>) : undefined))
      .catch(() => undefined);
    histories.set(file, found);
  }
  return found;
}

export function saved(): void {
  context.saves += 1;
  histories.clear();
}

/** The event the review action sends to the reviewed box of the same language. */
export const REVIEWED_EVENT = 'invest-editor:reviewed';
