// The small map on an item page: the item and its neighbours, drawn once per item as SVG at build.
import type { TFunction } from 'i18next';
import type { CatalogItem } from '../catalog.ts';
import { localize } from '../localize.ts';
import type { Lang } from '#domain/site.ts';
import { loadBasemap } from '#render/map/basemap.ts';
import { mapFeatures } from './features.ts';
import { renderSvgMap, type LonLatBounds } from '#render/map/svg.ts';

/** Half the smallest span shown, in degrees (about 25 km): enough to see what is around a point. */
const MIN_HALF_SPAN = 0.22;

function boundsAround(item: CatalogItem): LonLatBounds {
  const positions = item.facts.geometry.type === 'Point' ? [item.facts.geometry.coordinates] : item.facts.geometry.coordinates;
  const lons = positions.map((position) => position[0]);
  const lats = positions.map((position) => position[1]);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const centre = [(west + east) / 2, (south + north) / 2] as const;
  const half = Math.max(MIN_HALF_SPAN, ((east - west) / 2) * 1.2, ((north - south) / 2) * 1.2);
  return [
    [centre[0] - half, centre[1] - half],
    [centre[0] + half, centre[1] + half],
  ];
}

export function itemMapSvg(item: CatalogItem, catalog: CatalogItem[], lang: Lang, t: TFunction): string {
  return renderSvgMap({
    bounds: boundsAround(item),
    width: 480,
    basemap: loadBasemap(),
    features: mapFeatures(catalog, lang, t),
    highlight: item.id,
    title: t('map.smallMapLabel', { name: localize(item.texts, lang).data.title }),
  });
}
