// Every page of the site with the languages it is really written in: the source of the sitemap's hreflang sets.
import { getCatalog, getPageTexts, languagesWithText, itemPath } from './catalog.ts';
import { site, type Lang } from '#domain/site.ts';
import { CATEGORIES } from '#domain/catalog/catalog.ts';
import { getNews } from './news.ts';

export interface IndexedPage {
  /** Path after the language, e.g. "zones/ip-khanh-an/". */
  path: string;
  languages: Lang[];
}

const TEXT_PAGES = ['corridor', 'incentives', 'about', 'privacy'];

export async function listPages(): Promise<IndexedPage[]> {
  const home = languagesWithText(await getPageTexts('home'));
  const textPages = await Promise.all(
    TEXT_PAGES.map(async (slug) => ({ path: `${slug}/`, languages: languagesWithText(await getPageTexts(slug)) })),
  );
  const items = (await getCatalog()).map((item) => ({
    path: itemPath('', item).replace(/^\/\//, ''),
    languages: languagesWithText(item.texts),
  }));
  const news = (await getNews()).map((post) => ({ path: `news/${post.slug}/`, languages: languagesWithText(post.texts) }));
  return [
    { path: '', languages: home },
    ...CATEGORIES.map((category) => ({ path: `${category}/`, languages: site.languages })),
    ...textPages,
    ...items,
    // Pages built from UI strings exist in every language.
    { path: 'data/', languages: site.languages },
    { path: 'news/', languages: site.languages },
    ...news,
  ];
}
