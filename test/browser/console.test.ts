// The staff console in real Chromium against the local stack: sign in with the seeded account, find, take and answer an inquiry; investor text stays inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';
import { postInquiry, readMails, startTestStack, validInquiry, type TestStack } from '../functions/helpers.ts';
import { LOCAL_STAFF_ACCOUNT } from '../../functions/local/cognito.ts';

let stack: TestStack;
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  [site, browser] = await Promise.all([serveBuiltSite(stack.api.url), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await stack?.cleanup();
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

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('User name or e-mail').fill(LOCAL_STAFF_ACCOUNT.username);
  await page.getByLabel('Password').fill(LOCAL_STAFF_ACCOUNT.password);
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
    const answer = await postInquiry(stack.api.url, validInquiry({ name: 'Kenji Sato', email: 'kenji@example.jp', message: 'Is there land for a shrimp feed plant?' }));
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

    await page.getByLabel(/Reply by e-mail/).fill('Yes: plots of 2 to 5 ha are free in Khanh An.\nWe will send the price list.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.locator('.inquiry-state').innerText()).toContain('Answered');
    expect(await page.locator('.history').innerText()).toContain('replied by e-mail in Japanese');
    await page.screenshot({ path: 'test-results/console-inquiry.png', fullPage: true });

    const mail = readMails(stack.mailDir).find((m) => m.headers.to === 'kenji@example.jp' && m.subject.startsWith('Re:'));
    expect(mail?.subject).toBe(`Re: お問い合わせ（${reference}）について`);
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
      validInquiry({ name: payloads.img, company: payloads.script, email: 'xss@example.org', message: `${payloads.script}\n${payloads.img}`, itemId: undefined }),
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
