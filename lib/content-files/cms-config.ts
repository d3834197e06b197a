// The editor's configuration (Decap CMS) generated from the content schemas and site.json: never written by hand beside them.
import { CATEGORIES, KINDS_BY_CATEGORY, itemFactsSchema, textSchema, type Category } from '#domain/catalog/catalog.ts';
import { documentFileSchema } from '#domain/catalog/documents.ts';
import { newsTextSchema } from '#domain/catalog/news.ts';
import { FACTS_FILE, TEXT_FILE_STEM } from '#domain/content-layout.ts';
import { siteConfigSchema, type SiteConfig } from '#domain/site-config.ts';
import { type CmsField, type FieldContext, fieldFor, fieldsOf, objectShape, TRANSLATION_WIDGETS } from './cms-fields.ts';

export interface CmsCollection {
  name: string;
  label: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  path?: string;
  extension?: string;
  format?: 'yaml' | 'frontmatter' | 'json';
  create?: boolean;
  delete?: boolean;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  i18n?: boolean;
  media_folder?: string;
  public_folder?: string;
  fields?: CmsField[];
}

export interface CmsConfig {
  backend: { name: string; branch: string; repo?: string; base_url?: string; auth_endpoint?: string };
  local_backend?: { url: string };
  publish_mode?: 'editorial_workflow';
  load_config_file: false;
  media_folder: string;
  public_folder: string;
  i18n: { structure: 'multiple_files'; locales: string[]; default_locale: string };
  collections: CmsCollection[];
}

export interface CmsOptions {
  /** Where the content folder lies, from the folder the editor's server serves (the repository's root). */
  contentFolder?: string;
  /** The address of the local proxy (`decap-server`) that edits the working tree; absent in the published site. */
  localBackendUrl?: string;
  /**
   * `editorial_workflow`: a saved change is a draft on a branch of its own until an approver publishes (merges) it.
   * Unset, a save publishes at once. Defaults to DECAP_PUBLISH_MODE, which `npm run dev -- --workflow` sets.
   */
  publishMode?: 'editorial_workflow';
}

/** Fields of news posts that only the source text carries: its translations take them from it. */
const SOURCE_ONLY_NEWS_FIELDS = new Set(['date', 'type', 'sources', 'related']);

/** The site settings a publisher edits in the editor; the rest of site.json is the site's developers' to change. */
export const SETTINGS_FIELDS = ['publisher', 'keyFigures', 'keyFigureSources', 'contacts'] as const;

/**
 * How a text stands to its source, as the editor shows it. Any language's text can be an item's source (the one
 * with no `translatedFrom`), so `translatedFrom` is a choice among the site's languages, empty for the source.
 */
function translationField(field: CmsField, context: FieldContext): Partial<CmsField> {
  if (field.name === 'translatedFrom')
    return {
      widget: 'select',
      options: [...context.languages],
      pattern: undefined,
      hint: 'Empty for the source text (the one the others are translated from); for a translation, the language of its source.',
    };
  if (field.name in TRANSLATION_WIDGETS) return { widget: TRANSLATION_WIDGETS[field.name as keyof typeof TRANSLATION_WIDGETS] };
  return {};
}

/** The collection of one catalog section's texts, or of pages and news. */
function textFields(schema: typeof textSchema | typeof newsTextSchema, context: FieldContext, sourceOnly = new Set<string>()): CmsField[] {
  return [
    ...fieldsOf(schema, context).map((field) => ({
      ...field,
      ...(field.name === 'summary' ? { widget: 'text' as const } : {}),
      ...translationField(field, context),
      i18n: !sourceOnly.has(field.name),
    })),
    { name: 'body', label: 'Text', widget: 'markdown', required: false, i18n: true },
  ];
}

function factsCollection(category: Category, folder: string, context: FieldContext): CmsCollection {
  const fields = fieldsOf(itemFactsSchema, context).map((field) =>
    // A section's items are only its own kinds: the folder decides the section.
    field.name === 'kind' ? { ...field, options: [...KINDS_BY_CATEGORY[category]] } : field,
  );
  return {
    name: `${category}-facts`,
    label: `${category}: facts`,
    folder,
    path: `{{slug}}/${FACTS_FILE.replace(/\.yaml$/, '')}`,
    extension: 'yaml',
    format: 'yaml',
    create: true,
    delete: false,
    slug: '{{id}}',
    identifier_field: 'id',
    summary: '{{id}} ({{kind}}, {{status}})',
    fields,
  };
}

