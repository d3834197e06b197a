// Every page template in all seven languages has no axe-core WCAG 2.2 AA violation in real Chromium, islands hydrated, in the states a visitor sees.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';
import { startTestStack, type TestStack } from '../functions/helpers.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGUAGES = ['en', 'vi', 'zh', 'ja', 'ko', 'ar', 'ms'] as const;
type Lang = (typeof LANGUAGES)[number];

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let stack: TestStack;
let site: RunningSite;
let browser: Browser;
/** Each language's problems, checked as soon as the browser is up: every template of every language shares one queue. */
const problemsByLanguage = new Map<string, Promise<string[]>>();

beforeAll(async () => {
  // With the local API behind it, as a visitor has it: the staff sign-in, for one, asks the API before it offers its form.
  stack = await startTestStack();
  [site, browser] = await Promise.all([serveBuiltSite(stack.api.url), launchBrowser()]);
  const extra: Target[] = [{ name: '404', path: '/404.html' }];
  if (existsSync('dist/staff/index.html'))
    extra.push({
      name: 'staff sign-in',
      path: '/staff/',
      prepare: async (page) => void (await page.waitForSelector('button[type="submit"]:enabled')),
    });
  for (const [key, targets] of [...LANGUAGES.map((lang) => [lang, templates(lang)] as const), ['other', extra] as const])
    problemsByLanguage.set(
      key,
      Promise.all(targets.map((target) => pool(() => check(target)))).then((lists) => lists.flat()),
    );
  // Wait for all before the tests read them, so no check is still running when the browser closes. Some 90 pages
  // with axe: on a busy two-core machine that once took over five minutes, hence the generous limit.
  await Promise.all(problemsByLanguage.values());
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await stack?.cleanup();
});

interface Target {
  name: string;
  path: string;
  viewport?: { width: number; height: number };
  /** Brings the page into the state to check, after it loaded and its islands hydrated. */
  prepare?: (page: Page) => Promise<void>;
}

/** The first link of a list page in the built site, so the test follows whatever the content holds. */
function firstNewsPost(lang: Lang): string | undefined {
  const file = `dist/${lang}/news/index.html`;
  if (!existsSync(file)) return undefined;
  const href = cheerio
    .load(readFileSync(file, 'utf8'))(`main a[href^="/${lang}/news/"]`)
    .filter((_, a) => !/\/news\/(feed\.xml)?$/.test(a.attribs.href ?? ''))
    .first()
    .attr('href');
  return href;
}

/** The item page's heading, a phrase the search index has for that language. */
function itemTitle(lang: Lang): string {
  return cheerio
    .load(readFileSync(`dist/${lang}/zones/ip-khanh-an/index.html`, 'utf8'))('h1')
    .first()
    .text()
    .trim();
}

