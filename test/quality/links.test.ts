// Every internal link and anchor in the built site, in every language, leads somewhere: a file in dist/ and, for #fragments, an id on that page.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';

const site = JSON.parse(readFileSync('content/site.json', 'utf8')) as { url: string; languages?: string[] };
/** Absolute links to the site's own address (canonical, hreflang, Open Graph, sitemap, feeds) are internal too. */
const SITE_ORIGIN = new URL(process.env.SITE_URL ?? site.url).origin;

interface BrokenLink {
  page: string;
  link: string;
  problem: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** The address a built file is served at: en/zones/index.html → /en/zones/. */
function urlPathOf(root: string, file: string): string {
  const path = `/${relative(root, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The built file an address is served from, or undefined: a file, or a folder with index.html. */
function fileFor(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const target = join(root, decoded);
  if (!target.startsWith(root)) return undefined;
  if (decoded.endsWith('/')) return existsSync(join(target, 'index.html')) ? join(target, 'index.html') : undefined;
  if (!existsSync(target)) return undefined;
  if (statSync(target).isFile()) return target;
  return existsSync(join(target, 'index.html')) ? join(target, 'index.html') : undefined;
}

/** Every link-carrying attribute of an HTML page: links, resources, and the scripts Astro's islands load. */
function htmlLinks($: cheerio.CheerioAPI): string[] {
  const links: string[] = [];
  const attributes: [string, string][] = [
    ['a[href], area[href], link[href]', 'href'],
    ['img[src], script[src], iframe[src], source[src], audio[src], video[src]', 'src'],
    ['form[action]', 'action'],
    ['astro-island[component-url]', 'component-url'],
    ['astro-island[renderer-url]', 'renderer-url'],
    ['astro-island[before-hydration-url]', 'before-hydration-url'],
  ];
  for (const [selector, attribute] of attributes) $(selector).each((_, element) => void links.push($(element).attr(attribute)!));
  $('img[srcset], source[srcset]').each((_, element) => {
    for (const candidate of ($(element).attr('srcset') ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) links.push(url);
    }
  });
  return links;
}

/** Links in the sitemap and the Atom feeds. */
function xmlLinks(xml: string): string[] {
  const $ = cheerio.load(xml, { xml: true });
  const links: string[] = [];
  $('loc').each((_, element) => void links.push($(element).text().trim()));
  $('link[href]').each((_, element) => void links.push($(element).attr('href')!));
  return links;
}

/** Parses a page with htmlparser2 (several times faster than parse5 over a few hundred pages; links and ids need no tree fix-ups). */
const loadHtml = (html: string) => cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });

function idsIn($: cheerio.CheerioAPI): Set<string> {
  const set = new Set<string>();
  $('[id]').each((_, element) => void set.add($(element).attr('id')!));
  $('a[name]').each((_, element) => void set.add($(element).attr('name')!));
  return set;
}

/** Checks every page of a built site; returns what is broken (empty when all is well) and how many internal links were followed. */
function checkLinks(root: string, origin = SITE_ORIGIN): { broken: BrokenLink[]; checked: number; pages: number } {
  // Pagefind's own UI bundles are not pages of the site.
  const files = walk(root).filter((file) => /\.(html|xml)$/.test(file) && !relative(root, file).startsWith(`pagefind${sep}`));
  const ids = new Map<string, Set<string>>();
  const linksOf = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.xml')) {
      linksOf.set(file, xmlLinks(text));
    } else {
      const $ = loadHtml(text);
      linksOf.set(file, htmlLinks($));
      ids.set(file, idsIn($));
    }
  }
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const [file, links] of linksOf) {
    const pagePath = urlPathOf(root, file);
    const base = new URL(pagePath, origin);
    for (const link of links) {
      let url: URL;
      try {
        url = new URL(link, base);
      } catch {
        broken.push({ page: pagePath, link, problem: 'not a valid URL' });
        continue;
      }
      if (url.origin !== origin) continue; // external (or mailto:, tel:): not fetched
      // The API answers these (CloudFront sends /api/* to it), not a file in dist; the function tests check its routes.
      if (url.pathname.startsWith('/api/')) continue;
      checked++;
      const target = fileFor(root, url.pathname);
      if (!target) {
        broken.push({ page: pagePath, link, problem: `no file in dist for ${url.pathname}` });
        continue;
      }
      if (!url.hash || url.hash === '#') continue;
      let fragment: string;
      try {
        fragment = decodeURIComponent(url.hash.slice(1));
      } catch {
        broken.push({ page: pagePath, link, problem: 'fragment is not valid percent-encoding' });
        continue;
      }
      const targetIds = ids.get(target);
      if (!targetIds) broken.push({ page: pagePath, link, problem: `fragment #${fragment} on a file that is not a page` });
      else if (!targetIds.has(fragment))
        broken.push({ page: pagePath, link, problem: `no id="${fragment}" on ${urlPathOf(root, target)}` });
    }
  }
  return { broken, checked, pages: ids.size };
}

describe('links in the built site', () => {
  it('finds a missing page, a missing anchor and a missing island script in a small site (the checker itself)', () => {
    const root = mkdtempSync(join(tmpdir(), 'camau-links-'));
    try {
      const write = (path: string, html: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), html);
      };
      write(
        'en/index.html',
        [
          '<a href="/en/zones/">ok</a><a href="/en/zones/#list">ok anchor</a><a href="#top">ok local</a><p id="top"></p>',
          '<a href="/en/missing/">missing page</a><a href="/en/zones/#nowhere">missing anchor</a>',
          `<link rel="alternate" hreflang="vi" href="${SITE_ORIGIN}/vi/">`,
          '<a href="https://example.com/x">external</a><a href="mailto:a@example.org">mail</a><a href="/api/inquiry-service">api</a>',
          '<astro-island component-url="/_astro/Gone.js"></astro-island>',
        ].join(''),
      );
      write('en/zones/index.html', '<h2 id="list">List</h2>');
      const { broken, checked } = checkLinks(root, SITE_ORIGIN);
      expect(broken.map((entry) => entry.link).sort()).toEqual(
        ['/_astro/Gone.js', '/en/missing/', '/en/zones/#nowhere', `${SITE_ORIGIN}/vi/`].sort(),
      );
      expect(checked).toBe(7);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('has no broken internal link or anchor on any page, feed or sitemap of dist/', () => {
    const { broken, checked, pages } = checkLinks(join(process.cwd(), 'dist'));
    const languages = site.languages ?? ['en', 'vi', 'zh', 'ja', 'ko', 'ar', 'ms'];
    // Every language was built and read: a site that lost its pages would otherwise pass with nothing to check.
    for (const language of languages) expect(existsSync(join('dist', language, 'index.html')), `dist/${language}/index.html`).toBe(true);
    expect(pages).toBeGreaterThan(languages.length * 20);
    expect(checked).toBeGreaterThan(pages * 20);
    const report = broken.slice(0, 50).map((entry) => `${entry.page}: ${entry.link} — ${entry.problem}`);
    expect(report, `${broken.length} broken links`).toEqual([]);
  });
});
