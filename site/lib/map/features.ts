// The catalog as map features for one language: the fewest properties the map, its list and its popups need.
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { TFunction } from 'i18next';
import { itemPath, localize, type CatalogItem } from '../catalog.ts';
import { formatClaim } from '#render/format.ts';
import { statusText } from '#render/status-text.ts';
import type { Lang } from '#domain/site.ts';
import type { MapFeature, MapFeatureProperties } from '#render/map/map-feature.ts';

const round = (value: number) => Math.round(value * 1e4) / 1e4;

const cache = new WeakMap<CatalogItem[], Map<Lang, FeatureCollection<Point | LineString, MapFeatureProperties>>>();

/** Made once per catalog and language: every item page's small map draws from the same collection. */
export function mapFeatures(catalog: CatalogItem[], lang: Lang, t: TFunction): FeatureCollection<Point | LineString, MapFeatureProperties> {
  let byLanguage = cache.get(catalog);
  if (!byLanguage) {
    byLanguage = new Map();
    cache.set(catalog, byLanguage);
  }
  let collection = byLanguage.get(lang);
  if (!collection) {
    collection = buildFeatures(catalog, lang, t);
    byLanguage.set(lang, collection);
  }
  return collection;
}

function buildFeatures(catalog: CatalogItem[], lang: Lang, t: TFunction): FeatureCollection<Point | LineString, MapFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: catalog.map((item): MapFeature => {
      const { facts } = item;
      const capacity = facts.figures.capacity?.find((claim) => claim.unit === 'MW');
      const headline = capacity ?? facts.figures.area?.[0] ?? facts.figures.length?.[0];
      const shownStatus = statusText(facts, lang, t);
      const geometry: Point | LineString =
        facts.geometry.type === 'Point'
          ? { type: 'Point', coordinates: facts.geometry.coordinates.map(round) }
          : { type: 'LineString', coordinates: facts.geometry.coordinates.map((position) => position.map(round)) };
      return {
        type: 'Feature',
        id: item.id,
        geometry,
        properties: {
          id: item.id,
          name: localize(item.texts, lang).data.title,
          kind: facts.kind,
          category: item.category,
          status: facts.status,
          ...(shownStatus.stale ? { statusText: shownStatus.text } : {}),
          sectors: facts.sectors,
          approximate: facts.location.precision === 'approximate',
          schematic: facts.location.schematic,
          ...(capacity ? { capacityMw: capacity.value } : {}),
          ...(headline ? { figure: formatClaim(headline, lang, t) } : {}),
          href: itemPath(lang, item),
        },
      };
    }),
  };
}
