// The catalog as open data: GeoJSON and CSV per language, with the licence, a citation line and the as-of date.
import type { TFunction } from 'i18next';
import { stringify } from 'csv-stringify/sync';
import rawOpenData from '../../content/open-data.json' with { type: 'json' };
import { openDataSchema } from '#domain/catalog/open-data.ts';
import { FIGURE_KEYS, type FigureKey } from '#domain/catalog/figures.ts';
import { representativePoint } from '#domain/catalog/geo.ts';
import { itemPath, localize, type CatalogItem } from './catalog.ts';
import { pick, site, type Lang } from '#domain/site.ts';

/** content/open-data.json, checked when the site is built. */
export const openData = openDataSchema.parse(rawOpenData);

/** Download addresses of one language's files, relative to the site root. */
export const dataPaths = (lang: Lang) => ({
  page: `/${lang}/data/`,
  geojson: `/${lang}/data/catalog.geojson`,
  csv: `/${lang}/data/catalog.csv`,
});

/** The DCAT catalogue of every language's files: one address, since the datasets and their licence are the same in all. */
export const CATALOG_PATH = '/data/catalog.jsonld';

/**
 * The newest date anywhere in the facts (statuses, figures, parties, sources): what the data is current to.
 * Derived from the content rather than the build time, so an unchanged catalog gives byte-identical files.
 */
export function dataAsOf(items: CatalogItem[]): string {
  const dates = items.flatMap(({ facts }) => [
    facts.statusAsOf,
    ...Object.values(facts.figures).flatMap((claims) => (claims ?? []).map((claim) => claim.asOf)),
    ...facts.parties.map((party) => party.asOf),
    ...facts.sources.map((source) => source.date),
  ]);
  // Partial dates sort correctly as text: "2026" < "2026-01" < "2026-01-19".
  return (
    dates
      .filter((date): date is string => date !== undefined && date !== 'undated')
      .sort()
      .at(-1) ?? ''
  );
}

export interface Citation {
  title: string;
  publisher: string;
  attribution: string;
  citation: string;
}

/** How to credit the data in this language: the title, who publishes it, and one line to copy. */
export function citationOf(lang: Lang, t: TFunction, asOf: string, base: URL): Citation {
  const siteName = pick(site.siteName, lang);
  const publisher = pick(openData.publisher, lang);
  const title = t('data.datasetTitle', { province: pick(site.province, lang) });
  const url = new URL(dataPaths(lang).page, base).href;
  return {
    title,
    publisher,
    attribution: t('data.attribution', { site: siteName, publisher }),
    citation: t('data.citation', { publisher, title, site: siteName, date: asOf, url, licence: openData.license.id }),
  };
}

/** Figures present in any item, in the schema's order, so the CSV has a column group only for what exists. */
function figureKeysIn(items: CatalogItem[]): FigureKey[] {
  return FIGURE_KEYS.filter((key) => items.some((item) => item.facts.figures[key]?.length));
}

function rowBasics(item: CatalogItem, lang: Lang, t: TFunction, base: URL) {
  const text = localize(item.texts, lang);
  return {
    text,
    url: new URL(itemPath(lang, item), base).href,
    kindLabel: t(`kind.${item.facts.kind}`),
    statusLabel: t(`status.${item.facts.status}.label`),
  };
}

export function catalogGeoJson(items: CatalogItem[], lang: Lang, t: TFunction, base: URL): Record<string, unknown> {
  const asOf = dataAsOf(items);
  const cite = citationOf(lang, t, asOf, base);
  return {
    type: 'FeatureCollection',
    // A foreign member (RFC 7946 §6.1) so the licence and citation travel with the file; not "properties", which §7.1
    // forbids on a FeatureCollection and strict readers refuse. The catalogue at `catalog` says the same in DCAT.
    dataset: {
      title: cite.title,
      language: lang,
      asOf,
      license: openData.license.id,
      licenseName: openData.license.name,
      licenseUrl: openData.license.url,
      publisher: cite.publisher,
      attribution: cite.attribution,
      citation: cite.citation,
      about: new URL(dataPaths(lang).page, base).href,
      catalog: new URL(CATALOG_PATH, base).href,
      note: t('data.positionsNote'),
    },
    features: items.map((item) => {
      const { text, url, kindLabel, statusLabel } = rowBasics(item, lang, t, base);
      const { facts } = item;
      return {
        type: 'Feature',
        id: item.id,
        geometry: facts.geometry,
        properties: {
          id: item.id,
          name: text.data.title,
          nameLanguage: text.lang,
          summary: text.data.summary,
          machineTranslated: !text.fallback && text.data.machineTranslated && !text.data.reviewed,
          category: item.category,
          kind: facts.kind,
          kindLabel,
          status: facts.status,
          statusLabel,
          statusAsOf: facts.statusAsOf,
          statusUnverified: facts.statusUnverified,
          statusSources: facts.statusSources,
          precision: facts.location.precision,
          schematic: facts.location.schematic,
          locationBasis: facts.location.basis,
          sectors: facts.sectors,
          utilities: facts.utilities,
          figures: facts.figures,
          parties: facts.parties,
          related: facts.related,
          sources: facts.sources,
          url,
        },
      };
    }),
  };
}

/** CSV columns are snake_case like the rest of the header: industrialLand → industrial_land. */
const column = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** One row per item; where sources disagree on a figure, the CSV gives the first claim and the GeoJSON all of them. */
export function catalogCsv(items: CatalogItem[], lang: Lang, t: TFunction, base: URL): string {
  const figureKeys = figureKeysIn(items);
  const columns = [
    'id',
    'name',
    'name_language',
    'summary',
    'category',
    'kind',
    'kind_label',
    'status',
    'status_label',
    'status_as_of',
    'longitude',
    'latitude',
    'geometry_type',
    'location_precision',
    'schematic',
    'sectors',
    ...figureKeys.map(column).flatMap((key) => [key, `${key}_unit`, `${key}_as_of`, `${key}_basis`, `${key}_claims`]),
    'url',
    'sources',
  ];
  const records = items.map((item) => {
    const { text, url, kindLabel, statusLabel } = rowBasics(item, lang, t, base);
    const { facts } = item;
    const [longitude, latitude] = representativePoint(facts.geometry);
    const record: Record<string, string | number | boolean> = {
      id: item.id,
      name: text.data.title,
      name_language: text.lang,
      summary: text.data.summary,
      category: item.category,
      kind: facts.kind,
      kind_label: kindLabel,
      status: facts.status,
      status_label: statusLabel,
      status_as_of: facts.statusAsOf,
      longitude,
      latitude,
      geometry_type: facts.geometry.type,
      location_precision: facts.location.precision,
      schematic: facts.location.schematic,
      sectors: facts.sectors.join('; '),
      url,
      sources: facts.sources.map((source) => (source.url ? `${source.title} <${source.url}>` : source.title)).join('; '),
    };
    for (const key of figureKeys) {
      const claims = facts.figures[key] ?? [];
      const first = claims[0];
      if (!first) continue;
      const name = column(key);
      Object.assign(record, {
        [name]: first.value,
        [`${name}_unit`]: first.unit,
        [`${name}_as_of`]: first.asOf,
        [`${name}_basis`]: first.basis,
        [`${name}_claims`]: claims.length,
      });
    }
    return record;
  });
  // A byte-order mark so spreadsheet programs read Vietnamese, CJK and Arabic names as UTF-8; CRLF as RFC 4180 asks.
  return stringify(records, {
    header: true,
    columns,
    bom: true,
    record_delimiter: 'windows',
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}
