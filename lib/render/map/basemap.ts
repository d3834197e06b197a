// The offline basemap: Natural Earth land, the country's provinces and the province outline, clipped to the map's area.
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { clipPolygon, clipPolyline } from 'lineclip';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Position } from 'geojson';
import { site } from '#domain/site.ts';
import { projectPath } from '#content-files/project-path.ts';

type BBox = [number, number, number, number];
type Ring = [number, number][];

/** Credit for the land layer, which comes with the code rather than the content. */
export const LAND_CREDIT = 'Land: Natural Earth (public domain)';

/** The map may be panned a little past the configured bounds; the basemap covers that margin. */
const MARGIN_DEGREES = 1.5;
/** About 10 m: finer than any screen shows at the zooms the map allows. */
const DECIMALS = 4;

export function basemapBounds(): BBox {
  const [[west, south], [east, north]] = site.map.bounds;
  return [west - MARGIN_DEGREES, south - MARGIN_DEGREES, east + MARGIN_DEGREES, north + MARGIN_DEGREES];
}

const round = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;
const roundRing = (ring: Ring): Ring => ring.map(([x, y]) => [round(x), round(y)]);
/** Clipping can start a ring at a corner of the box and not come back to it; GeoJSON rings must end where they start. */
const closeRing = (ring: Ring): Ring => {
  const [first, last] = [ring[0], ring.at(-1)];
  return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring, first] : ring;
};

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** Clips every ring of a (multi)polygon to the box, dropping parts that fall outside. */
function clipToBox(geometry: Geometry, bbox: BBox): MultiPolygon | undefined {
  const parts = polygonsOf(geometry)
    .map((rings) => rings.map((ring) => closeRing(roundRing(clipPolygon(ring as Ring, bbox)))).filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0 && rings[0] !== undefined);
  return parts.length ? { type: 'MultiPolygon', coordinates: parts } : undefined;
}

/** Outlines of polygons as lines, clipped: borders are drawn as lines, not as filled shapes. */
function bordersInBox(geometry: Geometry, bbox: BBox): MultiLineString | undefined {
  const lines = polygonsOf(geometry).flatMap((rings) => rings.flatMap((ring) => clipPolyline(ring as Ring, bbox).map(roundRing)));
  return lines.length ? { type: 'MultiLineString', coordinates: lines } : undefined;
}

function readGeoJson(path: string): FeatureCollection {
  return JSON.parse(readFileSync(projectPath('content', path), 'utf8')) as FeatureCollection;
}

export interface Basemap {
  land: FeatureCollection<MultiPolygon>;
  provinceBorders: FeatureCollection<MultiLineString>;
  outline: FeatureCollection<MultiPolygon>;
}

let cached: Basemap | undefined;

export function loadBasemap(): Basemap {
  if (cached) return cached;
  const bbox = basemapBounds();
  // Natural Earth's land layer only: its country layers draw borders this site must not show.
  const topology = JSON.parse(readFileSync(projectPath('node_modules', 'world-atlas', 'land-10m.json'), 'utf8')) as Topology;
  const landCollection = feature(topology, topology.objects.land as GeometryCollection) as FeatureCollection;
  const collect = <G extends Geometry>(features: Feature[], clip: (geometry: Geometry) => G | undefined): FeatureCollection<G> => ({
    type: 'FeatureCollection',
    features: features.flatMap((source) => {
      const geometry = source.geometry && clip(source.geometry);
      return geometry ? [{ type: 'Feature', properties: {}, geometry }] : [];
    }),
  });
  cached = {
    land: collect(landCollection.features, (geometry) => clipToBox(geometry, bbox)),
    provinceBorders: collect(readGeoJson('geometry/vietnam-provinces.geojson').features, (geometry) => bordersInBox(geometry, bbox)),
    outline: collect(readGeoJson(site.map.outline).features, (geometry) => clipToBox(geometry, bbox)),
  };
  return cached;
}
