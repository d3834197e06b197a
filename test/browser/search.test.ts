// Site search in real Chromium: Pagefind's index for each language finds a Japanese page and an Arabic page by a word on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';
import { foldForSearch } from '#domain/text/search-folding.ts';

let site: RunningSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveBuiltSite(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** The result links once the island has answered. */
async function resultLinks(): Promise<string[]> {
  const links = page.locator('.search-results a');
  await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
}

describe('searching the site', () => {
  it('finds the Japanese page of the fertilizer plant by a Japanese word (CJK segmentation)', async () => {
    // 肥料 (fertilizer) appears inside longer runs such as カマウ肥料工場, with no spaces around it.
    await page.goto(`${site.origin}/ja/search/?q=${encodeURIComponent('肥料')}`);
    const links = await resultLinks();
    expect(links).toContain('/ja/energy/plant-ca-mau-fertilizer/');
    for (const link of links) expect(link).toMatch(/^\/ja\//);
    await expect.poll(() => page.locator('.search-excerpt mark').count()).toBeGreaterThan(0);
    // 尿素 (urea) only occurs inside the unbroken run 尿素肥料を製造する.
    await page.goto(`${site.origin}/ja/search/?q=${encodeURIComponent('尿素')}`);
    expect(await resultLinks()).toContain('/ja/energy/plant-ca-mau-fertilizer/');
  });

  it('finds the Arabic page of the fertilizer plant by an Arabic word, from the header search box', async () => {
    await page.goto(`${site.origin}/ar/`);
    await page.locator('.header-search input[name="q"]').fill('للأسمدة');
    await page.locator('.header-search button').click();
    await page.waitForURL(/\/ar\/search\/\?q=/);
    const links = await resultLinks();
    expect(links).toContain('/ar/energy/plant-ca-mau-fertilizer/');
    for (const link of links) expect(link).toMatch(/^\/ar\//);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.screenshot({ path: 'test-results/search-ar.png', fullPage: true });
  });

  it('finds Vietnamese power plant pages by "dien", without the accents of "điện"', async () => {
    await page.goto(`${site.origin}/vi/search/?q=dien`);
    const links = await resultLinks();
    // "dien" also folds "diện" (as in diện tích, area), so the ranking differs from "điện"'s; the plants are found all the same.
    expect(links.filter((link) => /^\/vi\/energy\/(pp|wind)-/.test(link)).length).toBeGreaterThan(0);
    const marked = page.locator('.search-excerpt mark');
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    const words = await marked.allTextContents();
    // Marked words are accented forms found by the unaccented query.
    expect(words.some((word) => word !== foldForSearch(word))).toBe(true);
    expect(words.every((word) => foldForSearch(word).includes('dien'))).toBe(true);
  });

  it('says so when nothing matches', async () => {
    await page.goto(`${site.origin}/en/search/?q=zzzqqqxxx`);
    await expect.poll(() => page.locator('.result-count').innerText(), { timeout: 15_000 }).toContain('Nothing found');
    expect(await page.locator('.search-results a').count()).toBe(0);
  });
});
