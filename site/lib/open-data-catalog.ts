// The open data described in DCAT as JSON-LD: the catalogue, its dataset, and the GeoJSON and CSV file of every language.
import type { TFunction } from 'i18next';
import { languages, pick, site, type Lang } from '#domain/site.ts';
import { CATALOG_PATH, citationOf, dataAsOf, dataPaths, openData } from './open-data.ts';
import type { CatalogItem } from './catalog.ts';

/** Inline, not a remote context: a reader expands the catalogue without fetching anything. */
const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  // Texts per language as language maps: {"en": "…", "vi": "…"} reads as one literal per language tag.
  'dct:title': { '@container': '@language' },
  'dct:description': { '@container': '@language' },
  'dct:bibliographicCitation': { '@container': '@language' },
  'foaf:name': { '@container': '@language' },
} as const;

/** The files' formats as DCAT asks for them: IANA media types by their registry address. */
const FORMATS = [
  { file: 'geojson', mediaType: 'application/geo+json', label: 'data.geojson' },
  { file: 'csv', mediaType: 'text/csv', label: 'data.csv' },
] as const;

const ianaMediaType = (type: string) => ({ '@id': `https://www.iana.org/assignments/media-types/${type}` });

/** ISO 639-1 codes as the Library of Congress publishes them, since dct:language expects a language, not a string. */
const languageRef = (lang: Lang) => ({ '@id': `http://id.loc.gov/vocabulary/iso639-1/${lang}` });

/** As-of dates may be partial ("2025", "2025-06"): typed as a year, a month or a day so none is padded with a guess. */
export function typedDate(date: string): { '@value': string; '@type': string } {
  const type = /^\d{4}$/.test(date) ? 'xsd:gYear' : /^\d{4}-\d{2}$/.test(date) ? 'xsd:gYearMonth' : 'xsd:date';
  return { '@value': date, '@type': type };
}

/** One literal per language, tagged with the language's BCP 47 tag (zh-Hans, not zh). */
const perLanguage = (text: (lang: Lang) => string) => Object.fromEntries(languages.map(({ code, tag }) => [tag, text(code)]));

export function dcatCatalog(items: CatalogItem[], translate: (lang: Lang) => TFunction, base: URL): Record<string, unknown> {
  const asOf = dataAsOf(items);
  const absolute = (path: string) => new URL(path, base).href;
  // No date at all leaves dct:modified out (JSON drops undefined) rather than stating an empty one.
  const modified = asOf ? typedDate(asOf) : undefined;
  const license = {
    '@id': openData.license.url,
    '@type': 'dct:LicenseDocument',
    'dct:identifier': openData.license.id,
    'dct:title': { en: openData.license.name },
  };
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': perLanguage((lang) => pick(openData.publisher, lang)) };
  const landingPages = site.languages.map((lang) => ({ '@id': absolute(dataPaths(lang).page) }));
  const distributions = languages.flatMap(({ code, tag }) =>
    FORMATS.map(({ file, mediaType, label }) => {
      const url = absolute(dataPaths(code)[file]);
      return {
        '@id': url,
        '@type': 'dcat:Distribution',
        'dct:title': { [tag]: translate(code)(label) },
        'dcat:downloadURL': { '@id': url },
        'dcat:accessURL': { '@id': absolute(dataPaths(code).page) },
        'dcat:mediaType': ianaMediaType(mediaType),
        'dct:language': languageRef(code),
        'dct:license': { '@id': openData.license.url },
        'dct:modified': modified,
      };
    }),
  );
  return {
    '@context': CONTEXT,
    '@id': absolute(CATALOG_PATH),
    '@type': 'dcat:Catalog',
    'dct:title': perLanguage((lang) => translate(lang)('data.catalogTitle', { site: pick(site.siteName, lang) })),
    'dct:description': perLanguage((lang) => translate(lang)('data.intro')),
    'dct:publisher': publisher,
    'dct:license': license,
    'dct:modified': modified,
    'dct:language': site.languages.map(languageRef),
    'foaf:homepage': { '@id': absolute('/') },
    'dcat:dataset': [
      {
        '@id': `${absolute(CATALOG_PATH)}#dataset`,
        '@type': 'dcat:Dataset',
        'dct:title': perLanguage((lang) => citationOf(lang, translate(lang), asOf, base).title),
        'dct:description': perLanguage((lang) => translate(lang)('data.intro')),
        'dct:bibliographicCitation': perLanguage((lang) => citationOf(lang, translate(lang), asOf, base).citation),
        'dct:publisher': publisher,
        'dct:license': { '@id': openData.license.url },
        'dct:modified': modified,
        'dct:language': site.languages.map(languageRef),
        'dcat:landingPage': landingPages,
        'dcat:distribution': distributions,
      },
    ],
  };
}
