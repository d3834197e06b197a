// The province outline from content/ (site.json map.outline) and how far a position lies outside it, for content checks.
import { readFileSync } from 'node:fs';
import { distanceKm } from '#domain/catalog/geo.ts';

type LonLat = [number, number];
/** A polygon as GeoJSON writes it: the outer ring first, then any holes. */
type Polygon = LonLat[][];

export interface ProvinceOutline {
  polygons: Polygon[];
}

/** Reads a GeoJSON file holding Polygon or MultiPolygon geometries (a Feature, a FeatureCollection or a bare geometry). */
export function readOutline(path: string): ProvinceOutline {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { type: string; features?: { geometry: unknown }[]; geometry?: unknown };
  const geometries =
    data.type === 'FeatureCollection' ? (data.features ?? []).map((f) => f.geometry) : data.type === 'Feature' ? [data.geometry] : [data];
  const polygons: Polygon[] = [];
  for (const geometry of geometries as { type: string; coordinates: unknown }[]) {
    if (geometry?.type === 'Polygon') polygons.push(geometry.coordinates as Polygon);
    else if (geometry?.type === 'MultiPolygon') polygons.push(...(geometry.coordinates as Polygon[]));
  }
  if (polygons.length === 0) throw new Error('holds no Polygon or MultiPolygon');
  return { polygons };
}

/** Ray casting in longitude/latitude: fine at a province's scale, where no ring crosses the antimeridian. */
function inRing([x, y]: LonLat, ring: LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function isInside(point: LonLat, outline: ProvinceOutline): boolean {
  return outline.polygons.some(
    ([outer, ...holes]) => outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole)),
  );
}

/** 0 inside the province; otherwise the straight-line distance to its nearest edge in kilometres. */
export function kmOutside(point: LonLat, outline: ProvinceOutline): number {
  if (isInside(point, outline)) return 0;
  let best = Infinity;
  for (const polygon of outline.polygons)
    for (const ring of polygon)
      if (ring.length >= 2)
        best = Math.min(best, distanceKm({ type: 'Point', coordinates: point }, { type: 'LineString', coordinates: ring }));
  return best;
}
