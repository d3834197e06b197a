// The publishers' content as read from its files: items, pages and news with their texts per language, and each problem found.
import type { Category, ItemFacts, Text } from './catalog/catalog.ts';
import type { NewsText } from './catalog/news.ts';
import type { SiteConfig } from './site-config.ts';

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
  /** What the file holds at that field, when the problem is about a value the file has (absent: nothing there). */
  found?: unknown;
  /** What should be there, when the message alone does not say it in those words. */
  expected?: string;
}

/** One text file: its front matter, checked, and its Markdown body. */
export interface TextOnDisk<T = Text> {
  file: string;
  text: T;
  body: string;
}

/** A site page (content/pages/<slug>/) or a news post (content/news/<slug>/): texts per language, no facts. */
export interface TextSetOnDisk<T = Text> {
  slug: string;
  folder: string;
  texts: Partial<Record<string, TextOnDisk<T>>>;
  /** Markdown files whose name is not one of the site's languages (e.g. "fr.md" or "zh-CN.md"). */
  strayFiles: string[];
}

export interface ItemOnDisk {
  category: Category;
  folder: string;
  facts: ItemFacts;
  texts: Partial<Record<string, TextOnDisk>>;
  strayFiles: string[];
}

export interface ContentOnDisk {
  root: string;
  site: SiteConfig;
  items: ItemOnDisk[];
  pages: TextSetOnDisk[];
  news: TextSetOnDisk<NewsText>[];
  problems: ContentProblem[];
}
