// News in the built site: a list and a page per post in every language, the latest three on the home page, an Atom feed per language, sources cited.
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readContent } from '#content-files/read-content.ts';
import { NEWS_TYPES } from '#domain/catalog/news.ts';

const content = readContent('content');
const { site } = content;
const page = (path: string) => load(readFileSync(`dist${path}index.html`, 'utf8'));
const posts = content.news
  .map((post) => ({ slug: post.slug, source: post.texts[site.sourceLanguage]! }))
  .sort((a, b) => b.source.text.date!.localeCompare(a.source.text.date!));

describe('news content', () => {
  it('has posts, each with a date, a type and at least one source with an address', () => {
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const { slug, source } of posts) {
      expect(source.text.date, slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(NEWS_TYPES, slug).toContain(source.text.type);
      expect(
        source.text.sources?.some((item) => item.url),
        slug,
      ).toBe(true);
    }
  });

  it('has a label for every news type in every language', () => {
    for (const lang of site.languages) {
      const strings = JSON.parse(readFileSync(`content/ui/${lang}.json`, 'utf8')) as { news: { type: Record<string, string> } };
      for (const type of NEWS_TYPES) expect(strings.news.type[type], `${lang} news.type.${type}`).toBeTruthy();
    }
  });
});

describe('news pages', () => {
  it('lists every post, newest first, on each language’s news page, with its feed', () => {
    for (const lang of site.languages) {
      const $ = page(`/${lang}/news/`);
      const links = $('.news-list .news-title a')
        .toArray()
        .map((link) => $(link).attr('href'));
      expect(links, lang).toEqual(posts.map((post) => `/${lang}/news/${post.slug}/`));
      expect($(`a[href="/${lang}/news/feed.xml"]`).length).toBe(1);
    }
  });

  it('gives each post a page in each language with its date, type, text and sources', () => {
    for (const lang of site.languages)
      for (const { slug, source } of posts) {
        const $ = page(`/${lang}/news/${slug}/`);
        expect($('h1').text().trim(), `${lang}/${slug}`).not.toBe('');
        expect($('time').first().attr('datetime')).toBe(source.text.date);
        const sourceLinks = $('.item-sources a')
          .toArray()
          .map((link) => $(link).attr('href'));
        for (const cited of source.text.sources!.filter((item) => item.url)) expect(sourceLinks).toContain(cited.url);
        expect(JSON.parse($('script[type="application/ld+json"]').html()!)['@type']).toBe('NewsArticle');
      }
  });

  it('shows the latest three posts on the home page, and links News in the navigation', () => {
    for (const lang of site.languages) {
      const $ = page(`/${lang}/`);
      const links = $('.latest-news .news-title a')
        .toArray()
        .map((link) => $(link).attr('href'));
      expect(links, lang).toEqual(posts.slice(0, 3).map((post) => `/${lang}/news/${post.slug}/`));
      expect($(`.site-nav a[href="/${lang}/news/"]`).length).toBe(1);
    }
  });

  it('marks a post in Japanese as a machine translation until it is reviewed', () => {
    const $ = page(`/ja/news/${posts[0]!.slug}/`);
    expect($('.notice-translation').attr('data-translation')).toBe('draft');
  });
});

describe('the Atom feed', () => {
  it.each(site.languages)('%s is an Atom feed of every post in that language', (lang) => {
    const $ = load(readFileSync(`dist/${lang}/news/feed.xml`, 'utf8'), { xml: true });
    const feed = $('feed');
    expect(feed.attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(feed.attr('xml:lang')).toBe(site.languageTags[lang] ?? lang);
    expect($('feed > link[rel="self"]').attr('href')).toMatch(new RegExp(`/${lang}/news/feed\\.xml$`));
    const entries = $('entry').toArray();
    expect(entries.length).toBe(posts.length);
    expect($('feed > updated').text()).toBe(`${posts[0]!.source.text.date}T00:00:00Z`);
    for (const [index, entry] of entries.entries()) {
      expect($(entry).children('link').attr('href')).toMatch(new RegExp(`/${lang}/news/${posts[index]!.slug}/$`));
      expect($(entry).children('title').text()).not.toBe('');
      expect($(entry).children('content').text()).toContain('<p>');
    }
  });
});

describe('the item page', () => {
  it('links “report an error” to the contact form with the item’s id', () => {
    for (const lang of site.languages) {
      const $ = page(`/${lang}/zones/ip-khanh-an/`);
      expect($('.report-error a').attr('href'), lang).toBe(`/${lang}/contact/?type=correction&item=ip-khanh-an`);
    }
  });
});
