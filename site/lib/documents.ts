// The documents an item page lists: those its facts name and its generated factsheets, with what a reader needs to choose.
import { DOCUMENT_FOLDERS, loadDocumentFolders, type DocumentOnDisk } from '#content-files/documents.ts';
import type { DocumentMeta } from '#domain/catalog/documents.ts';
import type { CatalogItem } from './catalog.ts';
import { projectPath } from '#content-files/project-path.ts';
import { site, type Lang } from '#domain/site.ts';
import { languageTag } from '#domain/site.ts';
import { nativeLanguageName } from '#domain/languages.ts';

let cache: DocumentOnDisk[] | undefined;

function allDocuments(): DocumentOnDisk[] {
  cache ??= loadDocumentFolders(DOCUMENT_FOLDERS.map((folder) => projectPath(folder)));
  return cache;
}

const FACTSHEET_PREFIX = 'factsheet-';

/** The item's own documents first, then its factsheets with the reader's language first. */
export function documentsForItem(item: CatalogItem, lang: Lang): DocumentMeta[] {
  const documents = allDocuments().map((document) => document.meta);
  const named = item.facts.documents.map((id) => {
    const found = documents.find((document) => document.id === id);
    if (!found)
      throw new Error(
        `content/catalog/${item.category}/${item.id}/facts.yaml: documents lists "${id}", which is not in ${DOCUMENT_FOLDERS.join(' or ')}`,
      );
    return found;
  });
  const factsheets = site.languages
    .map((code) => documents.find((document) => document.id === `${FACTSHEET_PREFIX}${item.id}-${code}`))
    .filter((document) => document !== undefined)
    .sort((a, b) => Number(b.language === lang) - Number(a.language === lang));
  return [...named, ...factsheets];
}

/** A document's title in the reader's language, or in English, which every document has. */
export function documentTitle(document: DocumentMeta, lang: Lang): string {
  return document.title[lang] ?? document.title[site.sourceLanguage] ?? document.title.en ?? document.id;
}

/** The language a file is written in, which need not be one of the site's languages. */
export function documentLanguage(document: DocumentMeta): { tag: string; name: string } {
  const tag = site.languages.includes(document.language) ? languageTag(document.language) : document.language;
  return { tag, name: nativeLanguageName(tag) };
}