function templates(lang: Lang): Target[] {
  const targets: Target[] = [
    { name: 'home', path: `/${lang}/` },
    { name: 'list', path: `/${lang}/zones/` },
    { name: 'item', path: `/${lang}/zones/ip-khanh-an/` },
    {
      // On a phone the map stays a static picture until touched.
      name: 'map (preview)',
      path: `/${lang}/map/`,
      viewport: PHONE,
      prepare: async (page) => {
        const state = await page.getAttribute('#map', 'data-state');
        if (state !== 'preview') throw new Error(`the map is "${state}", not the preview`);
      },
    },
    {
      // Just wider than the phone breakpoint: the live map draws in software here, and every pixel costs.
      name: 'map (live)',
      path: `/${lang}/map/`,
      viewport: { width: 800, height: 700 },
      prepare: async (page) => {
        await page.locator('#map').focus();
        await page.waitForSelector('#map[data-state="ready"]', { timeout: 20_000 });
        await page.waitForSelector('.map-live[data-rendered-features]', { timeout: 20_000 });
      },
    },
    { name: 'corridor', path: `/${lang}/corridor/` },
    { name: 'incentives', path: `/${lang}/incentives/` },
    {
      name: 'contact (errors shown)',
      path: `/${lang}/contact/`,
      prepare: async (page) => {
        await page.waitForSelector('.inquiry-form button[type="submit"]:enabled');
        await page.focus('.inquiry-form button[type="submit"]');
        await page.keyboard.press('Enter');
        await page.waitForSelector('.error-summary', { state: 'visible' });
        const invalid = await page.locator('[aria-invalid="true"]').count();
        if (invalid < 2) throw new Error(`only ${invalid} field marked invalid after an empty submit`);
      },
    },
    { name: 'data', path: `/${lang}/data/` },
    {
      // A shared link with an id the catalog does not have: the notice and the table drawn from the build's data.
      name: 'compare',
      path: `/${lang}/compare/?items=ip-khanh-an,ip-hoa-trung,no-such-item`,
      prepare: async (page) => void (await page.waitForSelector('.compare-table', { timeout: 15_000 })),
    },
    {
      // Bad input and answers at once: the error summary, the marked field and every zone's table.
      name: 'match (errors and answers)',
      path: `/${lang}/match/?land=x&gas=yes&port=60`,
      prepare: async (page) => {
        await page.waitForSelector('.match-zone', { timeout: 15_000 });
        await page.waitForSelector('.error-summary');
      },
    },
  ];
  if (existsSync(`dist/${lang}/news/index.html`)) targets.push({ name: 'news list', path: `/${lang}/news/` });
  const post = firstNewsPost(lang);
  if (post) targets.push({ name: 'news post', path: post });
  if (existsSync(`dist/${lang}/search/index.html`))
    targets.push({
      name: 'search (results)',
      path: `/${lang}/search/?q=${encodeURIComponent(itemTitle(lang))}`,
      prepare: async (page) => {
        await page.waitForSelector('.search-results a', { timeout: 15_000 });
      },
    });
  return targets;
}

/** Brings every island into view in turn (client:visible ones hydrate only then) and waits until all have hydrated. */
async function hydrateIslands(page: Page): Promise<void> {
  const islands = page.locator('astro-island');
  for (let index = 0; index < (await islands.count()); index++) await islands.nth(index).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function runAxe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, TAGS);
}

/** Runs at most CONCURRENCY checks at a time (measured on two cores: three overlap page loads with axe's work best). */
const CONCURRENCY = 3;
let running = 0;
const waiting: (() => void)[] = [];
async function pool<T>(task: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** One target's problems as lines; a target that cannot be brought into its state is a problem too, never a crash. */
async function check(target: Target): Promise<string[]> {
  const page = await browser.newPage({ viewport: target.viewport ?? DESKTOP });
  // An uncaught error (a failed hydration, say) leaves a page in a state no one checked: it is reported too.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${target.name} ${target.path}: uncaught ${String(error).slice(0, 200)}`));
  try {
    await page.goto(`${site.origin}${target.path}`);
    await hydrateIslands(page);
    await target.prepare?.(page);
    const violations = await runAxe(page);
    return [
      ...errors,
      ...violations.flatMap((v) =>
        v.nodes
          .slice(0, 3)
          .map(
            (node) =>
              `${target.name} ${target.path}: ${v.id} (${v.impact}) ${v.help} — ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`,
          ),
      ),
    ];
  } catch (error) {
    return [...errors, `${target.name} ${target.path}: could not be checked: ${String(error).split('\n')[0]}`];
  } finally {
    await page.close();
  }
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('finds violations on a page made to have them (the check itself)', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(
        '<!doctype html><html><head><title>x</title></head><body><main><img src="data:,"><p style="color:#bbb;background:#fff">faint</p><input></main></body></html>',
      );
      const ids = (await runAxe(page)).map((v) => v.id).sort();
      expect(ids).toEqual(expect.arrayContaining(['color-contrast', 'html-has-lang', 'image-alt', 'label']));
    } finally {
      await page.close();
    }
  });

  for (const lang of LANGUAGES) {
    it(`has no violation on any template in ${lang}`, async () => {
      expect(templates(lang).length).toBeGreaterThanOrEqual(9);
      expect(await problemsByLanguage.get(lang)).toEqual([]);
    });
  }

  it('has no violation on the 404 page and the staff sign-in page (once it is built)', async () => {
    expect(await problemsByLanguage.get('other')).toEqual([]);
  });
});
