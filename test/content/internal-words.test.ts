// content:check's internal-words check: the compilers' own words ("research notes", "the data author", "as discussed") refused in any language's text and in facts' free text.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#content-files/check-content.ts';
import { INTERNAL_PHRASES, internalPhraseIn } from '#content-files/text-checks.ts';

const FIXTURE = 'test/fixtures/internal-words';
const ITEM = 'catalog/zones/ip-notes';

describe('the internal-words check', () => {
  const { problems } = checkContent(FIXTURE, { only: ['internal-words'] });
  // Sorted: the order of a folder's texts is the file system's.
  const summary = problems.map((problem) => [problem.file, problem.field, problem.found.match(/^"([^"]+)"/)?.[1]]).sort();

  it('names the file, the field and the phrase, in every language and in the facts', () => {
    expect(summary).toEqual([
      [`${ITEM}/facts.yaml`, 'figures.area[0].note.en', 'as discussed'],
      [`${ITEM}/facts.yaml`, 'sources[0].note', 'research notes'],
      // Found across a line break of the text.
      [`${ITEM}/index.en.md`, '(text)', 'research notes'],
      [`${ITEM}/index.en.md`, 'summary', 'data author'],
      [`${ITEM}/index.ja.md`, 'summary', 'データ作成者'],
      [`${ITEM}/index.vi.md`, '(text)', 'ghi chú nghiên cứu'],
      ['pages/about/index.en.md', 'summary', 'TBD'],
    ]);
    expect(problems.find((problem) => problem.field === 'figures.area[0].note.en')?.expected).toMatch(
      /^words for visitors: refers to a conversation/,
    );
    // A visitor's words pass: "outbid", "the notes on page 3", a Vietnamese note without the internal phrase.
    expect(problems.filter((problem) => problem.field === 'sources[1].note' || problem.field === 'figures.area[0].note.vi')).toEqual([]);
  });

  it('matches case-insensitively and whole words in Latin script', () => {
    expect(internalPhraseIn('See OUR NOTES for details')?.phrase).toBe('our notes');
    expect(internalPhraseIn('The bid was outbid twice.')).toBeUndefined();
    expect(internalPhraseIn('a TBDX code')).toBeUndefined();
    expect(internalPhraseIn('Theo Ghi Chú Nghiên Cứu')?.phrase).toBe('ghi chú nghiên cứu');
  });

  it('gives every phrase its reason', () => {
    for (const { phrase, why } of INTERNAL_PHRASES) {
      expect(phrase.trim()).toBe(phrase);
      expect(why.length, phrase).toBeGreaterThan(10);
      expect(internalPhraseIn(`Before ${phrase} after`)?.phrase).toBe(phrase);
    }
  });

  it('is listed and run by content:check, and the published content passes it', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content/check.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(run('--list').stdout).toMatch(/^internal-words {2}no public text or facts value carries/m);
    const fixture = run('--content', FIXTURE, '--only', 'internal-words');
    expect(fixture.status).toBe(1);
    expect(fixture.stderr).toContain(`${FIXTURE}/${ITEM}/index.vi.md  (text)  found "ghi chú nghiên cứu" in`);
    expect(checkContent('content', { only: ['internal-words'] }).problems).toEqual([]);
  });
});
