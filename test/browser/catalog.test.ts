// A reader's journey in real Chromium: Japanese home page, switch to Arabic, open an item, read its facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';
import { readContent } from '#content-files/read-content.ts';

/** The power plants (gas, LNG and wind): every one is called "Nhà máy điện …" in Vietnamese. */
const powerPlants = readContent('content')
  .items.filter((item) => ['gas-power', 'lng-power', 'wind-farm'].includes(item.facts.kind))
  .map((item) => item.facts.id);

let site: RunningSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveBuiltSite(), launchBrowser()]);
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('reading the catalog', () => {
  it('sends a Japanese browser from / to /ja/', async () => {
    await page.goto(`${site.origin}/`);
    await page.waitForURL(`${site.origin}/ja/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
  });

  it('switches from Japanese to Arabic on the same page, right to left', async () => {
    await page.goto(`${site.origin}/ja/`);
    await page.locator('.language-switcher summary').click();
    await page.locator('.language-switcher a[hreflang="ar"]').click();
    await page.waitForURL(`${site.origin}/ar/`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    // The layout is mirrored: the brand sits at the right edge in Arabic.
    const brand = await page.locator('.brand').boundingBox();
    expect(brand!.x + brand!.width).toBeGreaterThan(390 / 2);
  });

  it('opens an item from the Arabic list and shows its facts with sources', async () => {
    await page.goto(`${site.origin}/ar/zones/`);
    await page.locator('a[href="/ar/zones/ip-khanh-an/"]').first().click();
    await page.waitForURL(`${site.origin}/ar/zones/ip-khanh-an/`);
    const heading = await page.locator('h1').innerText();
    expect(heading).toMatch(/[\u0600-\u06FF]/); // Arabic script
    const facts = page.locator('.facts-table');
    await expect.poll(() => facts.isVisible()).toBe(true);
    // The area's unit is spelled by Intl in Arabic, and the figure carries a footnote to its source.
    const areaRow = await facts
      .locator('tr', { has: page.locator('.figure-value') })
      .first()
      .innerText();
    expect(areaRow).toContain('هكتار');
    expect(areaRow).toMatch(/\[\d+\]/);
    expect(await page.locator('.item-sources li').count()).toBeGreaterThan(0);
    expect(await page.locator('.precision-approximate').innerText()).not.toBe('');
    await page.screenshot({ path: 'test-results/item-ar.png', fullPage: true });
  });

  it('filters a list with the island and keeps the filter in the address', async () => {
    await page.goto(`${site.origin}/en/energy/`);
    const rows = page.locator('.catalog-table tbody tr');
    const before = await rows.count();
    const status = page.getByLabel('Status', { exact: true });
    await status.selectOption('operating');
    await expect.poll(() => rows.count()).toBeLessThan(before);
    expect(page.url()).toContain('status=operating');
    for (const text of await page.locator('.catalog-table tbody .status').allInnerTexts()) expect(text).toBe('Operating');
    await page.reload();
    await expect.poll(() => rows.count()).toBeLessThan(before);
  });

  it('searches a list by name, "dien" finding the power plants as "điện" does, from the keyboard', async () => {
    await page.goto(`${site.origin}/vi/energy/`);
    const rows = page.locator('.catalog-table tbody tr');
    const ids = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    const all = await rows.count();
    const search = page.getByRole('searchbox', { name: 'Tìm theo tên' });
    await expect.poll(() => search.isEnabled(), { timeout: 10_000 }).toBe(true);
    await search.focus();
    await page.keyboard.type('điện');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeLessThan(all);
    const accented = await ids();
    await search.fill('');
    await page.keyboard.type('dien');
    await expect.poll(() => ids(), { timeout: 10_000 }).toEqual(accented);
    expect([...accented].sort()).toEqual([...powerPlants].sort());
    expect(page.url()).toContain('q=dien');
    // The search travels in a shared link, like the other filters.
    await page.reload();
    await expect.poll(() => ids(), { timeout: 10_000 }).toEqual(accented);
    expect(await search.inputValue()).toBe('dien');
  });
});
