// News posts as pages need them: each post's texts by language, with the date, type, sources and related items of its source text.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Source } from '#domain/catalog/catalog.ts';
import type { NewsType } from '#domain/catalog/news.ts';
import type { TextEntry } from './localize.ts';
import { site, type Lang } from '#domain/site.ts';

export interface NewsPost {
  slug: string;
  texts: Map<Lang, TextEntry>;
  date: string;
  type: NewsType;
  sources: Source[];
  related: string[];
}

let cache: Promise<NewsPost[]> | undefined;

/** Every post, newest first (by date, then by slug so the order never depends on the file system). */
export function getNews(): Promise<NewsPost[]> {
  cache ??= loadNews();
  return cache;
}

async function loadNews(): Promise<NewsPost[]> {
  const bySlug = new Map<string, Map<Lang, TextEntry>>();
  for (const entry of await getCollection('news')) {
    const [slug, lang] = entry.id.split('/');
    if (!slug || !lang) continue;
    if (!bySlug.has(slug)) bySlug.set(slug, new Map());
    bySlug.get(slug)!.set(lang, entry);
  }
  return [...bySlug]
    .map(([slug, texts]) => {
      // The facts of a post live in its source text, in whichever language that is (the text not translated from
      // another); the schema makes sure they are there.
      const all = [...texts.values()] as CollectionEntry<'news'>[];
      const source =
        all.find((text) => text.data.translatedFrom === undefined) ??
        (texts.get(site.sourceLanguage) as CollectionEntry<'news'>) ??
        all[0]!;
      const { date, type, sources, related } = source.data;
      if (!date || !type || !sources) throw new Error(`${source.filePath ?? `content/news/${slug}`} needs date, type and sources`);
      return { slug, texts, date, type, sources, related: related ?? [] };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

export function newsPath(lang: Lang, post: Pick<NewsPost, 'slug'>): string {
  return `/${lang}/news/${post.slug}/`;
}
