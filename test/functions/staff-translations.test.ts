// GET /api/staff/translations: the translation report of the content the stack started from, with stale and missing texts and where to edit them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTranslationReport } from '#content-files/translations.ts';
import { editUrl, repositoryPath, workList, type TranslationReport } from '#domain/translation/translation-status.ts';
import { startStaffStack, staffCall, type StaffTestStack } from './staff-support.ts';

const EDIT_URL = 'https://example.org/repo/edit/main/';

let content: string;
let stack: StaffTestStack;
let token: string;

beforeAll(async () => {
  // A copy of the small status fixture: the English of one zone moves on (its translations become stale), one
  // Japanese page is deleted (missing), and the site names where files are edited. content/ itself is not touched.
  content = mkdtempSync(join(tmpdir(), 'camau-translations-'));
  cpSync('test/fixtures/content-status', content, { recursive: true });
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
  edit('catalog/zones/ip-a/index.en.md', (text) => text.replace('version: 1', 'version: 2'));
  rmSync(join(content, 'pages/home/index.ja.md'));
  edit('site.json', (text) => JSON.stringify({ ...JSON.parse(text), repositoryEditUrl: EDIT_URL }, null, 2));
  stack = await startStaffStack({ contentDir: content });
  token = await stack.pool.token();
});
afterAll(async () => {
  await stack?.cleanup();
  if (content) rmSync(content, { recursive: true, force: true });
});

const statusOf = (report: TranslationReport, id: string, lang: string) =>
  report.entries.find((entry) => entry.id === id)?.languages.find((status) => status.lang === lang);

describe('GET /api/staff/translations', () => {
  it('lists the stale and the missing translation, with the file to edit and its link', async () => {
    const answer = await staffCall(stack.api.url, 'GET', '/api/staff/translations', token);
    expect(answer.status).toBe(200);
    const report = answer.body as TranslationReport;
    expect(report).toMatchObject({
      sourceLanguage: 'en',
      languages: ['en', 'vi', 'ja'],
      contentFolder: 'content',
      repositoryEditUrl: EDIT_URL,
      unreadableFiles: [],
    });
    expect(Date.parse(report.generatedAt)).not.toBeNaN();

    expect(statusOf(report, 'zones/ip-a', 'ja')).toMatchObject({
      state: 'stale',
      file: 'catalog/zones/ip-a/index.ja.md',
      version: 1,
      sourceVersion: 2,
    });
    expect(statusOf(report, 'zones/ip-a', 'vi')).toMatchObject({ state: 'stale', version: 1, sourceVersion: 2 });
    expect(statusOf(report, 'home', 'ja')).toMatchObject({ state: 'missing', file: 'pages/home/index.ja.md', placeholder: false });
    expect(statusOf(report, 'home', 'vi')?.state).toBe('current');
    expect(report.summary.find((counts) => counts.lang === 'ja')).toMatchObject({ total: 2, stale: 1, missing: 1, current: 0, draft: 0 });
    expect(report.summary.find((counts) => counts.lang === 'vi')).toMatchObject({ total: 2, stale: 1, current: 1, missing: 0 });

    // What the console lists as work, and the paths and links it shows for it.
    const work = workList(report, { drafts: true }).map((item) => [
      item.status.state,
      repositoryPath(report, item.status.file),
      editUrl(report, item.status.file),
    ]);
    expect(work).toEqual([
      ['missing', 'content/pages/home/index.ja.md', `${EDIT_URL}content/pages/home/index.ja.md`],
      ['stale', 'content/catalog/zones/ip-a/index.vi.md', `${EDIT_URL}content/catalog/zones/ip-a/index.vi.md`],
      ['stale', 'content/catalog/zones/ip-a/index.ja.md', `${EDIT_URL}content/catalog/zones/ip-a/index.ja.md`],
    ]);
  });

  it('is exactly the report content:status computes from the same folder', async () => {
    const answer = await staffCall(stack.api.url, 'GET', '/api/staff/translations', token);
    const { generatedAt, ...fresh } = readTranslationReport(content);
    expect({ ...answer.body, generatedAt: undefined }).toEqual(JSON.parse(JSON.stringify({ ...fresh, generatedAt: undefined })));
  });

  it('answers only GET', async () => {
    const answer = await staffCall(stack.api.url, 'POST', '/api/staff/translations', token, {});
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });

  it('shows paths as text when site.json names no editor', () => {
    const report = readTranslationReport('test/fixtures/content-status');
    expect(report.repositoryEditUrl).toBeNull();
    expect(editUrl(report, 'pages/home/index.ja.md')).toBeUndefined();
    expect(repositoryPath(report, 'pages/home/index.ja.md')).toBe('content/pages/home/index.ja.md');
  });
});
