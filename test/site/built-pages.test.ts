// Checks over the whole built site: a page per item and language, lang and dir, hreflang sets, sitemap, no stray JavaScript.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readContent } from '#content-files/read-content.ts';
import { useTranslations } from '#render/i18n.ts';
import { staleRuleText, statusText } from '#render/status-text.ts';

const DIST = 'dist';
const content = readContent('content');
const { site } = content;
const tagOf = (lang: string) => site.languageTags[lang] ?? lang;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
  );
}

/** URL path of a built file, as the server answers it: /en/zones/ip-khanh-an/. */
const pathOf = (file: string) => `/${relative(DIST, file).replace(/index\.html$/, '')}`;
const pages = htmlFiles(DIST)
  .filter((file) => !file.endsWith('404.html'))
  .map((file) => ({ file, path: pathOf(file), $: load(readFileSync(file, 'utf8')) }))
  // The staff console and the content editor are no public pages: not indexed, no language in their address
  // (test/browser/console.test.ts and test/browser/admin.test.ts check them).
  .filter((page) => !page.path.startsWith('/staff/') && !page.path.startsWith('/admin/'));
const languagePages = pages.filter((page) => page.path !== '/');
const byPath = new Map(pages.map((page) => [page.path, page]));

function alternates($: ReturnType<typeof load>): Map<string, string> {
  const links = $('link[rel="alternate"][hreflang]').toArray();
  return new Map(links.map((link) => [$(link).attr('hreflang')!, new URL($(link).attr('href')!).pathname]));
}

describe('the built site', () => {
  it('has a page for every item in every language', () => {
    const missing = content.items.flatMap((item) =>
      site.languages.map((lang) => `${DIST}/${lang}/${item.category}/${item.facts.id}/index.html`).filter((file) => !existsSync(file)),
    );
    expect(content.items.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('marks every page with its language, and Arabic pages right to left', () => {
    expect(languagePages.length).toBeGreaterThan(site.languages.length * 10);
    for (const { path, $ } of languagePages) {
      const lang = path.split('/')[1]!;
      expect($('html').attr('lang'), path).toBe(tagOf(lang));
      expect($('html').attr('dir'), path).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    }
  });

  it('gives every page a complete, reciprocal hreflang set with x-default', () => {
    for (const { path, $ } of languagePages) {
      const set = alternates($);
      const lang = path.split('/')[1]!;
      const indexable = $('meta[name="robots"][content*="noindex"]').length === 0;
      expect(set.has('x-default'), path).toBe(true);
      if (indexable) expect(set.get(tagOf(lang)), `${path} lists itself`).toBe(path);
      for (const [hreflang, target] of set) {
        const other = byPath.get(target);
        expect(other, `${path} → ${hreflang} ${target} exists`).toBeDefined();
        expect([...alternates(other!.$)].sort(), `${target} lists the same set as ${path}`).toEqual([...set].sort());
      }
    }
  });

  it('lists every translated page in the sitemap with the same alternates as the page', () => {
    const $ = load(readFileSync(join(DIST, 'sitemap.xml'), 'utf8'), { xml: true });
    const urls = $('url').toArray();
    expect(urls.length).toBeGreaterThan(content.items.length * site.languages.length);
    for (const url of urls) {
      const path = new URL($(url).children('loc').text()).pathname;
      const page = byPath.get(path);
      expect(page, `${path} from the sitemap exists`).toBeDefined();
      const fromSitemap = new Map(
        $(url)
          .children()
          .filter((_, el) => el.tagName === 'xhtml:link')
          .toArray()
          .map((link) => [$(link).attr('hreflang')!, new URL($(link).attr('href')!).pathname]),
      );
      expect([...fromSitemap].sort(), path).toEqual([...alternates(page!.$)].sort());
    }
  });

  it('ships no JavaScript outside islands: text pages none, others only the island loader', () => {
    for (const { path, $ } of languagePages) {
      const scripts = $('script')
        .toArray()
        .filter((script) => $(script).attr('type') !== 'application/ld+json');
      const islands = $('astro-island').length;
      if (islands === 0) expect(scripts.length, `${path} has no script`).toBe(0);
      else
        for (const script of scripts) expect($(script).attr('type') === 'module' || $(script).html()?.includes('astro'), path).toBe(true);
    }
    for (const textPage of ['/en/about/', '/ar/privacy/', '/ja/corridor/', '/vi/incentives/']) {
      const { $ } = byPath.get(textPage)!;
      expect($('script:not([type="application/ld+json"])').length, textPage).toBe(0);
    }
    // Item pages hydrate their form and download buttons only when scrolled to; nothing else runs.
    const itemPage = byPath.get('/en/zones/ip-khanh-an/')!.$;
    const islands = itemPage('astro-island')
      .toArray()
      .map((island) => itemPage(island).attr('client'));
    expect(islands.length).toBeGreaterThan(0);
    expect(new Set(islands)).toEqual(new Set(['visible']));
  });

  it('gives every page a title, a description, a canonical link and Open Graph tags', () => {
    for (const { path, $ } of languagePages) {
      expect($('title').text().trim(), path).not.toBe('');
      expect($('meta[name="description"]').attr('content')?.trim(), path).toBeTruthy();
      expect($('link[rel="canonical"]').attr('href'), path).toMatch(/^https?:\/\//);
      expect($('meta[property="og:title"]').attr('content'), path).toBeTruthy();
    }
  });

  it('describes each item page for search engines with schema.org JSON-LD', () => {
    const $ = byPath.get('/ja/zones/ip-khanh-an/')!.$;
    const data = JSON.parse($('script[type="application/ld+json"]').html()!);
    expect(data['@type']).toBe('Place');
    expect(data.geo.latitude).toBeCloseTo(9.228, 3);
    expect(data.inLanguage).toBe('ja');
  });
  it('shows a stale status as not confirmed since its date, on item pages, lists and the map, in every language', () => {
    // The rule runs on the build day; the pages were built today (a build and its check run on the same day).
    const stale = content.items.filter((item) => statusText(item.facts, 'en', useTranslations('en')).stale);
    expect(stale.length).toBeGreaterThan(0);
    for (const lang of site.languages) {
      const t = useTranslations(lang);
      for (const item of content.items) {
        const shown = statusText(item.facts, lang, t);
        const page = byPath.get(`/${lang}/${item.category}/${item.facts.id}/`)!;
        const badge = page.$('.item-status .status').first();
        expect(badge.text().startsWith(shown.text), `${lang} ${item.facts.id}: "${badge.text()}"`).toBe(true);
        expect(badge.hasClass('status-stale'), `${lang} ${item.facts.id}`).toBe(shown.stale);
      }
      const list = byPath.get(`/${lang}/energy/`)!.$.html();
      const map = byPath.get(`/${lang}/map/`)!;
      for (const item of stale.filter((candidate) => candidate.category === 'energy'))
        expect(list, `${lang} energy list`).toContain(statusText(item.facts, lang, t).text);
      expect(map.$('.map-legend').text()).toContain(staleRuleText(t));
      // The home page's totals say which statuses they count.
      expect(byPath.get(`/${lang}/`)!.$('.section-links + .hint').text()).toContain(t('status.construction.label'));
    }
  });
});
