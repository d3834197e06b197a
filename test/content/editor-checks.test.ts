// The editor's checks before a save (site/pages/admin/_editor/checks.ts) refuse what content:check refuses, in the same words:
// the same invalid values given to both, as a form's entry and as files in a copy of content/.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkContent } from '#content-files/check-content.ts';
import { splitFrontMatter } from '#content-files/read-content.ts';
import { site } from '#domain/site.ts';
import { entryProblems } from '../../site/pages/admin/_editor/checks.ts';
import { configure } from '../../site/pages/admin/_editor/context.ts';
import type { ImmutableMap } from '../../site/pages/admin/_editor/entry-texts.ts';

const ZONE = 'catalog/zones/ip-khanh-an';

/** An entry as the editor's store holds it (Immutable maps), reduced to what the checks read. */
function entry(collection: string, file: string, languages: Record<string, Record<string, unknown>>): ImmutableMap {
  const map = (value: Record<string, unknown> | undefined) => value && { get: () => undefined, getIn: () => undefined, toJS: () => value };
  return {
    get: (key) => ({ collection, path: `content/${file}`, data: map(languages[site.sourceLanguage]) })[key],
    getIn: ([, lang]) => map(languages[lang ?? '']),
    toJS: () => languages,
  };
}

const lines = (problems: { file: string; field: string; found: string; expected: string }[]) =>
  problems.map((problem) => `${problem.file}  ${problem.field}  found ${problem.found}  expected ${problem.expected}`).sort();

describe("the editor's checks before a save", () => {
  let root: string;
  beforeAll(() => {
    configure(site.languages, site.sourceLanguage, 'en');
    root = mkdtempSync(join(tmpdir(), 'camau-editor-checks-'));
    cpSync('content', root, { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuse a negative area, a figure without a source and an unknown sector as content:check words them', () => {
    const file = join(root, ZONE, 'facts.yaml');
    const facts = parse(readFileSync(file, 'utf8'));
    const editorLines = () =>
      lines(entryProblems(entry('zones-facts', `${ZONE}/facts.yaml`, { [site.sourceLanguage]: facts }), site.sectors));
    const checkLines = () => lines(checkContent(root).problems.filter((problem) => problem.file === `${ZONE}/facts.yaml`));

    // A sector alone: content:check runs its sector rule on facts its schema accepts.
    facts.sectors = [...facts.sectors, 'space-tourism'];
    writeFileSync(file, stringify(facts));
    expect(editorLines()).toEqual([expect.stringContaining('sectors[4]  found "space-tourism"  expected one of the sectors in site.json')]);
    expect(editorLines()).toEqual(checkLines());

    // With schema problems too: content:check names those first; the editor names them all at once.
    facts.figures.area[0].value = -5;
    facts.figures.projects[0].sources = [];
    writeFileSync(file, stringify(facts));
    expect(editorLines()).toEqual([
      expect.stringMatching(/^catalog\/zones\/ip-khanh-an\/facts\.yaml {2}figures\.area\[0\]\.value {2}found -5 {2}expected .*negative/),
      `${ZONE}/facts.yaml  figures.projects[0].sources  found []  expected at least one source id`,
      expect.stringContaining('sectors[4]  found "space-tourism"'),
    ]);
    expect(checkLines().length).toBeGreaterThan(0);
    expect(editorLines()).toEqual(expect.arrayContaining(checkLines()));
  });

  it('refuse a summary over 400 characters and a translation without its source version, in every language of the entry', () => {
    const texts: Record<string, Record<string, unknown>> = Object.fromEntries(
      site.languages.map((lang) => {
        const { data, body } = splitFrontMatter(readFileSync(join(root, ZONE, `index.${lang}.md`), 'utf8'));
        return [lang, { ...(data as Record<string, unknown>), body }];
      }),
    );
    texts.vi!.summary = 'Quá dài. '.repeat(60);
    delete texts.ja!.sourceVersion;
    for (const lang of ['vi', 'ja']) {
      const { body, ...frontMatter } = texts[lang]!;
      writeFileSync(join(root, ZONE, `index.${lang}.md`), `---\n${stringify(frontMatter)}---\n${String(body)}`);
    }

    const inEditor = lines(entryProblems(entry('zones', `${ZONE}/index.${site.sourceLanguage}.md`, texts), site.sectors));
    expect(inEditor).toEqual([
      `${ZONE}/index.ja.md  sourceVersion  found nothing  expected the version of the source text this translation was made from`,
      expect.stringMatching(/^catalog\/zones\/ip-khanh-an\/index\.vi\.md {2}summary {2}found "Quá dài.* {2}expected .*400/),
    ]);
    const byContentCheck = lines(checkContent(root).problems.filter((problem) => /index\.(vi|ja)\.md$/.test(problem.file)));
    expect(byContentCheck).toEqual(expect.arrayContaining(inEditor));
  });

  it("refuse a translation of a newer version than its source has, as content:check's translation rule words it", () => {
    // The zone as published again: the tests above left its facts and two texts invalid.
    cpSync(join('content', ZONE), join(root, ZONE), { recursive: true });
    const lang = 'ko';
    const { data, body } = splitFrontMatter(readFileSync(join(root, ZONE, `index.${lang}.md`), 'utf8'));
    const text = { ...(data as Record<string, unknown>), sourceVersion: 9 };
    writeFileSync(join(root, ZONE, `index.${lang}.md`), `---\n${stringify(text)}---\n${body}`);
    const texts = Object.fromEntries(
      site.languages.map((other) => {
        const read = splitFrontMatter(readFileSync(join(root, ZONE, `index.${other}.md`), 'utf8'));
        return [other, { ...(read.data as Record<string, unknown>), body: read.body }];
      }),
    );
    const inEditor = lines(entryProblems(entry('zones', `${ZONE}/index.${site.sourceLanguage}.md`, texts), site.sectors)).filter((line) =>
      line.includes(`index.${lang}.md`),
    );
    expect(inEditor).toEqual([expect.stringMatching(/index\.ko\.md {2}sourceVersion {2}found 9 {2}expected at most 1, the version of /)]);
    expect(lines(checkContent(root).problems.filter((problem) => problem.file === `${ZONE}/index.${lang}.md`))).toEqual(inEditor);
  });
});
