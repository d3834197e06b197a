// The content schemas refuse wrong content with messages that name the file, the field and what was expected.
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readContent } from '#content-files/read-content.ts';

describe('a bad content fixture', () => {
  const { problems } = readContent('test/fixtures/bad-content');
  const facts = 'catalog/zones/ip-broken/facts.yaml';
  const find = (file: string, field: string) => problems.find((problem) => problem.file === file && problem.field === field);

  it('names an unknown status and lists the allowed ones', () => {
    expect(find(facts, 'status')?.message).toMatch(/expected one of: announced, pre-construction, construction/);
  });

  it('names a figure written as text instead of a number', () => {
    expect(find(facts, 'figures.area[0].value')?.message).toMatch(/expected a number/);
  });

  it('names a badly written date', () => {
    expect(find(facts, 'figures.capacity[0].asOf')?.message).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('names a figure citing a source the item does not list', () => {
    // In its own fixture: this rule runs once the rest of an item is valid, and the build stops at the first bad entry.
    const { problems: refProblems } = readContent('test/fixtures/bad-source-ref');
    const message = refProblems.find(
      (problem) => problem.file === 'catalog/zones/ip-unknown-source/facts.yaml' && problem.field === 'figures.capacity[0].sources[0]',
    )?.message;
    expect(message).toMatch(/source "src-missing" is not listed/);
  });

  it('names a source text without a version', () => {
    expect(find('catalog/zones/ip-broken/index.en.md', 'version')?.message).toMatch(/needs a version number/);
  });
});

describe('the published content', () => {
  const content = readContent('content');

  it('has no problems', () => {
    expect(content.problems).toEqual([]);
  });

  it('holds every place of the starter data', () => {
    expect(content.items.length).toBeGreaterThanOrEqual(31);
  });

  it('has text in every language for every item', () => {
    const missing = content.items.flatMap((item) =>
      content.site.languages.filter((lang) => !item.texts[lang]).map((lang) => `${item.facts.id}/${lang}`),
    );
    expect(missing).toEqual([]);
  });

  it('marks every machine-made translation as such', () => {
    const unmarked = content.items.flatMap((item) =>
      Object.entries(item.texts)
        .filter(([lang, entry]) => lang !== content.site.sourceLanguage && entry && !entry.text.machineTranslated && !entry.text.reviewed)
        .map(([lang]) => `${item.facts.id}/${lang}`),
    );
    expect(unmarked).toEqual([]);
  });
});

describe('the site build', () => {
  it('fails on the bad fixture, naming the file, the field and what was expected', () => {
    const result = spawnSync('npx', ['astro', 'sync'], {
      env: { ...process.env, CONTENT_DIR: 'test/fixtures/bad-content' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    // Colours depend on the terminal (CI sets them): compare the words only.
    const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
    expect(result.status).not.toBe(0);
    expect(output).toContain('catalog/zones/ip-broken/facts.yaml');
    expect(output).toMatch(/status: expected one of: announced/);
    expect(output).toMatch(/figures\.area\.0\.value: expected a number/);
  }, 120_000);
});
