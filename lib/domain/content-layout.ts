// Where each piece of content lives under content/: one naming for the build, the content tools and the editor's configuration.

/** The name a text is saved under, without the language: the editor's multilingual mode adds `.<language>.md`. */
export const TEXT_FILE_STEM = 'index';

/** The file of an item's, page's or post's text in one language, inside its folder (e.g. "index.vi.md"). */
export function textFileName(language: string): string {
  return `${TEXT_FILE_STEM}.${language}.md`;
}

/** An item's facts, beside its texts in the item's folder. */
export const FACTS_FILE = 'facts.yaml';
