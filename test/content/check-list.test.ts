// content:check as a list of named checks: each named and described once, runnable alone, together the same as the whole check.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CONTENT_CHECKS, checkContent } from '#content-files/check-content.ts';

const FIXTURE = 'test/fixtures/content-check';

describe('the named content checks', () => {
  it('each have their own name and say what they check', () => {
    const names = CONTENT_CHECKS.map((check) => check.name);
    expect(new Set(names).size).toBe(names.length);
    for (const check of CONTENT_CHECKS) {
      expect(check.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(check.checks.length).toBeGreaterThan(10);
    }
    expect(names).toEqual(expect.arrayContaining(['schemas', 'positions', 'translations', 'site-references']));
  });

  it('run alone, a check reports only its own kind of problem', () => {
    const { problems } = checkContent(FIXTURE, { only: ['site-references'] });
    expect(problems).toEqual([
      { file: 'site.json', field: 'featured[1]', found: '"no-such-featured"', expected: 'the id of an item in the catalog' },
    ]);
    const positions = checkContent(FIXTURE, { only: ['positions'] }).problems;
    expect(positions.map((problem) => problem.file).sort()).toEqual([
      'catalog/logistics/road-far/facts.yaml',
      'catalog/zones/ip-far/facts.yaml',
    ]);
  });

  it('together find exactly what the whole check finds, one check after the other', () => {
    const whole = checkContent(FIXTURE).problems;
    const oneByOne = CONTENT_CHECKS.flatMap((check) => checkContent(FIXTURE, { only: [check.name] }).problems);
    expect(oneByOne).toEqual(whole);
  });

  it('refuse a name that is no check, listing the names there are', () => {
    expect(() => checkContent(FIXTURE, { only: ['no-such-check'] })).toThrow(/No check named no-such-check; the checks are: schemas, /);
  });

  it('are listed and chosen by the command', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content/check.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
    const list = run('--list');
    expect(list.status).toBe(0);
    for (const check of CONTENT_CHECKS) expect(list.stdout).toContain(`${check.name}  ${check.checks}`);
    const one = run('--content', FIXTURE, '--only', 'site-references');
    expect(one.status).toBe(1);
    expect(one.stderr).toContain(`${FIXTURE}/site.json  featured[1]  found "no-such-featured"  expected the id of an item in the catalog`);
    expect(one.stderr).toMatch(/^1 problem in 1 file/m);
  });
});
