// The editor's extension (bundled as /admin/editor.js, loaded by /admin/ only): translation widgets and the checks before each save.
import { site } from '#domain/site.ts';
import { entryProblems, refusal } from './checks.ts';
import { configure, saved } from './context.ts';
import type { ImmutableMap } from './entry-texts.ts';
import type { EditorLocale } from './labels.ts';
import { ReviewControl, SourceVersionControl, TranslationStatusControl, ValuePreview } from './widgets.ts';

interface CmsApi {
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: unknown }) => unknown }): void;
}

interface EditorConfig {
  i18n: { locales: string[]; default_locale: string };
}

/** Registers everything with the editor; init.js calls it with the generated configuration before starting the editor. */
function start(config: EditorConfig, locale: EditorLocale): void {
  const cms = (window as unknown as { CMS: CmsApi }).CMS;
  configure(config.i18n.locales, config.i18n.default_locale, locale);
  cms.registerWidget('source-version', SourceVersionControl, ValuePreview);
  cms.registerWidget('translation-status', TranslationStatusControl, ValuePreview);
  cms.registerWidget('review', ReviewControl, ValuePreview);
  cms.registerEventListener({ name: 'postSave', handler: () => saved() });
  // A handler that throws stops the save before anything is written: the editor shows the message (decap-cms-core's
  // persistEntry catches it as a failed save) and keeps the form as it was.
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const problems = entryProblems(entry as ImmutableMap, site.sectors);
      if (problems.length > 0) throw new Error(refusal(problems));
      return undefined;
    },
  });
}

(window as unknown as { investEditor: { start: typeof start } }).investEditor = { start };
