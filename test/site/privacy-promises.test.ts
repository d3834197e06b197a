// The privacy notice states facts the code decides: where the data is stored and how long backups keep erased data.
// Each language's notice must name the region infra/ deploys to and the backup period the tables are given.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { site } from '#domain/site.ts';
import { readConfig } from '../../infra/lib/config.ts';
import { BACKUP_DAYS } from '../../infra/lib/constructs/data.ts';

const noticeIn = (lang: string) => readFileSync(`content/pages/privacy/index.${lang}.md`, 'utf8');

describe('the privacy notice', () => {
  it.each(site.languages)('in %s names the region that stores the data and the backups’ period', (lang) => {
    const notice = noticeIn(lang);
    expect(notice).toContain(site.dataRegion);
    expect(notice).toMatch(new RegExp(`\\b${BACKUP_DAYS}\\b`));
  });

  it('names the region infra/ deploys to, which refuses any other', () => {
    expect(readConfig(() => undefined, {}).region).toBe(site.dataRegion);
    expect(() => readConfig((key) => (key === 'region' ? 'eu-west-1' : undefined), {})).toThrow(/dataRegion/);
  });
});
