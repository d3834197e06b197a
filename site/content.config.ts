// Content collections: the catalog's facts and words, read from content/ and checked against the domain schemas at build.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CATEGORIES, itemFactsSchema, textSchema, type Category } from '#domain/catalog/catalog.ts';
import { newsTextSchema } from '#domain/catalog/news.ts';
import { TEXT_FILE_STEM } from '#domain/content-layout.ts';

/** Tests point this at a fixture folder to prove a bad file fails the build; the site always reads content/. */
const contentDir = process.env.CONTENT_DIR ?? './content';

/** Entry ids are paths without the extension ("ip-khanh-an/facts"), so errors name the file. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(ya?ml|md)$/, '');

/** A text's id is its folder and language ("zones/ip-khanh-an/ja" for zones/ip-khanh-an/index.ja.md): what pages look texts up by. */
const textId = ({ entry }: { entry: string }) => entry.replace(new RegExp(`/${TEXT_FILE_STEM}\\.([^./]+)\\.md$`), '/$1');
const textPattern = (depth: number) => `${'*/'.repeat(depth)}${TEXT_FILE_STEM}.*.md`;

const factsOf = (category: Category) =>
  defineCollection({
    loader: glob({ pattern: '*/facts.yaml', base: `${contentDir}/catalog/${category}`, generateId: pathId }),
    schema: itemFactsSchema,
  });

export const collections = {
  ...(Object.fromEntries(CATEGORIES.map((category) => [category, factsOf(category)])) as Record<Category, ReturnType<typeof factsOf>>),
  itemTexts: defineCollection({
    loader: glob({ pattern: textPattern(2), base: `${contentDir}/catalog`, generateId: textId }),
    schema: textSchema,
  }),
  pages: defineCollection({
    loader: glob({ pattern: textPattern(1), base: `${contentDir}/pages`, generateId: textId }),
    schema: textSchema,
  }),
  /** News posts: content/news/<slug>/index.<language>.md; the source text carries the date, type and sources. */
  news: defineCollection({
    loader: glob({ pattern: textPattern(1), base: `${contentDir}/news`, generateId: textId }),
    schema: newsTextSchema,
  }),
};
