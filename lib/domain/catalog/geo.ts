// Straight-line distances on the globe between catalog geometries (points and lines), for "distance to port" figures.
import type { Geometry } from './catalog.ts';

type LonLat = readonly [number, number];
const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export function haversineKm(a: LonLat, b: LonLat): number {
  const dLat = toRadians(b[1] - a[1]);
  const dLon = toRadians(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a[1])) * Math.cos(toRadians(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance from a point to a segment. Over tens of kilometres an equirectangular projection around the
 * point is accurate to well under 1 %, far finer than the approximate positions it is used with.
 */
function pointToSegmentKm(p: LonLat, a: LonLat, b: LonLat): number {
  const kx = Math.cos(toRadians(p[1]));
  const ax = (a[0] - p[0]) * kx,
    ay = a[1] - p[1];
  const bx = (b[0] - p[0]) * kx,
    by = b[1] - p[1];
  const dx = bx - ax,
    dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  const nearest: LonLat = [p[0] + (ax + t * dx) / kx, p[1] + ay + t * dy];
  return haversineKm(p, nearest);
}

function vertices(geometry: Geometry): LonLat[] {
  return geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
}

function pointToGeometryKm(p: LonLat, geometry: Geometry): number {
  if (geometry.type === 'Point') return haversineKm(p, geometry.coordinates);
  let best = Infinity;
  for (let i = 1; i < geometry.coordinates.length; i++)
    best = Math.min(best, pointToSegmentKm(p, geometry.coordinates[i - 1]!, geometry.coordinates[i]!));
  return best;
}

/** Shortest straight-line distance between two geometries, measured from the vertices of each to the other. */
export function distanceKm(a: Geometry, b: Geometry): number {
  let best = Infinity;
  for (const p of vertices(a)) best = Math.min(best, pointToGeometryKm(p, b));
  for (const p of vertices(b)) best = Math.min(best, pointToGeometryKm(p, a));
  return best;
}

/** A point that stands for the geometry on a map or in JSON-LD: the point itself, or a line's middle vertex. */
export function representativePoint(geometry: Geometry): LonLat {
  if (geometry.type === 'Point') return geometry.coordinates;
  return geometry.coordinates[Math.floor(geometry.coordinates.length / 2)]!;
}
