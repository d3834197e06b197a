// An investor's inquiry and download in real Chromium against the local API: mistakes, the summary, the reference, a file.
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

/** The form refuses submissions made faster than a person could; tests wait that long before sending. */
const humanPause = (page: Page) => page.waitForTimeout(3100);
/** Islands become live after hydration, which on a busy machine takes longer than a poll's default second. */
const HYDRATION = { timeout: 10_000 };

describe('the inquiry form', () => {
  it('in Japanese: shows the error summary for a mistake, then the reference number once fixed', async () => {
    const page = await browser.newPage({ viewport: { width: 412, height: 900 } });
    await page.goto(`${site.origin}/ja/contact/?item=ip-khanh-an`);
    await expect.poll(() => page.locator('.inquiry-form button[type="submit"]').isEnabled(), HYDRATION).toBe(true);
    await expect.poll(() => page.locator('.form-about').innerText()).toContain('Khanh An');
    await page.getByLabel('氏名').fill('田中 愛子');
    await page.getByLabel('メールアドレス').fill('aiko@example');
    await page.locator('select[name="country"]').selectOption('JP');
    await page.locator('textarea[name="message"]').fill('カインアン工業団地の土地について教えてください。');
    await page.locator('input[name="consent"]').check();
    await page.locator('.inquiry-form button[type="submit"]').click();

    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const summaryLinks = await summary.locator('a').allInnerTexts();
    expect(summaryLinks).toHaveLength(1);
    expect(await page.locator('input[name="email"]').getAttribute('aria-invalid')).toBe('true');
    // The summary's link takes the visitor to the field.
    await summary.locator('a').click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('email');

    await page.locator('input[name="email"]').fill('aiko@example.jp');
    // Nothing typed is lost on a reload.
    await page.reload();
    await expect.poll(() => page.locator('input[name="email"]').inputValue()).toBe('aiko@example.jp');
    expect(await page.locator('textarea[name="message"]').inputValue()).toContain('カインアン');
    await humanPause(page);
    await page.locator('.inquiry-form button[type="submit"]').click();
    const reference = page.getByTestId('reference');
    await expect.poll(() => reference.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await reference.innerText()).toMatch(/^CM-\d{4}-[0-9A-Z]{6}$/);
    await page.screenshot({ path: 'test-results/inquiry-ja-confirmation.png', fullPage: true });

    const stored = await scanAll(stack.db, stack.names.tables.inquiries);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ email: 'aiko@example.jp', country: 'JP', language: 'ja', itemId: 'ip-khanh-an' });
    await page.close();
  }, 60_000);

  it('keeps what was typed when the network fails, and sends once when retried', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/en/contact/`);
    await expect.poll(() => page.locator('.inquiry-form button[type="submit"]').isEnabled(), HYDRATION).toBe(true);
    await page.getByLabel('Full name').fill('Lee Min-jun');
    await page.getByLabel('E-mail address').fill('minjun@example.kr');
    await page.locator('select[name="country"]').selectOption('KR');
    await page.locator('textarea[name="message"]').fill('Which parks have wastewater treatment?');
    await page.locator('input[name="consent"]').check();
    await humanPause(page);
    await page.route('**/api/inquiries', (route) => route.abort('connectionrefused'));
    await page.locator('.inquiry-form button[type="submit"]').click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('try again');
    expect(await page.locator('textarea[name="message"]').inputValue()).toBe('Which parks have wastewater treatment?');
    await page.unroute('**/api/inquiries');
    await page.locator('.inquiry-form button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('reference').isVisible(), { timeout: 10_000 }).toBe(true);
    const stored = (await scanAll(stack.db, stack.names.tables.inquiries)).filter((item) => item.email === 'minjun@example.kr');
    expect(stored).toHaveLength(1);
    await page.close();
  }, 60_000);
});

describe('downloading a factsheet', () => {
  it('gets a short-lived link from the API and the PDF from the private store, and records the download', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/en/zones/ip-khanh-an/`);
    const row = page.locator('.document-list li', { hasText: 'English' });
    const signed = page.waitForRequest((request) => request.url().includes('X-Amz-Signature'));
    const button = row.getByRole('button', { name: 'Download' });
    await button.scrollIntoViewIfNeeded();
    await expect.poll(() => button.isEnabled(), HYDRATION).toBe(true);
    await button.click();
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
    expect(events.some((event) => event.documentId === 'factsheet-ip-khanh-an-en' && event.itemId === 'ip-khanh-an')).toBe(true);
    await page.close();
  }, 60_000);
});
