// A source text's versions read from Git and the working tree (what the editor's diff compares), and the files the editor may ask for.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyPath, sourceTexts, staleSources, textHistory } from '#content-files/cms-history.ts';
import { textVersions } from '#content-files/text-history.ts';
import { sourceLanguageOf } from '#domain/translation/source-text.ts';

const LANGUAGES = ['en', 'vi', 'ja'];

describe('the history of a source text', () => {
  let root: string;
  const file = () => join(root, 'content/pages/home/index.vi.md');
  const write = (version: number, summary: string) =>
    writeFileSync(file(), `---\ntitle: Trang chủ\nsummary: ${summary}\nversion: ${version}\n---\nNội dung ${version}.\n`);
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { stdio: 'ignore' });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'camau-history-'));
    mkdirSync(join(root, 'content/pages/home'), { recursive: true });
    git('init', '--quiet');
    write(1, 'Bản đầu');
    git('add', '.');
    git('commit', '--quiet', '-m', 'v1');
    write(1, 'Bản đầu, sửa lỗi chính tả');
    git('commit', '--quiet', '-am', 'v1 typo');
    write(2, 'Bản thứ hai');
    git('commit', '--quiet', '-am', 'v2');
    write(3, 'Bản thứ ba, chưa commit');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('has each version once, newest first: the working tree, then the latest commit of each older version', () => {
    const versions = textVersions(file());
    expect(versions.map((text) => [text.version, text.data.summary, text.body.trim()])).toEqual([
      [3, 'Bản thứ ba, chưa commit', 'Nội dung 3.'],
      [2, 'Bản thứ hai', 'Nội dung 2.'],
      [1, 'Bản đầu, sửa lỗi chính tả', 'Nội dung 1.'],
    ]);
    expect(versions[0]!.commit).toBeUndefined();
    expect(versions[1]!.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('reads only the versions asked for, and only language texts inside the content folder', () => {
    expect(
      textHistory(root, 'content', 'content/pages/home/index.vi.md', LANGUAGES, new Set([1]))!.versions.map((text) => text.version),
    ).toEqual([1]);
    for (const refused of [
      'content/../package.json',
      'content/pages/home/index.fr.md',
      'content/pages/home/facts.yaml',
      'pages/home/index.vi.md',
      'content/pages/../../etc/index.vi.md',
    ])
      expect(historyPath(root, 'content', refused, LANGUAGES), refused).toBeUndefined();
  });

  it('has no versions outside Git but the working tree, and none for a file that is not there', () => {
    const outside = mkdtempSync(join(tmpdir(), 'camau-no-git-'));
    writeFileSync(join(outside, 'index.vi.md'), '---\ntitle: A\nsummary: B\nversion: 4\n---\n');
    expect(textVersions(join(outside, 'index.vi.md')).map((text) => text.version)).toEqual([4]);
    expect(textVersions(join(outside, 'index.en.md'))).toEqual([]);
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('the histories a built editor carries', () => {
  it('are those of the source texts with a stale translation, with the versions those translations translate', () => {
    const root = mkdtempSync(join(tmpdir(), 'camau-stale-'));
    cpSync('test/fixtures/content-status', join(root, 'content'), { recursive: true });
    expect(staleSources(root, 'content')).toEqual([]);
    const source = join(root, 'content/catalog/zones/ip-a/index.en.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('version: 1', 'version: 2'));
    expect(staleSources(root, 'content')).toEqual([{ file: 'content/catalog/zones/ip-a/index.en.md', versions: new Set([1]) }]);
    expect(sourceTexts(root, 'content')).toEqual(
      expect.arrayContaining(['content/catalog/zones/ip-a/index.en.md', 'content/pages/home/index.en.md']),
    );
    rmSync(root, { recursive: true, force: true });
  });
});

describe("an item's source language", () => {
  it('is the language of the text without translatedFrom, whatever site.json says', () => {
    expect(sourceLanguageOf({ en: { translatedFrom: 'vi' }, vi: {}, ja: { translatedFrom: 'vi' } }, 'en')).toBe('vi');
  });
  it("is site.json's when no text says, or when it is one of several texts without translatedFrom", () => {
    expect(sourceLanguageOf({}, 'en')).toBe('en');
    expect(sourceLanguageOf({ vi: { translatedFrom: 'en' } }, 'en')).toBe('en');
    expect(sourceLanguageOf({ en: {}, vi: {} }, 'en')).toBe('en');
  });
});
