// The map in real Chromium: features drawn, filters and list in step, selection, shared links, Arabic, keyboard only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';
import { readContent } from '#content-files/read-content.ts';
import { SYMBOLS } from '#render/map/symbols.ts';

const content = readContent('content');
const total = content.items.length;
const energy = content.items.filter((item) => item.category === 'energy').length;
/** The power plants (gas, LNG and wind): every one is called "Nhà máy điện …" in Vietnamese. */
const powerPlants = content.items
  .filter((item) => ['gas-power', 'lng-power', 'wind-farm'].includes(item.facts.kind))
  .map((item) => item.facts.id);

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveBuiltSite(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function openMap(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${site.origin}${path}`);
  await page.locator('#map').click({ position: { x: 5, y: 5 } });
  await page.waitForSelector('#map[data-state="ready"]', { timeout: 20_000 });
  await page.waitForSelector('.map-live[data-rendered-features]', { timeout: 20_000 });
  return page;
}

const rendered = (page: Page) => page.getAttribute('.map-live', 'data-rendered-features').then(Number);
const rows = (page: Page) => page.locator('.map-list tbody tr');

/** Counts pixels of a colour in the map as painted on screen (WebGL included), by decoding a screenshot in the page. */
async function pixelsOfColour(page: Page, hex: string): Promise<number> {
  const png = await page.locator('#map').screenshot();
  return page.evaluate(
    async ({ data, hex }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (Math.abs(pixels[i]! - r!) < 12 && Math.abs(pixels[i + 1]! - g!) < 12 && Math.abs(pixels[i + 2]! - b!) < 12) count++;
      return count;
    },
    { data: png.toString('base64'), hex },
  );
}

describe('the map page', () => {
  it('draws every catalog feature on the live map', async () => {
    const page = await openMap('/en/map/');
    await expect.poll(() => rendered(page), { timeout: 10_000 }).toBe(total);
    expect(await pixelsOfColour(page, SYMBOLS['wind-farm'].color)).toBeGreaterThan(30);
    await page.screenshot({ path: 'test-results/map-en.png' });
    await page.close();
  });

  it('shows a static picture of the same features before the live map starts', async () => {
    const page = await browser.newPage({ viewport: { width: 412, height: 900 } });
    await page.goto(`${site.origin}/en/map/`);
    expect(await page.locator('#map svg [data-id]').count()).toBe(total);
    expect(await page.getAttribute('#map', 'data-state')).toBe('preview');
    await page.close();
  });

  it('filters the map and the list together', async () => {
    const page = await openMap('/en/map/');
    await page.getByLabel('Section').selectOption('energy');
    await expect.poll(() => rows(page).count()).toBe(energy);
    await expect.poll(() => rendered(page), { timeout: 10_000 }).toBe(energy);
    expect(page.url()).toContain('category=energy');
    await page.getByLabel('Search by name').fill('hoa binh');
    await expect.poll(() => rows(page).count()).toBe(2);
    await expect.poll(() => rendered(page), { timeout: 10_000 }).toBe(2);
    await page.close();
  });

  it('finds the power plants by "dien" as by "điện" in Vietnamese, on the map and in its list', async () => {
    const page = await openMap('/vi/map/');
    const search = page.getByLabel('Tìm theo tên');
    const ids = () => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    await search.fill('điện');
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBeLessThan(total);
    const accented = await ids();
    await search.fill('dien');
    await expect.poll(() => ids(), { timeout: 10_000 }).toEqual(accented);
    await expect.poll(() => rendered(page), { timeout: 10_000 }).toBe(accented.length);
    expect(accented).toEqual(expect.arrayContaining(powerPlants));
    expect(page.url()).toContain('q=dien');
    await page.close();
  });

  it('selects the feature when a list row is chosen', async () => {
    const page = await openMap('/en/map/');
    const row = page.locator('.map-list tr[data-id="port-hon-khoai"] button.link-button');
    const name = (await row.innerText()).split('—')[0]!.trim();
    await row.click();
    await expect.poll(() => page.locator('.maplibregl-popup .map-popup-title').innerText()).toBe(name);
    expect(page.url()).toContain('item=port-hon-khoai');
    expect(await row.getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('restores filters, selection and view from a shared link', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.origin}/en/map/?category=energy&item=wind-bac-lieu#map=10/9.2/105.7`);
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 20_000 });
    await expect.poll(() => rows(page).count()).toBe(energy);
    await expect.poll(() => page.locator('.maplibregl-popup .map-popup-title').count()).toBe(1);
    expect(await page.locator('.map-list tr.is-selected').getAttribute('data-id')).toBe('wind-bac-lieu');
    expect(page.url()).toMatch(/#map=10\/9\.2\/105\.7/);
    await page.close();
  });

  it('works in Arabic, right to left, with its controls on the left', async () => {
    const page = await openMap('/ar/map/');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect.poll(() => rendered(page), { timeout: 10_000 }).toBe(total);
    const controls = await page.locator('.maplibregl-ctrl-top-left .maplibregl-ctrl-zoom-in').count();
    expect(controls).toBe(1);
    await page.screenshot({ path: 'test-results/map-ar.png' });
    await page.close();
  });

  it('reaches every feature and moves the map with the keyboard alone', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.origin}/en/map/`);
    await page.getByLabel('Search by name').focus();
    const reached = new Set<string>();
    for (let step = 0; step < total * 3 + 20 && reached.size < total; step++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => (document.activeElement?.closest('tr[data-id]') as HTMLElement | null)?.dataset.id);
      if (id) reached.add(id);
    }
    expect(reached.size).toBe(total);
    // Focus is on the last row's button: Enter chooses it, and the map starts and selects it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 20_000 });
    await expect.poll(() => page.locator('.maplibregl-popup').count(), { timeout: 10_000 }).toBe(1);
    // Pan by button: the view in the address changes.
    const before = page.url();
    await page.getByRole('button', { name: 'Move the map east' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url(), { timeout: 5_000 }).not.toBe(before);
    await page.close();
  });
});
