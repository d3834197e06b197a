// Shortlist, compare and the requirements matcher in real Chromium: shortlisting, a shared link, bad input, an unknown turned into an inquiry, Arabic.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';
import { COMPARE_ROWS } from '#domain/compare/compare-rows.ts';
import type { CompareData } from '../../site/islands/shortlist/types.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveBuiltSite(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** Islands become live after hydration, which on a busy machine takes longer than a poll's default second. */
const HYDRATION = { timeout: 15_000 };
const LANGUAGES = ['en', 'vi', 'zh', 'ja', 'ko', 'ar', 'ms'];
/** Journeys of several pages: each page load and hydration can take seconds on a busy two-core machine. */
const JOURNEY = 120_000;

async function shortlistFrom(page: Page, path: string): Promise<void> {
  await page.goto(`${site.origin}${path}`);
  const button = page.locator('.item-header .shortlist-button');
  await expect.poll(() => button.isEnabled(), HYDRATION).toBe(true);
  expect(await button.getAttribute('aria-pressed')).toBe('false');
  await button.click();
  expect(await button.getAttribute('aria-pressed')).toBe('true');
  // Said to screen readers, not only drawn.
  await expect.poll(() => page.locator('.item-header .shortlist-control [role="status"]').innerText()).not.toBe('');
}

const headers = (page: Page) => page.locator('.compare-table thead th[scope="col"] a').allInnerTexts();
const rowText = (page: Page, row: string) => page.locator(`.compare-table tr[data-row="${row}"]`).innerText();

