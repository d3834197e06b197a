// `npm run content:new <kind> <slug>` writes a valid skeleton with a text per language, and refuses a taken id or an unknown kind.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '#content-files/read-content.ts';
import { checkContent } from '#content-files/check-content.ts';
import { splitFrontMatter } from '#content-files/read-content.ts';
import { translatablesOf, translationStatus } from '#domain/translation/translation-status.ts';

let dir: string;
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content/new-item.ts', '--content', dir, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-new-'));
  cpSync('content', dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('content:new', () => {
  const folder = () => join(dir, 'catalog/energy/wind-new-test');

  it('creates facts.yaml and a text per language in the section of the kind', () => {
    const result = run('wind-farm', 'wind-new-test');
    expect(result.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created');
    const languages = readContent(dir).site.languages;
    for (const file of ['facts.yaml', ...languages.map((lang) => `index.${lang}.md`)])
      expect(existsSync(join(folder(), file)), file).toBe(true);
  });

  it('writes a skeleton the schemas accept, with comments on what to fill in', () => {
    const content = readContent(dir);
    expect(content.problems).toEqual([]);
    const item = content.items.find((candidate) => candidate.facts.id === 'wind-new-test')!;
    expect(item.category).toBe('energy');
    expect(item.facts.kind).toBe('wind-farm');
    expect(readFileSync(join(folder(), 'facts.yaml'), 'utf8')).toMatch(/# \[longitude, latitude\]/);
    expect(item.texts.en!.text.version).toBe(1);
    const ja = splitFrontMatter(readFileSync(join(folder(), 'index.ja.md'), 'utf8')).data as Record<string, unknown>;
    expect(ja).toMatchObject({ translatedFrom: 'en', sourceVersion: 1, machineTranslated: false, reviewed: false });
    expect(item.texts.ja!.body).toMatch(/^TODO/);
  });

  it('leaves content:check failing only on the placeholders, inside the province', () => {
    const problems = checkContent(dir).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file).toMatch(/^catalog\/energy\/wind-new-test\//);
      expect(problem.expected).toMatch(/in place of (every TODO )?(the )?placeholder/);
    }
  });

  it('counts the placeholder translations as missing in content:status', () => {
    const content = readContent(dir);
    const report = translationStatus(translatablesOf(content), content.site.languages, content.site.sourceLanguage);
    const entry = report.entries.find((candidate) => candidate.id === 'energy/wind-new-test')!;
    expect(entry.languages.filter((status) => status.state === 'missing').map((status) => status.lang)).toEqual(content.site.languages);
  });

  it('refuses an id that is taken, in any section', () => {
    const again = run('wind-farm', 'wind-new-test');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/An item "wind-new-test" already exists in .*catalog\/energy\/wind-new-test/);
    const elsewhere = run('seaport', 'ip-khanh-an');
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toMatch(/already exists in .*catalog\/zones\/ip-khanh-an/);
  });

  it('refuses an unknown kind, listing the kinds by section', () => {
    const result = run('windmill', 'wind-x');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Unknown kind "windmill"');
    expect(result.stderr).toMatch(/energy: .*wind-farm/);
    expect(existsSync(join(dir, 'catalog/energy/wind-x'))).toBe(false);
  });

  it('refuses an id that cannot be an address', () => {
    const result = run('seaport', 'Port_Nam_Can');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/lower-case letters, digits and single hyphens/);
  });
});
