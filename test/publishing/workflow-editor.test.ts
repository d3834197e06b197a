// The editorial workflow in the real editor (Chromium, /admin/ as built, its proxy in Git mode on a temporary repository):
// Save makes a draft branch and leaves main alone; In review and Ready move it on the board; Publish merges it into main.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '#content-files/read-content.ts';
import { startEditorServer, workflowRepository, type EditorServer } from '../../scripts/dev/editor-server.ts';
import { launchBrowser, serveBuiltSite, type RunningSite } from '../support/browser.ts';
import { contentRepository } from './site-copy.ts';

const EDITOR = { name: 'Lan Nguyen (editor)', email: 'lan.editor@example.org' };
const ZONE_TEXT = 'content/catalog/zones/ip-khanh-an/index.vi.md';
/** The editor names an entry of a folder collection by its path under the folder: the branch ends in /index. */
const BRANCH = 'cms/zones/ip-khanh-an/index';
const NEW_SUMMARY = 'Khu công nghiệp Khánh An: bản tóm tắt này chờ người duyệt trước khi lên trang.';

let work: string;
let repo: string;
let editor: EditorServer;
let site: RunningSite;
let browser: Browser;

const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const summaryOn = (ref: string) => (splitFrontMatter(git('show', `${ref}:${ZONE_TEXT}`)).data as { summary: string }).summary;
const branches = () => git('branch', '--list', '--format=%(refname:short)').split('\n');

beforeAll(async () => {
  // A content repository, and the clone the workflow runs in, as `npm run dev -- --workflow` makes it.
  work = mkdtempSync(join(tmpdir(), 'camau-workflow-editor-'));
  repo = workflowRepository(contentRepository(join(work, 'origin')), join(work, 'workflow'));
  [editor, site, browser] = await Promise.all([
    startEditorServer(repo, 0, { mode: 'git', author: EDITOR }),
    serveBuiltSite(),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await editor?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The built editor with the configuration `npm run dev -- --workflow` serves: this proxy, and the workflow on. */
async function openEditor(): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-US' });
  await page.route('**/admin/config.json', async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, local_backend: { url: editor.url }, publish_mode: 'editorial_workflow' } });
  });
  await page.goto(`${site.origin}/admin/?lang=en`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Login' }).click({ timeout: 90_000 });
  return page;
}

describe('the editorial workflow in the editor', () => {
  it('saves a draft on its own branch, moves it through review to ready, and publishes it into main', async () => {
    const before = summaryOn('main');
    const page = await openEditor();
    await page.goto(`${site.origin}/admin/?lang=en#/collections/zones/entries/ip-khanh-an/index`, { waitUntil: 'commit' });
    const summary = page.getByLabel('Summary', { exact: true }).nth(1);
    await summary.waitFor({ timeout: 60_000 });
    await summary.fill(NEW_SUMMARY);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // The branch appears before its commit: wait for the commit.
    await expect.poll(() => (branches().includes(BRANCH) ? summaryOn(BRANCH) : undefined), { timeout: 60_000 }).toBe(NEW_SUMMARY);
    expect(summaryOn('main')).toBe(before);
    expect(git('log', '-1', '--format=%an', BRANCH)).toBe(EDITOR.name);

    const setStatus = async (label: string) => {
      await page.getByRole('button', { name: /^Status:/ }).click();
      await page.getByRole('menuitem', { name: label, exact: true }).click();
    };
    await setStatus('In review');
    await expect.poll(() => git('config', `branch.${BRANCH}.description`), { timeout: 30_000 }).toBe('decap-cms/pending_review');
    await setStatus('Ready');
    await expect.poll(() => git('config', `branch.${BRANCH}.description`), { timeout: 30_000 }).toBe('decap-cms/pending_publish');
    expect(summaryOn('main')).toBe(before);

    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
    await expect.poll(() => summaryOn('main'), { timeout: 60_000 }).toBe(NEW_SUMMARY);
    await expect.poll(branches, { timeout: 30_000 }).not.toContain(BRANCH);
    expect(git('log', '-1', '--format=%P', 'main').split(' ')).toHaveLength(2);
    await page.close();
  }, 240_000);
});
