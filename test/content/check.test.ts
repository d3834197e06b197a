// `npm run content:check` passes the published content and names each kind of problem in its fixture, file by file and field by field.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#content-files/check-content.ts';

const FIXTURE = 'test/fixtures/content-check';

describe('content:check on the published content', () => {
  it('finds no problem', () => {
    const { problems, counts } = checkContent('content');
    expect(problems).toEqual([]);
    expect(counts.items).toBeGreaterThanOrEqual(31);
    expect(counts.pages).toBeGreaterThanOrEqual(5);
  });
});

describe('content:check on a fixture with one of each problem', () => {
  const { problems } = checkContent(FIXTURE);
  const at = (file: string, field: string) => problems.filter((problem) => problem.file === file && problem.field === field);
  const one = (file: string, field: string) => {
    const found = at(file, field);
    expect(found, `${file} ${field} in ${JSON.stringify(problems, null, 1)}`).toHaveLength(1);
    return found[0]!;
  };

  it.each([
    // [file, field, found, expected]
    ['catalog/zones/ip-no-source/facts.yaml', 'figures.capacity[0].sources', '[]', /at least one source id/],
    ['catalog/zones/ip-no-date/facts.yaml', 'figures.projects[0].asOf', 'nothing', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['catalog/zones/ip-unknown-source/facts.yaml', 'figures.area[0].sources[0]', '"src-missing"', /source listed under sources \(src-a\)/],
    ['catalog/zones/ip-good/facts.yaml', 'id', '"ip-good"', /no other item uses \(also used by catalog\/energy\/ip-good\)/],
    ['catalog/energy/ip-good/facts.yaml', 'id', '"ip-good"', /also used by catalog\/zones\/ip-good/],
    ['catalog/zones/wind-in-zones/facts.yaml', 'kind', '"wind-farm"', /section "zones".*moved to catalog\/energy\//],
    ['catalog/zones/ip-bad-refs/facts.yaml', 'related[0]', '"no-such-item"', /id of an item in the catalog/],
    ['catalog/zones/ip-bad-refs/facts.yaml', 'documents[0]', '"no-such-document"', /document in documents\//],
    ['catalog/zones/ip-bad-refs/facts.yaml', 'sectors[0]', '"no-such-sector"', /sectors in site\.json/],
    ['catalog/zones/ip-far/facts.yaml', 'geometry.coordinates', /^\[105\.85,21\.03\], \d+ km outside/, /within 25 km of its outline/],
    ['catalog/logistics/road-far/facts.yaml', 'geometry.coordinates[1]', /nearest vertex of the line/, /within 25 km/],
    ['catalog/zones/ip-good/index.vi.md', 'sourceVersion', '3', /at most 2, the version of catalog\/zones\/ip-good\/index\.en\.md/],
    ['catalog/zones/ip-good/index.fr.md', '(file name)', '"index.fr.md"', /one of the site's languages/],
    ['catalog/zones/ip-bad-refs/index.en.md', '(file)', 'no file', /source text in index\.en\.md/],
    ['catalog/zones/ip-bad-refs/index.ko.md', 'translatedFrom', '"de"', /source text .* in this folder/],
    ['catalog/zones/wind-in-zones/index.en.md', 'title', /^"TODO/, /real text in place of every TODO placeholder \(title\)/],
    ['pages/about/index.ko.md', '(front matter)', /^not valid YAML/, /double quotes/],
    ['news/post-one/index.en.md', 'related[1]', '"no-such-item"', /id of an item/],
    ['news/post-one/index.ja.md', 'date', '"2026-01-20"', /"2026-01-19" as in news\/post-one\/index\.en\.md/],
    ['site.json', 'featured[1]', '"no-such-featured"', /id of an item/],
    ['ui/ms.json', '(syntax)', /^not valid JSON/, /valid JSON/],
    ['open-data.json', 'license.url', '"creativecommons.org/licenses/by/4.0"', /starting with https:\/\//],
  ] as const)('%s  %s', (file, field, found, expected) => {
    const problem = one(file, field);
    if (typeof found === 'string') expect(problem.found).toBe(found);
    else expect(problem.found).toMatch(found);
    expect(problem.expected).toMatch(expected);
  });

  it('lets pass what is right: an island port, an expressway leaving the province, a document that exists', () => {
    const files = new Set(problems.map((problem) => problem.file));
    expect(files).not.toContain('catalog/logistics/port-offshore/facts.yaml');
    expect(files).not.toContain('catalog/logistics/road-leaving/facts.yaml');
    expect(problems.filter((problem) => problem.file.startsWith('documents/'))).toEqual([]);
    expect(at('catalog/zones/ip-good/facts.yaml', 'documents[0]')).toEqual([]);
    expect(at('catalog/zones/ip-good/index.ja.md', 'sourceVersion')).toEqual([]);
  });

  it('reports nothing it was not asked to', () => {
    expect(problems).toHaveLength(22);
  });
});

describe('the content:check command', () => {
  const run = (content: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content/check.ts', '--content', content], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints one line per problem as file, field, found, expected, and exits 1', () => {
    const result = run(FIXTURE);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${FIXTURE}/catalog/zones/ip-good/index.vi.md  sourceVersion  found 3  expected at most 2, the version of catalog/zones/ip-good/index.en.md`,
    );
    expect(result.stderr).toMatch(/22 problems in \d+ files/);
  });

  it('exits 0 on the published content', () => {
    const result = run('content');
    expect(result.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(result.stdout).toMatch(/^Content OK: \d+ items/);
    expect(result.status).toBe(0);
  });
});