describe('shortlist and compare', () => {
  it(
    'shortlists two zones, compares them, and a shared link shows the same table in a fresh browser',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await shortlistFrom(page, '/en/zones/ip-khanh-an/');
      await shortlistFrom(page, '/en/zones/ip-hoa-trung/');
      await page.locator('.item-header .shortlist-open').click();
      // The page shows this browser's shortlist and writes it into its address, ready to share.
      await page.waitForURL(`${site.origin}/en/compare/?items=ip-khanh-an,ip-hoa-trung`, HYDRATION);

      const table = page.locator('.compare-table');
      await expect.poll(() => table.isVisible(), HYDRATION).toBe(true);
      expect(await headers(page)).toEqual(['Khanh An Industrial Park', 'Hoa Trung Industrial Park']);
      expect(await page.locator('.compare-table tbody th[scope="row"]').count()).toBe(COMPARE_ROWS.length);
      // Hoa Trung's free land is derived from its published land and occupancy, dated and sourced; Khanh An publishes none.
      const freeLand = await rowText(page, 'freeLand');
      expect(freeLand).toContain('175.86');
      expect(freeLand).toContain('as of August 2021');
      expect(freeLand).toContain('not published');
      await page.screenshot({ path: 'test-results/compare-en.png', fullPage: true });

      const shared = await page.locator('.compare-share a').getAttribute('href');
      expect(shared).toBe(`${site.origin}/en/compare/?items=ip-khanh-an,ip-hoa-trung`);
      const stranger = await browser.newContext();
      const other = await stranger.newPage();
      await other.goto(shared!);
      await expect.poll(() => other.locator('.compare-table').isVisible(), HYDRATION).toBe(true);
      expect(await headers(other)).toEqual(await headers(page));
      for (const row of COMPARE_ROWS) expect(await rowText(other, row)).toBe(await rowText(page, row));
      await stranger.close();

      // Removing a column changes the address and this browser's shortlist.
      await page.locator('.compare-remove').first().click();
      await page.waitForURL(`${site.origin}/en/compare/?items=ip-hoa-trung`);
      await page.goto(`${site.origin}/en/compare/`);
      await page.waitForURL(`${site.origin}/en/compare/?items=ip-hoa-trung`, HYDRATION);
      await context.close();
    },
    JOURNEY,
  );

  it(
    'shortlists from a list and from the map, in English and Arabic',
    async () => {
      for (const lang of ['en', 'ar']) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${site.origin}/${lang}/zones/`);
        const fromList = page.locator('tr[data-id="ip-tac-thu"] .shortlist-button');
        await expect.poll(() => fromList.isEnabled(), HYDRATION).toBe(true);
        await fromList.click();
        expect(await fromList.getAttribute('aria-pressed')).toBe('true');
        await page.goto(`${site.origin}/${lang}/map/`);
        const fromMap = page.locator('.map-list tr[data-id="ip-khanh-an"] .shortlist-button');
        await expect.poll(() => fromMap.isEnabled(), HYDRATION).toBe(true);
        await fromMap.click();
        expect(await fromMap.getAttribute('aria-pressed')).toBe('true');
        // The list page links to the comparison, which reads this browser's shortlist.
        await page.goto(`${site.origin}/${lang}/zones/`);
        await page.locator(`.decide-links a[href="/${lang}/compare/"]`).click();
        await page.waitForURL(`${site.origin}/${lang}/compare/?items=ip-tac-thu,ip-khanh-an`, HYDRATION);
        expect(await page.locator('.compare-table thead th[scope="col"]').count()).toBe(2);
        if (lang === 'ar') expect(await page.getAttribute('html', 'dir')).toBe('rtl');
        await context.close();
      }
    },
    JOURNEY,
  );

  it('says which ids of a shared link it could not use', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/en/compare/?items=ip-tac-thu,no-such-zone,ip-tac-thu`);
    await expect.poll(() => page.locator('.compare .notice').first().innerText(), HYDRATION).toContain('no-such-zone');
    expect(await headers(page)).toEqual(['Tac Thu Industrial Park']);
    await page.close();
  });

  it('in Arabic: the table reads right to left with Arabic headings', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/ar/compare/?items=ez-nam-can,ip-khanh-an`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect.poll(() => page.locator('.compare-table').isVisible(), HYDRATION).toBe(true);
    expect((await headers(page)).join(' ')).toMatch(/[\u0600-\u06FF]/);
    const table = (await page.locator('.compare-table').boundingBox())!;
    const firstHeader = (await page.locator('.compare-table tbody th').first().boundingBox())!;
    // The row headings sit at the right edge in a right-to-left table.
    expect(firstHeader.x + firstHeader.width).toBeGreaterThan(table.x + table.width - 5);
    await page.screenshot({ path: 'test-results/compare-ar.png', fullPage: true });
    await page.close();
  });
});

describe('the requirements matcher', () => {
  it('names bad input in an error summary linked to the fields', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/en/match/?land=lots&power=-5&budget=9`);
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.isVisible(), HYDRATION).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const links = await summary.locator('a').allInnerTexts();
    expect(links).toHaveLength(2);
    expect(links[0]).toContain('“lots” is not a number');
    expect(links[1]).toContain('“-5” is below zero');
    expect(await page.locator('.match .notice').innerText()).toContain('budget');
    await summary.locator('a').first().click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('land');
    expect(await page.locator('input[name="land"]').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it(
    'answers every zone criterion by criterion, and turns the unknowns into one prefilled inquiry',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${site.origin}/en/match/`);
      await expect.poll(() => page.locator('.match-results p').innerText(), HYDRATION).toContain('Enter at least one');
      // The form is a plain GET form: the criteria end up in the address.
      await page.getByLabel('Free industrial land, at least (hectares)').fill('20');
      await page.getByLabel('Natural gas supply').check();
      await page.getByLabel('Deep-water port within (km)').fill('50');
      await page.locator('.match-form button[type="submit"]').click();
      await page.waitForURL(`${site.origin}/en/match/?land=20&gas=yes&port=50`);

      const zone = page.locator('.match-zone[data-id="ip-khanh-an"]');
      await expect.poll(() => zone.isVisible(), HYDRATION).toBe(true);
      expect(await page.locator('.match-zone').count()).toBeGreaterThan(5);
      const verdict = (criterion: string) => zone.locator(`tr[data-criterion="${criterion}"]`).getAttribute('data-verdict');
      expect(await verdict('gas')).toBe('meets');
      expect(await verdict('land')).toBe('unknown');
      expect(await verdict('port')).toBe('fails');
      expect(await zone.locator('tr[data-criterion="port"]').innerText()).toContain('Hon Khoai');
      await page.screenshot({ path: 'test-results/match-en.png', fullPage: true });

      await zone.locator('.match-ask').click();
      await page.waitForURL(/\/en\/contact\/\?item=ip-khanh-an&message=/);
      const message = page.locator('textarea[name="message"]');
      await expect.poll(() => message.inputValue(), HYDRATION).toContain('Is at least 20 ha of industrial land free to lease?');
      expect(await message.inputValue()).not.toContain('natural gas');
      await expect.poll(() => page.locator('.form-about').innerText()).toContain('Khanh An');
      await page.close();
    },
    JOURNEY,
  );

  it('in Arabic: the answers and the prefilled inquiry are in Arabic, right to left', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/ar/match/?land=20&sector=logistics`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const zone = page.locator('.match-zone[data-id="ip-khanh-an"]');
    await expect.poll(() => zone.isVisible(), HYDRATION).toBe(true);
    expect(await zone.locator('tr[data-criterion="sector"]').getAttribute('data-verdict')).toBe('fails');
    await zone.locator('.match-ask').click();
    await page.waitForURL(/\/ar\/contact\//);
    const message = page.locator('textarea[name="message"]');
    await expect.poll(() => message.inputValue(), HYDRATION).toContain('هل تتوفر أرض صناعية');
    await page.close();
  });

  it('refuses a prefilled message longer than the form allows instead of cutting it', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/en/contact/?message=${'x'.repeat(5001)}`);
    await expect.poll(() => page.locator('.inquiry-form button[type="submit"]').isEnabled(), HYDRATION).toBe(true);
    expect(await page.locator('textarea[name="message"]').inputValue()).toBe('');
    await page.close();
  });
});

describe('no figure without source and date on the compare and match pages', () => {
  // Both pages draw every cell from the data the build wrote; a number shown there must carry its date and what stands behind it.
  it.each(LANGUAGES)('%s: every number in the compare data has a date (or its method) and a source (or the page behind it)', (lang) => {
    const data = JSON.parse(readFileSync(`dist/${lang}/compare/items.json`, 'utf8')) as CompareData;
    expect(data.items.length).toBeGreaterThan(10);
    const bare = data.items.flatMap((item) =>
      Object.entries(item.view)
        .filter(([, cell]) => !cell.none && /\d/.test(cell.text))
        .filter(([, cell]) => !cell.asOf || (cell.sources.length === 0 && !cell.link))
        .map(([row]) => `${item.id} ${row}`),
    );
    expect(bare).toEqual([]);
  });

  it('and the drawn table shows each figure with its date and source', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/en/compare/?items=ip-hoa-trung,ez-nam-can,port-hon-khoai,ip-song-doc`);
    await expect.poll(() => page.locator('.compare-table').isVisible(), HYDRATION).toBe(true);
    const cells = await page
      .locator('.compare-table td')
      .evaluateAll((tds) =>
        tds
          .filter((td) => /\d/.test(td.querySelector('.figure-value')?.textContent ?? ''))
          .map((td) => ({ date: !!td.querySelector('.as-of'), source: !!td.querySelector('.cell-sources, .cell-link') })),
      );
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.filter((cell) => !cell.date || !cell.source)).toEqual([]);
    await page.close();
  });
});

