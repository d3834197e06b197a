// The content editor at /admin/ in real Chromium, in its local mode on a copy of content/: a Vietnamese summary edited,
// an invalid one refused; and over dist/, that no public page loads anything of the editor and /admin/ is not indexed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '#content-files/read-content.ts';
import { site as siteConfig } from '#domain/site.ts';
import { startEditorServer, type EditorServer } from '../../scripts/dev/editor-server.ts';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';

const DIST = 'dist';
const ZONE = 'catalog/zones/ip-khanh-an';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
  );
}

describe('the built site and the editor', () => {
  it('has /admin/ marked noindex, outside the sitemap, with a configuration in the site languages', () => {
    const $ = load(readFileSync(join(DIST, 'admin/index.html'), 'utf8'));
    expect($('meta[name="robots"]').attr('content')).toMatch(/noindex/);
    expect($('script[src="/admin/decap-cms.js"]').length).toBe(1);
    expect(readFileSync(join(DIST, 'sitemap.xml'), 'utf8')).not.toContain('/admin/');
    const config = JSON.parse(readFileSync(join(DIST, 'admin/config.json'), 'utf8'));
    expect(config.i18n).toEqual({ structure: 'multiple_files', locales: siteConfig.languages, default_locale: siteConfig.sourceLanguage });
  });

  it('serves the editor from its own files, and no public page refers to them', () => {
    expect(existsSync(join(DIST, 'admin/decap-cms.js'))).toBe(true);
    const pages = htmlFiles(DIST).filter((file) => !relative(DIST, file).startsWith('admin/'));
    expect(pages.length).toBeGreaterThan(100);
    const offenders = pages.filter((file) => {
      const $ = load(readFileSync(file, 'utf8'));
      const references = $('[src], [href]')
        .toArray()
        .map((element) => $(element).attr('src') ?? $(element).attr('href') ?? '');
      return references.some((reference) => reference.includes('/admin/') || /decap/i.test(reference));
    });
    expect(offenders).toEqual([]);
    const scripts = readdirSync(join(DIST, '_astro')).filter((name) => name.endsWith('.js'));
    expect(scripts.filter((name) => /decap|CMS_MANUAL_INIT/.test(readFileSync(join(DIST, '_astro', name), 'utf8')))).toEqual([]);
  });
});

