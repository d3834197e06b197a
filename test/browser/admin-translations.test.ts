// The editor's translation workflow and its checks before a save, in real Chromium in the local mode, on a copy of content/
// that is a Git repository: a zone written in Vietnamese is changed, its translations turn stale with the source's changes
// shown, one is marked reviewed; and values content:check refuses are refused before anything is written.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textHistory } from '#content-files/cms-history.ts';
import { splitFrontMatter } from '#content-files/read-content.ts';
import { site as siteConfig } from '#domain/site.ts';
import { startEditorServer, type EditorServer } from '../../scripts/dev/editor-server.ts';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';

const ZONE = 'catalog/zones/ip-khanh-an';
const SOURCE = 'vi';
const TRANSLATIONS = siteConfig.languages.filter((language) => language !== SOURCE);

/** Rewrites a text's front matter, keeping its words: the fields named are set (undefined: removed). */
function setFrontMatter(file: string, fields: Record<string, string | number | boolean | undefined>) {
  const text = readFileSync(file, 'utf8');
  const [, head = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const kept = head.split('\n').filter((line) => !Object.keys(fields).some((name) => line.startsWith(`${name}:`)));
  const added = Object.entries(fields).flatMap(([name, value]) => (value === undefined ? [] : [`${name}: ${value}`]));
  writeFileSync(file, `---\n${[...kept, ...added].join('\n')}\n---\n${body}`);
}

describe('the editor on texts whose source is Vietnamese', () => {
  let root: string;
  let editor: EditorServer;
  let site: RunningSite;
  let browser: Browser;
  const historyRequests: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'camau-translations-'));
    cpSync('content', join(root, 'content'), { recursive: true });
    // The zone's Vietnamese text becomes its source (version 1); English is a reviewed translation of it, the others
    // machine drafts of it. Committed, so the source's earlier version is in the Git history as in a real repository.
    const text = (language: string) => join(root, 'content', ZONE, `index.${language}.md`);
    setFrontMatter(text(SOURCE), { translatedFrom: undefined, sourceVersion: undefined, machineTranslated: undefined, version: 1 });
    setFrontMatter(text('en'), { version: undefined, translatedFrom: SOURCE, sourceVersion: 1, reviewed: true });
    for (const language of TRANSLATIONS.filter((other) => other !== 'en')) setFrontMatter(text(language), { translatedFrom: SOURCE });
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { stdio: 'ignore' });
    git('init', '--quiet');
    git('add', 'content');
    git('commit', '--quiet', '-m', 'Starter content, with the Khanh An texts written in Vietnamese');
    [editor, site, browser] = await Promise.all([startEditorServer(root, 0), serveBuiltSite(), launchBrowser()]);
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await editor?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /**
   * The editor as `npm run dev` serves it: the configuration pointed at this test's proxy, and the source histories
   * answered from this test's repository by the same module the dev endpoint (site/pages/admin/history/) calls.
   */
  async function openEditor(locale: string): Promise<Page> {
    const page = await browser.newPage({ locale });
    await page.route('**/admin/config.json', async (route) => {
      try {
        const response = await route.fetch();
        await route.fulfill({ response, json: { ...(await response.json()), local_backend: { url: editor.url } } });
      } catch (error) {
        // A request still in flight when the test closes its page is no failure; any other is.
        if (!page.isClosed()) throw error;
      }
    });
    await page.route('**/admin/history/**', async (route) => {
      const file = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/admin\/history\//, '').replace(/\.json$/, ''));
      historyRequests.push(file);
      const history = textHistory(root, 'content', file, siteConfig.languages);
      await (history ? route.fulfill({ json: history }) : route.fulfill({ status: 404, body: 'Not found' }));
    });
    await page.goto(`${site.origin}/admin/`, { timeout: 90_000 });
    return page;
  }

  const onDisk = (language: string) => {
    const { data, body } = splitFrontMatter(readFileSync(join(root, 'content', ZONE, `index.${language}.md`), 'utf8'));
    return { data: data as Record<string, unknown>, body };
  };
  const facts = () => readFileSync(join(root, 'content', ZONE, 'facts.yaml'), 'utf8');
  const everyText = () => siteConfig.languages.map((language) => readFileSync(join(root, 'content', ZONE, `index.${language}.md`), 'utf8'));

  async function publish(page: Page, publishLabel: string, nowLabel: string) {
    await page.getByRole('button', { name: publishLabel, exact: true }).click();
    await page.getByRole('menuitem', { name: nowLabel }).click();
  }

  /** The editor's two panes: the default language (site.json's sourceLanguage) on the left, another on the right. */
  const statusIn = (page: Page, pane: number): Locator => page.getByTestId('translation-status').nth(pane);

  it('raises the source version on a changed Vietnamese summary, shows the translations stale with the change, and records a review', async () => {
    const before = Object.fromEntries(siteConfig.languages.map((language) => [language, onDisk(language)]));
    const page = await openEditor('vi-VN');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.goto(`${site.origin}/admin/#/collections/zones/entries/ip-khanh-an/index`);
    const summary = page.getByLabel('Summary', { exact: true }).nth(1);
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.inputValue()).toBe(before.vi!.data.summary);
    // Before any change: Vietnamese is the source, English (left) a reviewed translation of its current version.
    await expect.poll(() => statusIn(page, 1).getAttribute('data-state'), { timeout: 10_000 }).toBe('source');
    await expect.poll(() => statusIn(page, 0).getAttribute('data-state')).toBe('current');

    const newSummary = 'Khu công nghiệp đang hoạt động rộng 236 ha cạnh Cụm Khí – Điện – Đạm Cà Mau, nhận khí trực tiếp từ đường ống PM3.';
    await summary.fill(newSummary);
    // The source's version goes up as soon as its words change, in Vietnamese since the editor speaks it.
    await page.getByText('văn bản sẽ được lưu thành phiên bản 2 (trước là 1)').waitFor({ timeout: 10_000 });
    await publish(page, 'Công bố', 'Công bố ngay');
    await expect.poll(() => onDisk(SOURCE).data.summary, { timeout: 15_000 }).toBe(newSummary);
    expect(onDisk(SOURCE).data).toEqual({ ...before.vi!.data, summary: newSummary, version: 2 });
    for (const language of TRANSLATIONS) expect(onDisk(language).data, language).toEqual(before[language]!.data);

    // Every translation is now stale; English shows what changed in the Vietnamese summary since version 1.
    const english = statusIn(page, 0);
    await expect.poll(() => english.getAttribute('data-state'), { timeout: 10_000 }).toBe('stale');
    const overview = statusIn(page, 1);
    for (const language of TRANSLATIONS)
      await expect
        .poll(() => overview.locator(`li[data-lang="${language}"] [data-state]`).getAttribute('data-state'), { timeout: 10_000 })
        .toBe('stale');
    const diff = english.getByTestId('source-diff');
    await diff.waitFor({ timeout: 10_000 });
    expect(await diff.locator('dt').allTextContents()).toEqual(['Tóm tắt']);
    expect((await diff.locator('ins').allTextContents()).join(' ')).toContain('trực tiếp');
    expect((await diff.locator('del').allTextContents()).join(' ')).toContain('được cấp');
    expect(historyRequests).toContain(`content/${ZONE}/index.vi.md`);

    // One action records the review of English against version 2: reviewed and sourceVersion together.
    await english.getByRole('button', { name: 'Đánh dấu đã duyệt theo văn bản nguồn hiện tại' }).click();
    await expect.poll(() => english.getAttribute('data-state'), { timeout: 10_000 }).toBe('current');
    await publish(page, 'Công bố', 'Công bố ngay');
    await expect.poll(() => onDisk('en').data.sourceVersion, { timeout: 15_000 }).toBe(2);
    await page.close();

    expect(onDisk('en').data).toEqual({ ...before.en!.data, sourceVersion: 2, reviewed: true });
    expect(onDisk('en').body.trim()).toBe(before.en!.body.trim());
    expect(onDisk(SOURCE).data).toEqual({ ...before.vi!.data, summary: newSummary, version: 2 });
    for (const language of TRANSLATIONS.filter((other) => other !== 'en'))
      expect(onDisk(language).data, language).toEqual(before[language]!.data);
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content/check.ts', '--content', join(root, 'content')], {
      encoding: 'utf8',
    });
    expect(check.stdout + check.stderr).toMatch(/Content OK/);
    expect(check.status).toBe(0);
    const status = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/content/status.ts', '--content', join(root, 'content'), '--json'],
      {
        encoding: 'utf8',
      },
    );
    const zone = (
      JSON.parse(status.stdout) as { entries: { id: string; sourceLanguage: string; languages: { lang: string; state: string }[] }[] }
    ).entries.find((entry) => entry.id === 'zones/ip-khanh-an')!;
    expect(zone.sourceLanguage).toBe(SOURCE);
    expect(Object.fromEntries(zone.languages.map((language) => [language.lang, language.state]))).toMatchObject({
      vi: 'source',
      en: 'current',
      ja: 'stale',
    });
  }, 300_000);

  /** The message a refused save shows: the editor's notification with content:check's line for each field. */
  const refusal = (page: Page, words: string) => page.getByText(words, { exact: false }).first().waitFor({ timeout: 15_000 });

  it('refuses a figure left without a source and an unknown sector, naming each field in content:check words, and writes nothing', async () => {
    const before = facts();
    const page = await openEditor('en-US');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.goto(`${site.origin}/admin/#/collections/zones-facts/entries/ip-khanh-an/facts`);
    const addArea = page.getByRole('button', { name: 'Add area' });
    await addArea.waitFor({ timeout: 60_000 });
    // The area's first claim: its one source removed (the editor's own list check lets an empty list through).
    await addArea.locator('xpath=..').getByRole('button', { name: 'Expand' }).click();
    const sources = page.locator('[id^="area-field-"]').locator('[id^="sources-field-"]').first();
    await sources.getByRole('button', { name: 'Expand' }).first().click();
    await sources.locator('[aria-roledescription="sortable"] + button').first().click();
    await expect.poll(() => sources.locator('input[type="text"]').count()).toBe(0);
    // A sector that site.json does not list.
    await page.getByRole('button', { name: 'Add sectors' }).click();
    await page.locator('[id^="sectors-field-"] input[type="text"]').last().fill('space-tourism');
    await publish(page, 'Publish', 'Publish now');
    await refusal(page, 'figures.area[0].sources  found []  expected at least one source id');
    await refusal(page, 'sectors[4]  found "space-tourism"  expected one of the sectors in site.json');
    expect(facts()).toBe(before);
    await page.close();
  }, 200_000);

  it('refuses a translation without the version it translates, and a summary over 400 characters, writing nothing', async () => {
    const before = everyText();
    const page = await openEditor('en-US');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.goto(`${site.origin}/admin/#/collections/zones/entries/ip-khanh-an/index`);
    // English (left) translates the Vietnamese source: its source version is what makes it a checked translation.
    const sourceVersion = page.getByLabel('Source version translated').first();
    await sourceVersion.waitFor({ timeout: 60_000 });
    await sourceVersion.fill('');
    await publish(page, 'Publish', 'Publish now');
    await refusal(page, 'sourceVersion  found nothing  expected the version of the source text this translation was made from');
    expect(everyText()).toEqual(before);

    await sourceVersion.fill('2');
    const summary = page.getByLabel('Summary', { exact: true }).first();
    await summary.fill('Too long. '.repeat(50));
    await publish(page, 'Publish', 'Publish now');
    await page.getByText('expected at most 400 characters').first().waitFor({ timeout: 10_000 });
    expect(everyText()).toEqual(before);
    await page.close();
  }, 200_000);
});
