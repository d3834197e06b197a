// The drawn corridor, the charts and the home map preview as built: in every language, named by their captions, with their tables.
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import site from '../../content/site.json' with { type: 'json' };
import { capacityByTypeAndStatus } from '#render/charts/energy-capacity.ts';
import { zoneLand } from '#render/charts/zone-land.ts';
import { formatValue } from '#render/format.ts';
import { useTranslations } from '#render/i18n.ts';
import type { Lang } from '#domain/site.ts';
import { catalogFacts } from '../render/catalog-facts.ts';

const page = (path: string) => load(readFileSync(`dist/${path}index.html`, 'utf8'));
const languages = site.languages as Lang[];
const facts = catalogFacts();

/** The drawing is an image whose name is a caption on the page, and it carries no script. */
function expectNamedImage($: ReturnType<typeof load>, selector: string) {
  const svg = $(selector);
  expect(svg).toHaveLength(1);
  expect(svg.attr('role')).toBe('img');
  const caption = $(`#${svg.attr('aria-labelledby')}`);
  expect(caption.prop('tagName')).toBe('FIGCAPTION');
  expect(caption.text().trim().length).toBeGreaterThan(20);
  expect(svg.find('script')).toHaveLength(0);
}

describe.each(languages)('the built pages in %s', (lang) => {
  const t = useTranslations(lang);
  const rtl = lang === 'ar';

  it('draw the corridor, mirrored right to left in Arabic, with a table row per link and the map link', () => {
    const $ = page(`${lang}/corridor/`);
    expectNamedImage($, 'svg.corridor-strip');
    expect($('svg.corridor-strip').attr('direction')).toBe(rtl ? 'rtl' : undefined);
    const rows = $('.corridor-drawn table tbody tr');
    expect(rows).toHaveLength(5);
    expect($(`.corridor-drawn a[href="/${lang}/map/?category=logistics"]`)).toHaveLength(1);
    // Every cited figure points to a listed source.
    for (const anchor of $('.corridor-drawn sup.cite a').toArray()) expect($($(anchor).attr('href')!)).toHaveLength(1);
    expect(rows.text()).toContain(t('visuals.strip.notPublished'));
  });

  it("total the energy catalog's capacity in the chart's table", () => {
    const $ = page(`${lang}/energy/`);
    expectNamedImage($, 'svg.chart-capacity');
    const total = $('#capacity-chart-heading').parent().find('tfoot td').last().text();
    expect(total).toBe(formatValue(capacityByTypeAndStatus(facts).total, 'MW', lang, t));
  });

  it('show land per zone with one table row per zone that publishes lease figures', () => {
    const $ = page(`${lang}/zones/`);
    expectNamedImage($, 'svg.chart-land');
    expect($('#land-chart-heading').parent().find('tbody tr')).toHaveLength(zoneLand(facts).rows.length);
  });

  it("show the province map in the home page's opening section, linking to the map", () => {
    const $ = page(`${lang}/`);
    const link = $('.hero a.hero-map');
    expect(link.attr('href')).toBe(`/${lang}/map/`);
    expect(link.find('svg[role="img"]').attr('aria-label')).toBe(t('visuals.mapPreview.label'));
    expect(link.text().trim()).toBe(t('visuals.mapPreview.link'));
  });
});
