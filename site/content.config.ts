// Content collections: the catalog's facts and words, read from content/ and checked against the domain schemas at build.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CATEGORIES, itemFactsSchema, textSchema, type Category } from '#domain/catalog/catalog.ts';
import { newsTextSchema } from '#domain/catalog/news.ts';

/** Tests point this at a fixture folder to prove a bad file fails the build; the site always reads content/. */
const contentDir = process.env.CONTENT_DIR ?? './content';

/** Entry ids are paths without the extension ("ip-khanh-an/facts", "zones/ip-khanh-an/ja"), so errors name the file. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(ya?ml|md)$/, '');

const factsOf = (category: Category) =>
  defineCollection({
    loader: glob({ pattern: '*/facts.yaml', base: `${contentDir}/catalog/${category}`, generateId: pathId }),
    schema: itemFactsSchema,
  });

export const collections = {
  ...(Object.fromEntries(CATEGORIES.map((category) => [category, factsOf(category)])) as Record<Category, ReturnType<typeof factsOf>>),
  itemTexts: defineCollection({
    loader: glob({ pattern: '*/*/*.md', base: `${contentDir}/catalog`, generateId: pathId }),
    schema: textSchema,
  }),
  pages: defineCollection({
    loader: glob({ pattern: '*/*.md', base: `${contentDir}/pages`, generateId: pathId }),
    schema: textSchema,
  }),
  /** News posts: content/news/<slug>/<language>.md; the source text carries the date, type and sources. */
  news: defineCollection({
    loader: glob({ pattern: '*/*.md', base: `${contentDir}/news`, generateId: pathId }),
    schema: newsTextSchema,
  }),
};
