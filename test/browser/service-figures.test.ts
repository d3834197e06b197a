// The inquiry service figures page in Chromium: before enough inquiries it says "fewer than five" rather than a small
// count; once five inquiries this month are published, the month shows them, in Japanese and in Arabic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeMonth } from '#domain/inquiries/service-figures.ts';
import { postInquiry, validInquiry } from '../functions/helpers.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

let product: RunningProduct;
beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => product?.stop());

const HYDRATION = { timeout: 10_000 };

describe('the inquiry service figures page', () => {
  it('withholds small counts, then shows the month once five inquiries are published', async () => {
    const { stack, site, browser } = product;
    await stack.publishServiceFigures();
    const page = await browser.newPage();
    await page.goto(`${site.origin}/ja/inquiry-service/`);
    await expect
      .poll(() => page.locator('table.service-figures tbody tr').first().locator('td').first().innerText(), HYDRATION)
      .toBe('5件未満');

    for (let i = 0; i < 5; i++)
      expect((await postInquiry(stack.api.url, validInquiry({ email: `figures${i}@example.jp` }))).status).toBe(201);
    const published = await stack.publishServiceFigures();
    expect(published.months.at(-1)).toMatchObject({ month: officeMonth(Date.now()), received: 5 });
    // A new visitor (the figures are cacheable for an hour, so this page's own cache may still hold the old ones).
    const later = await browser.newPage();
    await later.goto(`${site.origin}/ja/inquiry-service/`);
    await expect.poll(() => later.locator('table.service-figures tbody tr').first().locator('td').first().innerText(), HYDRATION).toBe('5');
    expect(await later.locator('table.service-figures caption').innerText()).toMatch(/年/);

    const arabic = await browser.newPage();
    await arabic.goto(`${site.origin}/ar/inquiry-service/`);
    await expect
      .poll(() => arabic.locator('table.service-figures tbody tr').first().locator('td').first().innerText(), HYDRATION)
      .toBe('5');
    expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
  });
});
