// The built about page in every language names the publisher and each detail a government portal gives: its value with
// whether it is verified and its source, or "not yet verified" where the configuration has none (nothing invented).
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { pick, site } from '#domain/site.ts';
import { useTranslations } from '#render/i18n.ts';

const DETAILS = ['address', 'phone', 'email', 'responsiblePerson', 'portal'] as const;

describe('the about page', () => {
  it.each(site.languages)('in %s gives the publisher and every detail, verified or said not to be', (lang) => {
    const t = useTranslations(lang);
    const $ = load(readFileSync(`dist/${lang}/about/index.html`, 'utf8'));
    const section = $('section.publisher');
    expect(section.find('p').first().text()).toBe(pick(site.publisher.name, lang));
    const terms = section
      .find('dt')
      .toArray()
      .map((term) => $(term).text());
    expect(terms).toEqual(DETAILS.map((key) => t(`about.${key}`)));
    const values = section.find('dd').toArray();
    expect(values).toHaveLength(DETAILS.length);
    DETAILS.forEach((key, index) => {
      const detail = site.publisher[key];
      const text = $(values[index]).text();
      if (!detail) expect(text).toBe(t('about.notVerified'));
      else {
        expect(text).toContain(detail.source);
        expect(text.includes(t('about.detailUnverified'))).toBe(!detail.verified);
      }
    });
    if (site.publisher.portal) expect(section.find(`a[href="${site.publisher.portal.value}"]`).length).toBe(1);
  });
});