describe('with the keyboard alone', () => {
  it(
    'shortlists an item, opens the comparison and fixes a matcher mistake from the summary',
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${site.origin}/en/zones/ip-tac-thu/`);
      const button = page.locator('.item-header .shortlist-button');
      await expect.poll(() => button.isEnabled(), HYDRATION).toBe(true);
      await tabTo(page, '.item-header .shortlist-button');
      await page.keyboard.press('Space');
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      await tabTo(page, '.item-header .shortlist-open');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.origin}/en/compare/?items=ip-tac-thu`, HYDRATION);

      await page.goto(`${site.origin}/en/match/?land=-3`);
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')), HYDRATION).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('land');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('3');
      await tabTo(page, '.match-form button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.origin}/en/match/?land=3`);
      await expect.poll(() => page.locator('.match-zone').count(), HYDRATION).toBeGreaterThan(5);
      await context.close();
    },
    JOURNEY,
  );
});

/** Presses Tab until the focused element matches `selector` (at most 200 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let step = 0; step < 200; step++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('valid HTML once drawn', () => {
  // The Nu checker reads dist/ (test/quality/html-validity.test.ts); these tables are drawn in the browser, so their DOM is checked here.
  it(
    'the drawn compare and match pages have no Nu checker error',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'camau-compare-'));
      try {
        for (const lang of ['en', 'ar']) {
          for (const [name, path, ready] of [
            ['compare', `/${lang}/compare/?items=ip-khanh-an,ez-nam-can,no-such-item`, '.compare-table'],
            ['match', `/${lang}/match/?land=x&gas=yes&port=60&sector=logistics`, '.match-zone'],
          ] as const) {
            const page = await browser.newPage();
            await page.goto(`${site.origin}${path}`);
            await page.waitForSelector(ready, HYDRATION);
            writeFileSync(join(folder, `${lang}-${name}.html`), await page.content());
            await page.close();
          }
        }
        // A page known to be wrong goes through the same run: the checker must find its error, or the run proves nothing.
        writeFileSync(
          join(folder, 'canary.html'),
          '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p></body></html>',
        );
        const require = createRequire(import.meta.url);
        const jar = join(dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
        const { stdout } = await promisify(execFile)(
          process.env.JAVA ?? 'java',
          ['-Xss4m', '-XX:+UseSerialGC', '-jar', jar, '--errors-only', '--format', 'json', '--stdout', '--exit-zero-always', folder],
          { maxBuffer: 16 * 1024 * 1024 },
        );
        const messages = (JSON.parse(stdout) as { messages: { type: string; message: string; url?: string }[] }).messages;
        // The one message html-validity.test.ts also accepts: the checker does not know the standard CSS property paint-order.
        expect(messages.some((message) => message.url?.endsWith('/canary.html') && message.type === 'error')).toBe(true);
        const errors = messages.filter(
          (message) => message.type === 'error' && !message.url?.endsWith('/canary.html') && !message.message.includes('“paint-order”'),
        );
        expect(errors.map((message) => `${message.url?.split('/').pop()}: ${message.message}`)).toEqual([]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    JOURNEY,
  );
});
