// The built open-data files: GeoJSON and CSV per language with every item, the licence, a citation and the as-of date, linked from
// each list page; every published GeoJSON valid RFC 7946; the DCAT catalogue of the files as JSON-LD.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getIssues } from '@placemarkio/check-geojson';
import { load } from 'cheerio';
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { readContent } from '#content-files/read-content.ts';
import { CATEGORIES } from '#domain/catalog/catalog.ts';

const content = readContent('content');
const { site } = content;
const ids = content.items.map((item) => item.facts.id).sort();
const openData = JSON.parse(readFileSync('content/open-data.json', 'utf8')) as {
  license: { id: string; url: string };
  publisher: Record<string, string>;
};

interface Collection {
  type: string;
  dataset: Record<string, string>;
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
    expect(data).not.toHaveProperty('properties');
    expect(data.dataset).toMatchObject({ language: lang, license: openData.license.id, licenseUrl: openData.license.url });
    expect(data.dataset.attribution).toBeTruthy();
    expect(data.dataset.citation).toContain(data.dataset.asOf);
    expect(data.dataset.citation).toContain(`/${lang}/data/`);
    expect(data.dataset.asOf).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    expect(new URL(data.dataset.catalog!).pathname).toBe('/data/catalog.jsonld');
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
    expect(geojson('en').dataset.asOf! >= newest).toBe(true);
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
      expect($('.citation').text()).toContain(geojson(lang).dataset.citation);
      expect($('.data-languages a').length).toBe(site.languages.length * 2);
    }
  });
});

/** Every file the build publishes as GeoJSON, wherever it lies in dist/. */
function publishedGeoJson(dir = 'dist'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return publishedGeoJson(path);
    return entry.name.endsWith('.geojson') ? [path] : [];
  });
}

describe('every published GeoJSON', () => {
  const files = publishedGeoJson();

  it('includes the downloads and the map’s features in every language, and the basemap', () => {
    for (const lang of site.languages)
      expect(files).toEqual(expect.arrayContaining([`dist/${lang}/data/catalog.geojson`, `dist/${lang}/map/features.geojson`]));
    expect(files).toContain('dist/map/basemap.geojson');
  });

  it.each(files)('%s is valid RFC 7946', (file) => {
    expect(getIssues(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const MEDIA_TYPES: Record<string, string> = { geojson: 'application/geo+json', csv: 'text/csv' };

type Node = Record<string, { '@id'?: string; '@value'?: string; '@language'?: string; '@type'?: string }[]> & {
  '@id': string;
  '@type'?: string[];
};

/** The catalogue expanded and flattened by a JSON-LD processor that may fetch nothing, in safe mode (no term silently dropped). */
async function catalogueGraph(): Promise<Node[]> {
  const document = JSON.parse(readFileSync('dist/data/catalog.jsonld', 'utf8')) as object;
  const refuse = (url: string) => Promise.reject(new Error(`the catalogue must not need ${url}`));
  const options = { documentLoader: refuse, safe: true } as unknown as jsonld.Options.Flatten;
  const flat = (await jsonld.flatten(document, undefined, options)) as unknown as { '@graph'?: Node[] } | Node[];
  return Array.isArray(flat) ? flat : (flat['@graph'] ?? []);
}

const refs = (node: Node, property: string) => (node[property] ?? []).map((value) => value['@id']);

describe('the DCAT catalogue', () => {
  it('is JSON-LD with one catalog, its dataset, the licence, the publisher and the as-of date', async () => {
    const graph = await catalogueGraph();
    const catalogs = graph.filter((node) => node['@type']?.includes(`${DCAT}Catalog`));
    expect(catalogs).toHaveLength(1);
    const datasets = graph.filter((node) => node['@type']?.includes(`${DCAT}Dataset`));
    expect(datasets.length).toBeGreaterThan(0);
    expect(refs(catalogs[0]!, `${DCAT}dataset`).sort()).toEqual(datasets.map((node) => node['@id']).sort());
    const asOf = geojson('en').dataset.asOf!;
    for (const node of [catalogs[0]!, ...datasets]) {
      expect(refs(node, `${DCT}license`), node['@id']).toEqual([openData.license.url]);
      expect(node[`${DCT}modified`]?.[0]?.['@value']).toBe(asOf);
      expect(node[`${DCT}modified`]?.[0]?.['@type']).toMatch(new RegExp(`^${XSD}(date|gYearMonth|gYear)$`));
      const publisher = graph.find((candidate) => candidate['@id'] === refs(node, `${DCT}publisher`)[0]);
      expect(publisher?.['http://xmlns.com/foaf/0.1/name']?.find((name) => name['@language'] === 'en')?.['@value']).toBe(
        openData.publisher.en,
      );
    }
  });

  it('gives each dataset a title and description in every language and the citation the data page shows', async () => {
    const graph = await catalogueGraph();
    const [dataset] = graph.filter((node) => node['@type']?.includes(`${DCAT}Dataset`));
    for (const lang of site.languages) {
      const tag = (site.languageTags as Record<string, string>)[lang] ?? lang;
      const text = (property: string) =>
        dataset![property]?.find((value) => value['@language']?.toLowerCase() === tag.toLowerCase())?.['@value'];
      expect(text(`${DCT}title`), lang).toBe(geojson(lang).dataset.title);
      expect(text(`${DCT}description`), lang).toBeTruthy();
      expect(text(`${DCT}bibliographicCitation`), lang).toBe(geojson(lang).dataset.citation);
    }
  });

  it('lists a GeoJSON and a CSV distribution per language, each downloadable from a file that exists in dist/', async () => {
    const graph = await catalogueGraph();
    const catalogId = graph.find((node) => node['@type']?.includes(`${DCAT}Catalog`))!['@id'];
    for (const dataset of graph.filter((node) => node['@type']?.includes(`${DCAT}Dataset`))) {
      const distributions = refs(dataset, `${DCAT}distribution`).map((id) => graph.find((node) => node['@id'] === id)!);
      const paths = distributions.map((distribution) => {
        expect(distribution['@type']).toContain(`${DCAT}Distribution`);
        const [download] = refs(distribution, `${DCAT}downloadURL`);
        const url = new URL(download!);
        expect(url.origin).toBe(new URL(catalogId).origin);
        expect(existsSync(`dist${url.pathname}`), url.pathname).toBe(true);
        const extension = url.pathname.split('.').at(-1)!;
        expect(refs(distribution, `${DCAT}mediaType`)).toEqual([`https://www.iana.org/assignments/media-types/${MEDIA_TYPES[extension]}`]);
        return url.pathname;
      });
      const expected = site.languages.flatMap((lang) => [`/${lang}/data/catalog.geojson`, `/${lang}/data/catalog.csv`]);
      expect(paths.sort()).toEqual(expected.sort());
    }
  });

  it('is linked from each language’s data page', () => {
    for (const lang of site.languages) {
      const $ = load(readFileSync(`dist/${lang}/data/index.html`, 'utf8'));
      const links = $('a[type="application/ld+json"]').toArray();
      expect(
        links.map((link) => $(link).attr('href')),
        lang,
      ).toEqual(['/data/catalog.jsonld']);
      expect($(links[0]).text().trim()).toBeTruthy();
    }
  });
});
