// `npm run content:status` says which translations are stale, missing or drafts, and --strict fails on a missing one.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContent } from '#content-files/read-content.ts';
import { hasMissing, translatablesOf, translationStatus, type StatusReport } from '#domain/translation/translation-status.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-status-'));
  cpSync('test/fixtures/content-status', dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function statusOf(root: string): StatusReport {
  const content = readContent(root);
  expect(content.problems).toEqual([]);
  return translationStatus(translatablesOf(content), content.site.languages, content.site.sourceLanguage);
}
const stateOf = (report: StatusReport, id: string, lang: string) =>
  report.entries.find((entry) => entry.id === id)!.languages.find((status) => status.lang === lang)!.state;
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content/status.ts', '--content', dir, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('translation status', () => {
  it('tells a reviewed translation from an unreviewed machine draft', () => {
    const report = statusOf(dir);
    expect(stateOf(report, 'zones/ip-a', 'en')).toBe('source');
    expect(stateOf(report, 'zones/ip-a', 'vi')).toBe('current');
    expect(stateOf(report, 'zones/ip-a', 'ja')).toBe('draft');
    expect(stateOf(report, 'home', 'vi')).toBe('current');
    expect(report.summary.find((counts) => counts.lang === 'ja')).toMatchObject({ total: 2, current: 1, draft: 1, stale: 0, missing: 0 });
    expect(hasMissing(report)).toBe(false);
  });

  it('marks every translation stale when the source version goes up', () => {
    edit('catalog/zones/ip-a/index.en.md', (text) => text.replace('version: 1', 'version: 2'));
    const report = statusOf(dir);
    expect(stateOf(report, 'zones/ip-a', 'vi')).toBe('stale');
    expect(stateOf(report, 'zones/ip-a', 'ja')).toBe('stale');
    const ja = report.entries.find((entry) => entry.id === 'zones/ip-a')!.languages.find((status) => status.lang === 'ja')!;
    expect(ja).toMatchObject({ version: 1, sourceVersion: 2, draft: true });
    expect(stateOf(report, 'home', 'vi')).toBe('current');
    expect(report.summary.find((counts) => counts.lang === 'vi')).toMatchObject({ stale: 1, current: 1 });
  });

  it('is up to date again once the translation records the new version', () => {
    edit('catalog/zones/ip-a/index.en.md', (text) => text.replace('version: 1', 'version: 2'));
    edit('catalog/zones/ip-a/index.vi.md', (text) => text.replace('sourceVersion: 1', 'sourceVersion: 2'));
    expect(stateOf(statusOf(dir), 'zones/ip-a', 'vi')).toBe('current');
  });

  it('reports a missing file, and a placeholder left by content:new as missing', () => {
    rmSync(join(dir, 'pages/home/index.ja.md'));
    edit('catalog/zones/ip-a/index.vi.md', (text) => text.replace('Nội dung.', 'TODO: translate the text of en.md into vi.'));
    const report = statusOf(dir);
    expect(stateOf(report, 'home', 'ja')).toBe('missing');
    expect(stateOf(report, 'zones/ip-a', 'vi')).toBe('missing');
    expect(report.summary.find((counts) => counts.lang === 'ja')!.missing).toBe(1);
    expect(hasMissing(report)).toBe(true);
  });
});

describe('the content:status command', () => {
  it('prints the table, the stale file with what to do, and a summary per language', () => {
    edit('catalog/zones/ip-a/index.en.md', (text) => text.replace('version: 1', 'version: 2'));
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/item zones\/ip-a\s+source\s+STALE\s+STALE/);
    expect(result.stdout).toContain(
      `STALE    ${join(dir, 'catalog/zones/ip-a/index.ja.md')}: translates version 1 of the source, now version 2`,
    );
    expect(result.stdout).toMatch(/^\s+ja\s+1\s+0\s+1\s+0$/m);
  });

  it('with --strict, passes when nothing is missing and fails when a file is missing', () => {
    expect(run('--strict').status).toBe(0);
    rmSync(join(dir, 'pages/home/index.vi.md'));
    const result = run('--strict');
    expect(result.stdout).toContain(`MISSING  ${join(dir, 'pages/home/index.vi.md')}`);
    expect(result.stderr).toContain('--strict: 1 text(s) missing');
    expect(result.status).toBe(1);
    expect(run().status).toBe(0);
  });

  it('gives the report as JSON for other tools', () => {
    const report = JSON.parse(run('--json').stdout) as StatusReport;
    expect(report.languages).toEqual(['en', 'vi', 'ja']);
    expect(report.entries).toHaveLength(2);
  });
});

describe('the review list of content:status', () => {
  const review = (today: string) => {
    const result = run('--today', today);
    expect(result.status).toBe(0);
    return result.stdout.slice(result.stdout.indexOf('Review on'));
  };
  const facts = join('catalog/zones/ip-a/facts.yaml');

  it('names an item without a review date, and nothing else while its status is current', () => {
    expect(review('2026-12-02')).toBe(
      `Review on 2026-12-02 (a status in progress not confirmed for 24 months is stale):\n  NO DATE  ${join(dir, facts)}: no reviewBy; set the date by which to check it again\n`,
    );
  });

  it('lists an overdue review date and a stale status in progress, judged on the given day', () => {
    edit(facts, (text) =>
      text
        .replace('status: operating', 'status: construction')
        .replace('statusSources: [src-a]', 'statusSources: [src-a]\nreviewBy: "2026-06"'),
    );
    // statusAsOf "2025" may mean 31 December 2025: current until the end of 2027, review due after June 2026.
    expect(review('2026-06-30')).toContain('nothing overdue, stale or without a review date');
    const later = review('2028-01-01');
    expect(later).toContain(`OVERDUE  ${join(dir, facts)}: review by 2026-06 has passed`);
    expect(later).toContain(`STALE    ${join(dir, facts)}: status construction last confirmed 2025;`);
    expect(later.indexOf('OVERDUE')).toBeLessThan(later.indexOf('STALE'));
    expect(review('2027-12-31')).not.toContain('STALE');
  });

  it('follows staleAfterMonths in site.json, and gives the list in the JSON report', () => {
    edit(facts, (text) =>
      text.replace('status: operating', 'status: announced').replace('statusSources: [src-a]', 'statusSources: [src-a]\nreviewBy: "2030"'),
    );
    edit('site.json', (text) => text.replace('"consentVersion"', '"staleAfterMonths": 6,\n  "consentVersion"'));
    const json = JSON.parse(run('--json', '--today', '2026-07-01').stdout) as { review: unknown };
    expect(json.review).toEqual({
      today: '2026-07-01',
      staleAfterMonths: 6,
      entries: [{ folder: 'catalog/zones/ip-a', reasons: ['stale-status'], reviewBy: '2030', status: 'announced', statusAsOf: '2025' }],
    });
  });

  it('refuses a day it cannot read', () => {
    const result = run('--today', '2026-7-1');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--today expects a day as YYYY-MM-DD');
  });
});
