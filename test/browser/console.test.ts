// The staff console in real Chromium against the local stack: sign in with the seeded account, find, take and answer an inquiry; investor text stays inert; the translation status.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';
import { postInquiry, readMails, startTestStack, validInquiry, type TestStack } from '../functions/helpers.ts';
import { LOCAL_ADMIN_ACCOUNT as ADMIN_ACCOUNT, LOCAL_STAFF_ACCOUNT } from '../../functions/local/cognito.ts';
import { workList } from '#domain/translation/translation-status.ts';

let stack: TestStack;
let site: RunningSite;
let browser: Browser;
let content: string;

const EDIT_URL = 'https://example.org/repo/edit/main/';
/** A second account, in the admin group: erasure and the CSV export are offered to admins only. */

beforeAll(async () => {
  // The stack reports on a copy of content/ in which one zone's English moved on and one of its translations is gone.
  content = mkdtempSync(join(tmpdir(), 'camau-console-content-'));
  cpSync('content', content, { recursive: true });
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
  edit('catalog/zones/ip-khanh-an/index.en.md', (text) => text.replace(/^version: \d+$/m, 'version: 99'));
  rmSync(join(content, 'catalog/zones/ip-khanh-an/index.ja.md'));
  edit('site.json', (text) => JSON.stringify({ ...JSON.parse(text), repositoryEditUrl: EDIT_URL }, null, 2));
  stack = await startTestStack({ contentDir: content, staffAccounts: [LOCAL_STAFF_ACCOUNT, ADMIN_ACCOUNT] });
  [site, browser] = await Promise.all([serveBuiltSite(stack.api.url), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await stack?.cleanup();
  if (content) rmSync(content, { recursive: true, force: true });
});

/** Any dialog at all is a failure: nothing on the console opens one, so one would be investor text run as script. */
async function openConsole(dialogs: Dialog[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog);
    void dialog.dismiss();
  });
  await page.goto(`${site.origin}/staff/`);
  return page;
}

async function signIn(page: Page, account: { username: string; password: string } = LOCAL_STAFF_ACCOUNT): Promise<void> {
  await page.getByLabel('User name or e-mail').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}

