// Makes the staff console's translation report from a content folder, for the local stack (at start) and the staff Lambda bundle (translation-status.json) alike.
import { readContent } from './read-content.ts';
import { translationReport, type TranslationReport } from '#domain/translation/translation-status.ts';

/** The file functions/build.ts writes beside the staff function's code, and the function reads at cold start. */
export const TRANSLATION_REPORT_FILE = 'translation-status.json';

/**
 * The same reading and the same logic as `npm run content:status`. `contentFolder` is where the folder sits in
 * the repository, for the paths the console shows and links: "content" unless another folder stands in for it.
 */
export function readTranslationReport(contentDir: string, options: { contentFolder?: string; now?: () => number } = {}): TranslationReport {
  return translationReport(readContent(contentDir), {
    generatedAt: new Date((options.now ?? Date.now)()).toISOString(),
    contentFolder: options.contentFolder ?? 'content',
  });
}
