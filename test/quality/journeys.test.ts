// An investor's journeys in real Chromium with the keyboard alone: home → zones → an item → an inquiry with its reference, in English and Arabic, and a document download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningSite } from '../support/browser.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';
import { scanAll, type TestStack } from '../functions/helpers.ts';

let product: RunningProduct;
let stack: TestStack;
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  product = await startProduct();
  ({ stack, site, browser } = product);
});

afterAll(async () => {
  await product?.stop();
});

const ITEM = 'ip-khanh-an';

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails naming what focus passed through. */
async function tabTo(page: Page, selector: string, { max = 400, back = false } = {}): Promise<void> {
  const seen: string[] = [];
  for (let step = 0; step < max; step++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await page.evaluate((wanted) => {
      const active = document.activeElement;
      if (!active || active === document.body) return { match: false, label: 'body' };
      const label = `${active.tagName.toLowerCase()}${active.getAttribute('href') ? `[href=${active.getAttribute('href')}]` : ''}${(active as HTMLInputElement).name ? `[name=${(active as HTMLInputElement).name}]` : ''}`;
      return { match: active.matches(wanted), label };
    }, selector);
    if (here.match) return;
    seen.push(here.label);
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses; focus went through: ${seen.slice(-40).join(' → ')}`);
}

/** Changes the focused <select> with the arrow keys, as a keyboard user does, until it holds `value`. */
async function arrowToOption(page: Page, value: string): Promise<void> {
  const current = () => page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
  const values = await page.evaluate(() => [...(document.activeElement as HTMLSelectElement).options].map((option) => option.value));
  const target = values.indexOf(value);
  expect(target, `option ${value}`).toBeGreaterThanOrEqual(0);
  const key = target > values.indexOf(await current()) ? 'ArrowDown' : 'ArrowUp';
  for (let step = 0; step < values.length && (await current()) !== value; step++) await page.keyboard.press(key);
  expect(await current()).toBe(value);
}

const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');

interface Journey {
  lang: 'en' | 'ar';
  name: string;
  email: string;
  country: string;
  message: string;
}

/** Home → the zones list from the navigation → a filter on the list → the item → its inquiry form → the confirmation. */
async function inquiryJourney(journey: Journey): Promise<void> {
  const { lang } = journey;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${site.origin}/${lang}/`);

    // The navigation's link to the zones list.
    await tabTo(page, `.site-nav a[href="/${lang}/zones/"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.origin}/${lang}/zones/`);

    // Narrow the list to operating zones with the status filter, then open the item from the table.
    const rows = page.locator('.catalog-table tbody tr');
    await expect.poll(() => page.locator('.catalog-table .filters select').count()).toBeGreaterThan(0);
    const before = await rows.count();
    await tabTo(page, '.catalog-table .filters select');
    await arrowToOption(page, 'operating');
    await expect.poll(() => rows.count()).toBeLessThan(before);
    expect(page.url()).toContain('status=operating');
    await tabTo(page, `.catalog-table a[href="/${lang}/zones/${ITEM}/"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.origin}/${lang}/zones/${ITEM}/`);
    if (lang === 'ar') expect(await page.getAttribute('html', 'dir')).toBe('rtl');

    // The inquiry form at the foot of the item page: reached by Tab, it comes to life as it scrolls into view.
    const form = page.locator('.item-inquiry .inquiry-form');
    await tabTo(page, '.item-inquiry input[name="name"]');
    await expect.poll(() => form.locator('button[type="submit"]').isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await focusedName(page)).toBe('name');
    await page.keyboard.type(journey.name);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('email');
    await page.keyboard.type(journey.email);
    await tabTo(page, '.item-inquiry select[name="country"]', { max: 3 });
    await arrowToOption(page, journey.country);
    await tabTo(page, '.item-inquiry textarea[name="message"]', { max: 6 });
    await page.keyboard.type(journey.message);
    await tabTo(page, '.item-inquiry input[name="consent"]', { max: 3 });
    await page.keyboard.press('Space');
    expect(await form.locator('input[name="consent"]').isChecked()).toBe(true);
    // The language to answer in defaults to the page's language.
    expect(await form.locator('select[name="language"]').inputValue()).toBe(lang);
    await tabTo(page, '.item-inquiry button[type="submit"]', { max: 4 });
    // The API refuses forms sent faster than a person could fill them (3 s).
    await page.waitForTimeout(3100);
    await page.keyboard.press('Enter');

    const reference = page.getByTestId('reference');
    await expect.poll(() => reference.isVisible(), { timeout: 10_000 }).toBe(true);
    const number = (await reference.innerText()).trim();
    expect(number).toMatch(/^CM-\d{4}-[0-9A-Z]{6}$/);
    // Focus moves to the confirmation, so a screen reader announces it.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.confirmation')), { timeout: 5_000 }).toBe(true);
    await page.locator('.item-inquiry').screenshot({ path: `test-results/journey-${lang}-confirmation.png` });

    const stored = (await scanAll(stack.db, stack.names.tables.inquiries)).filter((item) => item.email === journey.email);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      reference: number,
      itemId: ITEM,
      language: lang,
      country: journey.country,
      name: journey.name,
      message: journey.message,
    });
  } finally {
    await page.close();
  }
}

describe('keyboard-only journeys', () => {
  it('in English: finds a zone from the home page, opens it and sends an inquiry, getting a reference number', async () => {
    await inquiryJourney({
      lang: 'en',
      name: 'Priya Raman',
      email: 'priya@example.sg',
      country: 'SG',
      message: 'Is there serviced land for a 5 ha seafood cold store in Khanh An?',
    });
  }, 90_000);

  it('in Arabic, right to left: the same journey with Arabic text', async () => {
    await inquiryJourney({
      lang: 'ar',
      name: 'سارة الهاشمي',
      email: 'sara@example.ae',
      country: 'AE',
      message: 'نرغب في معرفة أسعار إيجار الأراضي في منطقة خانه آن الصناعية.',
    });
  }, 90_000);

  it('downloads the item factsheet with the keyboard: a short-lived link, the PDF, and the download recorded', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.origin}/en/zones/${ITEM}/`);
      const documentId = `factsheet-${ITEM}-en`;
      const button = `.document-list button[aria-describedby="document-${documentId}"]`;
      await tabTo(page, button);
      await expect.poll(() => page.locator(button).isEnabled(), { timeout: 10_000 }).toBe(true);
      const signed = page.waitForRequest((request) => request.url().includes('X-Amz-Signature'));
      await page.keyboard.press('Enter');
      const url = new URL((await signed).url());
      expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
      const file = await fetch(url);
      expect(file.status).toBe(200);
      expect(
        Buffer.from(await file.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const events = await scanAll(stack.db, stack.names.tables.downloads);
      expect(events.some((event) => event.documentId === documentId && event.itemId === ITEM)).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});