describe('the staff console', () => {
  it('is not indexed and offers no alternates', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/staff/`);
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex, nofollow');
    expect(await page.locator('link[rel="alternate"]').count()).toBe(0);
    await page.close();
  });

  it('refuses a wrong password with a message', async () => {
    const page = await openConsole([]);
    await page.getByLabel('User name or e-mail').fill(LOCAL_STAFF_ACCOUNT.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('not right');
    await page.close();
  });

  it('signs in, finds a new inquiry, takes it, replies, and the investor gets the e-mail', async () => {
    // Posted as the site's form posts it.
    const answer = await postInquiry(
      stack.api.url,
      validInquiry({ name: 'Kenji Sato', email: 'kenji@example.jp', message: 'Is there land for a shrimp feed plant?' }),
    );
    expect(answer.status).toBe(201);
    const reference: string = answer.body.reference;

    const dialogs: Dialog[] = [];
    const page = await openConsole(dialogs);
    await signIn(page);
    const row = page.locator(`tr[data-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Kenji Sato');
    expect(await row.innerText()).toMatch(/First reply due in/);
    await row.getByRole('link', { name: reference }).click();

    await page.getByRole('heading', { name: `Inquiry ${reference}` }).waitFor();
    expect(await page.locator('.inquiry-message').innerText()).toBe('Is there land for a shrimp feed plant?');
    // The item it is about links to its page.
    expect(await page.getByRole('link', { name: /Khanh An/ }).getAttribute('href')).toBe('/en/zones/ip-khanh-an/');

    await page.getByRole('button', { name: 'Take it' }).click();
    await expect.poll(() => page.locator('.inquiry-state').innerText()).toContain(LOCAL_STAFF_ACCOUNT.username);
    expect(await page.locator('.inquiry-state').innerText()).toContain('In progress');

    // Staff answer in English and Vietnamese: the console says which language to write in for a Japanese inquiry.
    expect(await page.locator('.inquiry-facts').innerText()).toContain('English (the investor asked for Japanese)');
    expect(await page.getByLabel(/Reply by e-mail/).getAttribute('lang')).toBe('en');
    await page.getByLabel(/Reply by e-mail/).fill('Yes: plots of 2 to 5 ha are free in Khanh An.\nWe will send the price list.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.locator('.inquiry-state').innerText()).toContain('Answered');
    expect(await page.locator('.history').innerText()).toContain('replied by e-mail in English');
    await page.screenshot({ path: 'test-results/console-inquiry.png', fullPage: true });

    const mail = readMails(stack.mailDir).find((m) => m.headers.to === 'kenji@example.jp' && m.subject.startsWith('Re:'));
    expect(mail?.subject).toBe(`Re: your inquiry ${reference}`);
    expect(mail?.text).toContain('plots of 2 to 5 ha are free in Khanh An.');

    // Back in the inbox, filtered to answered ones, it shows as answered with the promise kept.
    await page.getByRole('link', { name: 'Back to the inbox' }).click();
    await page.getByLabel('Status').selectOption('answered');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => page.locator(`tr[data-reference="${reference}"]`).innerText()).toContain('Promise kept');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('shows script payloads an investor typed as inert text', async () => {
    const payloads = { script: '<script>alert(1)</script>', img: '<img src=x onerror=alert(1)>' };
    const answer = await postInquiry(
      stack.api.url,
      validInquiry({
        name: payloads.img,
        company: payloads.script,
        email: 'xss@example.org',
        message: `${payloads.script}\n${payloads.img}`,
        itemId: undefined,
      }),
    );
    expect(answer.status).toBe(201);
    const reference: string = answer.body.reference;

    const dialogs: Dialog[] = [];
    const page = await openConsole(dialogs);
    await signIn(page);
    const row = page.locator(`tr[data-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(payloads.img);
    expect(await row.innerText()).toContain(payloads.script);
    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: `Inquiry ${reference}` }).waitFor();
    expect(await page.locator('.inquiry-message').innerText()).toBe(`${payloads.script}\n${payloads.img}`);
    // No element was made from the text: no image with that source, no script with that body.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('alert(1)')))).toBe(false);
    await page.getByLabel('Internal note').fill(payloads.img);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => page.locator('.history-text').first().innerText()).toBe(payloads.img);
    await page.waitForTimeout(300);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('offers erasure and the CSV export to admins only, and the log of both to everyone', async () => {
    for (const [account, admin] of [
      [LOCAL_STAFF_ACCOUNT, false],
      [ADMIN_ACCOUNT, true],
    ] as const) {
      const page = await openConsole([]);
      await signIn(page, account);
      expect(await page.getByRole('button', { name: 'Export CSV' }).count(), account.username).toBe(admin ? 1 : 0);
      await page.getByRole('link', { name: 'Data protection' }).click();
      await page.getByRole('heading', { name: 'Erasures and exports' }).waitFor();
      expect(await page.getByLabel("The person's e-mail address").count(), account.username).toBe(admin ? 1 : 0);
      expect(await page.getByRole('button', { name: 'Erase…' }).count(), account.username).toBe(admin ? 1 : 0);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.close();
    }
  });

  it('shows the dashboard, works in Vietnamese, and signs out', async () => {
    const page = await openConsole([]);
    await signIn(page);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Inquiries by country' }).waitFor();
    expect(await page.locator('.chart svg').count()).toBeGreaterThan(3);
    expect(await page.locator('.dashboard-figures').innerText()).toMatch(/Median time to first reply/);

    await page.getByLabel('Console language').selectOption('vi');
    await page.getByRole('heading', { name: 'Yêu cầu theo quốc gia' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('camau-staff-session'))).toBeNull();
    await page.evaluate(() => localStorage.removeItem('camau-staff-language'));
    await page.close();
  });

  it('shows the translation status: a summary per language and the files that need work', async () => {
    const report = stack.translations;
    const page = await openConsole([]);
    await signIn(page);
    await page.getByRole('link', { name: 'Translations' }).click();
    await page.getByRole('heading', { name: 'Translations', level: 2 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Translations');

    const summary = page.getByRole('table', { name: 'Summary per language' });
    await summary.waitFor();
    expect(await summary.getByRole('columnheader').allInnerTexts()).toEqual([
      'Language',
      'Up to date',
      'Draft',
      'Stale',
      'Missing',
      'Texts',
    ]);
    expect(await summary.getByRole('rowheader').first().innerText()).toBe('English (source)');
    for (const counts of report.summary) {
      const cells = await summary.locator(`tr[data-lang="${counts.lang}"] td`).allInnerTexts();
      expect(cells, counts.lang).toEqual(
        [counts.current + counts.source, counts.draft, counts.stale, counts.missing, counts.total].map(String),
      );
    }

    // Every stale, missing and draft text, stale ones first, with its path from the repository's root linked to the editor.
    const work = page.getByRole('table', { name: 'What needs work' });
    const expected = workList(report, { drafts: true });
    expect(await work.locator('tbody tr').count()).toBe(expected.length);
    const first = work.locator('tbody tr').first();
    expect(await first.getAttribute('data-file')).toBe('content/catalog/zones/ip-khanh-an/index.vi.md');
    expect(await first.innerText()).toContain('Stale');
    expect(await first.innerText()).toContain('It translates version 1 of the source, which is now at version 99');
    expect(await first.getByRole('link', { name: 'content/catalog/zones/ip-khanh-an/index.vi.md' }).getAttribute('href')).toBe(
      `${EDIT_URL}content/catalog/zones/ip-khanh-an/index.vi.md`,
    );
    // A file that is not there yet has no page to edit: its path is where to create it.
    const missing = work.locator('tr[data-file="content/catalog/zones/ip-khanh-an/index.ja.md"]');
    expect(await missing.innerText()).toContain('Missing');
    expect(await missing.getByRole('link').count()).toBe(0);
    expect(await work.locator('tbody a').count()).toBe(expected.length - 1);

    // The filters narrow the table and say how many files are shown.
    await page.getByLabel('Language', { exact: true }).selectOption('vi');
    const vietnamese = expected.filter((item) => item.status.lang === 'vi').length;
    await expect.poll(() => work.locator('tbody tr').count()).toBe(vietnamese);
    expect(await page.getByRole('status').filter({ hasText: 'Files shown' }).innerText()).toBe(`Files shown: ${vietnamese}`);
    if (vietnamese) expect(await work.locator('tbody tr').first().getAttribute('data-file')).toMatch(/^content\/.+\/index\.vi\.md$/);
    await page.screenshot({ path: 'test-results/console-translations.png', fullPage: true });

    // No WCAG 2.2 AA violation in the view.
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe.run(
        { include: [['.console-main']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      );
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);

    // In Vietnamese too.
    await page.getByLabel('Console language').selectOption('vi');
    await page.getByRole('table', { name: 'Tổng hợp theo ngôn ngữ' }).waitFor();
    await page.evaluate(() => localStorage.removeItem('camau-staff-language'));
    await page.close();
  });

  it('can be worked with the keyboard alone', async () => {
    const page = await openConsole([]);
    await page.getByLabel('User name or e-mail').focus();
    await page.keyboard.type(LOCAL_STAFF_ACCOUNT.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(LOCAL_STAFF_ACCOUNT.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    // Focus moves to the view's heading, then Tab reaches the first inquiry's link.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Inbox');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => Boolean(document.activeElement?.closest('.inbox-table th[scope="row"] a')));
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Inquiry CM-/ }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Inquiry CM-/);
    await page.close();
  });
});
