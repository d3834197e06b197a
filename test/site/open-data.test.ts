// The built open-data files: GeoJSON and CSV per language with every item, the licence, a citation and the as-of date, linked from each list page.
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readContent } from '#content-files/read-content.ts';
import { CATEGORIES } from '#domain/catalog/catalog.ts';

const content = readContent('content');
const { site } = content;
const ids = content.items.map((item) => item.facts.id).sort();
const openData = JSON.parse(readFileSync('content/open-data.json', 'utf8')) as { license: { id: string; url: string } };

interface Collection {
  type: string;
  properties: Record<string, string>;
  features: { id: string; geometry: { type: string }; properties: Record<string, unknown> }[];
}
const geojson = (lang: string) => JSON.parse(readFileSync(`dist/${lang}/data/catalog.geojson`, 'utf8')) as Collection;
const csvText = (lang: string) => readFileSync(`dist/${lang}/data/catalog.csv`, 'utf8');
const csvRows = (lang: string) => parse(csvText(lang), { columns: true, bom: true }) as Record<string, string>[];

describe('the catalog as GeoJSON', () => {
  it.each(site.languages)('%s holds every item with its geometry, and the licence, citation and as-of date on top', (lang) => {
    const data = geojson(lang);
    expect(data.type).toBe('FeatureCollection');
    expect(data.features.map((feature) => feature.id).sort()).toEqual(ids);
    expect(data.properties).toMatchObject({ language: lang, license: openData.license.id, licenseUrl: openData.license.url });
    expect(data.properties.attribution).toBeTruthy();
    expect(data.properties.citation).toContain(data.properties.asOf);
    expect(data.properties.citation).toContain(`/${lang}/data/`);
    expect(data.properties.asOf).toMatch(/^\d{4}(-\d{2}){0,2}$/);
  });

  it('names items in the file’s language and keeps every claim where sources disagree', () => {
    const ja = geojson('ja').features.find((feature) => feature.id === 'ip-khanh-an')!;
    expect(ja.properties.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja.properties.nameLanguage).toBe('ja');
    expect(ja.properties.url).toMatch(/\/ja\/zones\/ip-khanh-an\/$/);
    const port = geojson('en').features.find((feature) => feature.id === 'port-hon-khoai')!;
    const figures = port.properties.figures as Record<string, unknown[]>;
    expect(figures.maxShipSize!.length).toBeGreaterThanOrEqual(2);
    expect(geojson('ar').features.find((feature) => feature.geometry.type === 'LineString')).toBeDefined();
  });

  it('gives the newest date in the facts as the as-of date', () => {
    const newest = content.items
      .flatMap((item) => [item.facts.statusAsOf, ...item.facts.sources.map((source) => source.date ?? '')])
      .sort()
      .at(-1)!;
    expect(geojson('en').properties.asOf! >= newest).toBe(true);
  });
});

describe('the catalog as CSV', () => {
  it.each(site.languages)('%s has a byte-order mark, a header and one row per item', (lang) => {
    expect(csvText(lang).charCodeAt(0)).toBe(0xfeff);
    const rows = csvRows(lang);
    expect(rows.map((row) => row.id).sort()).toEqual(ids);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'name_language',
        'status',
        'longitude',
        'latitude',
        'url',
        'sources',
        'area',
        'area_unit',
        'area_as_of',
      ]),
    );
  });

  it('puts the position, the first claim of a figure and its unit in columns a spreadsheet can read', () => {
    const row = csvRows('vi').find((candidate) => candidate.id === 'ip-khanh-an')!;
    expect(Number(row.longitude)).toBeCloseTo(105.062, 3);
    expect(Number(row.latitude)).toBeCloseTo(9.228, 3);
    expect(row).toMatchObject({
      area: '235.86',
      area_unit: 'ha',
      area_as_of: '2025',
      area_basis: 'stated',
      area_claims: '1',
      name_language: 'vi',
    });
    expect(row.leased_land).toBe('154.74');
    const arabic = csvRows('ar').find((candidate) => candidate.id === 'ip-khanh-an')!;
    expect(arabic.name).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('links to the data', () => {
  it.each(CATEGORIES)('the %s list page links its language’s files and the data page, in a block of its own', (category) => {
    for (const lang of site.languages) {
      const $ = load(readFileSync(`dist/${lang}/${category}/index.html`, 'utf8'));
      const block = $('.data-downloads');
      expect(block.length, `${lang}/${category}`).toBe(1);
      expect(block.find('.catalog-table').length).toBe(0);
      const hrefs = block
        .find('a')
        .toArray()
        .map((link) => $(link).attr('href'));
      expect(hrefs).toEqual([`/${lang}/data/catalog.geojson`, `/${lang}/data/catalog.csv`, `/${lang}/data/`]);
    }
  });

  it('explains the licence, the citation and the as-of date on each language’s data page', () => {
    for (const lang of site.languages) {
      const $ = load(readFileSync(`dist/${lang}/data/index.html`, 'utf8'));
      expect($(`a[rel~="license"][href="${openData.license.url}"]`).length, lang).toBe(1);
      expect($('.citation').text()).toContain(geojson(lang).properties.citation);
      expect($('.data-languages a').length).toBe(site.languages.length * 2);
    }
  });
});