describe('the editor in its local mode', () => {
  let root: string;
  let editor: EditorServer;
  let site: RunningSite;
  let browser: Browser;
  /** Addresses off this machine the editor asked for: there must be none. */
  const outside: string[] = [];

  beforeAll(async () => {
    // A copy of content/ for the editor's proxy to write into: the repository's own files are never touched.
    root = mkdtempSync(join(tmpdir(), 'camau-editor-'));
    cpSync('content', join(root, 'content'), { recursive: true });
    [editor, site, browser] = await Promise.all([startEditorServer(root, 0), serveBuiltSite(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await editor?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** The editor as `npm run dev` serves it: the configuration built into dist/, pointed at this test's own proxy. */
  async function openEditor(locale: string): Promise<Page> {
    const page = await browser.newPage({ locale });
    await page.route('**/admin/config.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), local_backend: { url: editor.url } } });
    });
    page.on('request', (request) => {
      const { hostname, protocol } = new URL(request.url());
      if (protocol.startsWith('http') && hostname !== '127.0.0.1' && hostname !== 'localhost') outside.push(request.url());
    });
    await page.goto(`${site.origin}/admin/`);
    return page;
  }

  const text = (language: string) => readFileSync(join(root, 'content', ZONE, `index.${language}.md`), 'utf8');
  const parsed = (language: string) => splitFrontMatter(text(language));

  it('speaks English to an English browser', async () => {
    const page = await openEditor('en-US');
    await page.getByRole('button', { name: 'Login' }).waitFor({ timeout: 60_000 });
    await page.close();
  }, 90_000);

  it('refuses a fact the schema refuses, naming the field, and writes nothing', async () => {
    const facts = () => readFileSync(join(root, 'content', ZONE, 'facts.yaml'), 'utf8');
    const before = facts();
    const page = await openEditor('en-US');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.goto(`${site.origin}/admin/#/collections/zones-facts/entries/ip-khanh-an/facts`);
    const asOf = page.getByLabel('Status As Of', { exact: true });
    await asOf.waitFor({ timeout: 60_000 });
    await asOf.fill('2025-13');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
    await page.getByText('expected a date as YYYY, YYYY-MM or YYYY-MM-DD').first().waitFor({ timeout: 10_000 });
    expect(facts()).toBe(before);
    await page.close();
  }, 90_000);

  /** The zone's facts open in the editor, its area's first value shown: what the next test changes. */
  async function openAreaFigure(page: Page) {
    await page.getByRole('button', { name: 'Login' }).click();
    await page.goto(`${site.origin}/admin/#/collections/zones-facts/entries/ip-khanh-an/facts`);
    const addArea = page.getByRole('button', { name: 'Add area' });
    await addArea.waitFor({ timeout: 60_000 });
    // The list's own top bar holds its expand button; the area's values are folded until then.
    await addArea.locator('xpath=..').getByRole('button', { name: 'Expand' }).click();
    return page.locator('[id^="area-field-"]');
  }
  const facts = () => readFileSync(join(root, 'content', ZONE, 'facts.yaml'), 'utf8');
  const publishNow = async (page: Page) => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
  };

  it('refuses a negative area under its value field, in the schema words, and writes nothing', async () => {
    const before = facts();
    const page = await openEditor('en-US');
    const area = await openAreaFigure(page);
    const value = area.getByLabel('Value', { exact: true });
    expect(await value.inputValue()).toBe('235.86');
    await value.fill('-5');
    await publishNow(page);
    // The schema's own words, under the value field of the area's first claim.
    await value
      .locator('xpath=..')
      .getByText("expected a number of at least 0: a figure's value cannot be negative")
      .waitFor({ timeout: 10_000 });
    expect(facts()).toBe(before);
    await page.close();
  }, 90_000);

  it('saves a new Vietnamese summary of a zone into its file, refusing one that is too long, and content:check passes', async () => {
    const before = Object.fromEntries(siteConfig.languages.map((language) => [language, parsed(language)]));
    const page = await openEditor('vi-VN');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.goto(`${site.origin}/admin/#/collections/zones/entries/ip-khanh-an/index`);
    // Two panes: the source language on the left, Vietnamese on the right.
    const summary = page.getByLabel('Summary', { exact: true }).nth(1);
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.inputValue()).toBe((before.vi!.data as { summary: string }).summary);
    const publish = async () => {
      await page.getByRole('button', { name: 'Công bố', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
    };

    await summary.fill('Quá dài. '.repeat(60));
    await publish();
    await page.getByText('expected at most 400 characters').first().waitFor({ timeout: 10_000 });
    expect(parsed('vi')).toEqual(before.vi);

    const newSummary = 'Khu công nghiệp đang hoạt động cạnh Cụm Khí – Điện – Đạm Cà Mau, có khí từ đường ống PM3.';
    await summary.fill(newSummary);
    await publish();
    await expect.poll(() => (parsed('vi').data as { summary: string }).summary, { timeout: 10_000 }).toBe(newSummary);
    await page.close();

    // Only that summary changed: the other fields, the body and every other language mean what they meant.
    const after = parsed('vi');
    expect(after.data).toEqual({ ...(before.vi!.data as object), summary: newSummary });
    expect(after.body.trim()).toBe(before.vi!.body.trim());
    for (const language of siteConfig.languages.filter((other) => other !== 'vi')) {
      expect(parsed(language).data, language).toEqual(before[language]!.data);
      expect(parsed(language).body.trim(), language).toBe(before[language]!.body.trim());
    }
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content/check.ts', '--content', join(root, 'content')], {
      encoding: 'utf8',
    });
    expect(check.stdout + check.stderr).toMatch(/Content OK/);
    expect(check.status).toBe(0);
    expect(outside).toEqual([]);
  }, 120_000);
});