function textCollection(name: string, label: string, folder: string, fields: CmsField[], create: boolean): CmsCollection {
  return {
    name,
    label,
    folder,
    path: `{{slug}}/${TEXT_FILE_STEM}`,
    extension: 'md',
    format: 'frontmatter',
    create,
    delete: false,
    identifier_field: 'title',
    i18n: true,
    fields,
  };
}

function documentsCollection(folder: string, context: FieldContext): CmsCollection {
  const fields = fieldsOf(documentFileSchema, context).map((field) => {
    if (field.name === 'file')
      return { ...field, widget: 'file' as const, hint: 'The PDF (or other file) itself, kept beside this description.' };
    // The schema's refinement asks for the English title, the fallback the site shows for a missing translation.
    if (field.name === 'title')
      return { ...field, fields: field.fields!.map((title) => (title.name === 'en' ? { ...title, required: true } : title)) };
    return field;
  });
  return {
    name: 'documents',
    label: 'documents',
    folder,
    extension: 'yaml',
    format: 'yaml',
    create: true,
    delete: false,
    slug: '{{id}}',
    identifier_field: 'id',
    // Files sit beside their description, where content:check and the build look for them.
    media_folder: '',
    public_folder: '',
    fields,
  };
}

function settingsCollection(file: string, context: FieldContext): CmsCollection {
  const shape = objectShape(siteConfigSchema);
  return {
    name: 'settings',
    label: 'settings',
    files: [
      {
        name: 'site',
        label: 'publisher, key figures and contacts',
        file,
        fields: SETTINGS_FIELDS.map((name) => fieldFor(name, shape[name]!, context)),
      },
    ],
    format: 'json',
  };
}

/**
 * The published editor's Git host, when the build is told it (the publishing build on AWS sets these, see
 * infra/lib/constructs/publishing-pipeline.ts): GitHub, signing in through the editor's OAuth exchange at DECAP_AUTH_URL.
 */
export const CMS_BACKEND_ENV = { repo: 'DECAP_GITHUB_REPO', branch: 'DECAP_BRANCH', authUrl: 'DECAP_AUTH_URL' } as const;

function publishedBackend(env: Record<string, string | undefined>): CmsConfig['backend'] {
  const repo = env[CMS_BACKEND_ENV.repo];
  const baseUrl = env[CMS_BACKEND_ENV.authUrl];
  if (repo && baseUrl)
    return { name: 'github', repo, branch: env[CMS_BACKEND_ENV.branch] || 'main', base_url: baseUrl, auth_endpoint: 'auth' };
  return { name: 'git-gateway', branch: 'main' };
}

/** The whole configuration for one site: a collection per catalog section (facts and texts), pages, news, documents, settings. */
export function cmsConfig(site: SiteConfig, options: CmsOptions = {}): CmsConfig {
  const content = options.contentFolder ?? 'content';
  const context: FieldContext = { languages: site.languages };
  const catalogText = textFields(textSchema, context);
  return {
    // The published editor signs in through the Git host (GitHub on AWS) or the hosting's Git gateway; locally the proxy below answers instead.
    backend: publishedBackend(process.env),
    ...(options.localBackendUrl ? { local_backend: { url: options.localBackendUrl } } : {}),
    ...((options.publishMode ?? process.env.DECAP_PUBLISH_MODE) === 'editorial_workflow'
      ? { publish_mode: 'editorial_workflow' as const }
      : {}),
    load_config_file: false,
    media_folder: `${content}/documents`,
    public_folder: '/documents',
    i18n: { structure: 'multiple_files', locales: [...site.languages], default_locale: site.sourceLanguage },
    collections: [
      ...CATEGORIES.flatMap((category) => [
        factsCollection(category, `${content}/catalog/${category}`, context),
        textCollection(category, `${category}: texts`, `${content}/catalog/${category}`, catalogText, false),
      ]),
      textCollection('pages', 'pages', `${content}/pages`, catalogText, false),
      textCollection('news', 'news', `${content}/news`, textFields(newsTextSchema, context, SOURCE_ONLY_NEWS_FIELDS), true),
      documentsCollection(`${content}/documents`, context),
      settingsCollection(`${content}/site.json`, context),
    ],
  };
}
