// Draws a static map as SVG at build: the picture shown before (or without) WebGL, on the map page and on item pages.
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Position } from 'geojson';
import type { Basemap } from './basemap.ts';
import type { MapFeatureProperties } from './map-feature.ts';
import { SHAPE_POINTS, SYMBOLS, symbolRadius } from './symbols.ts';
import type { Kind } from '#domain/catalog/catalog.ts';
import { clipPolygon, clipPolyline } from 'lineclip';

export type LonLatBounds = [[number, number], [number, number]];

export const MAP_COLORS = {
  water: '#cfe3ea',
  land: '#f4f1ea',
  provinceBorder: '#a8a294',
  outlineFill: '#fdf6e3',
  outline: '#0b5563',
  halo: 0.2,
  highlight: '#1b1f23',
} as const;

/** Web Mercator, as MapLibre uses, so the preview lines up with the live map that replaces it. */
function mercatorY(latitude: number): number {
  const phi = (latitude * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

export interface SvgMapOptions {
  bounds: LonLatBounds;
  /** Width of the drawing in SVG units; the height follows from the bounds. */
  width: number;
  basemap: Basemap;
  features: FeatureCollection<Point | LineString, MapFeatureProperties>;
  /** Id of a feature to ring, e.g. the item whose page this is. */
  highlight?: string;
  title: string;
  className?: string;
}

export function projection(bounds: LonLatBounds, width: number) {
  const [[west, south], [east, north]] = bounds;
  const scale = width / (((east - west) * Math.PI) / 180);
  const top = mercatorY(north);
  const height = Math.round((top - mercatorY(south)) * scale);
  const project = ([lon, lat]: Position): [number, number] => [
    Math.round((((lon! - west) * Math.PI) / 180) * scale * 10) / 10,
    Math.round((top - mercatorY(lat!)) * scale * 10) / 10,
  ];
  return { project, height };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Path data for rings or lines, skipping points that land on the same spot at this scale. */
function pathData(lines: Position[][], project: (position: Position) => [number, number], close: boolean): string {
  return lines
    .map((line) => {
      let previous = '';
      const points: string[] = [];
      for (const position of line) {
        const [x, y] = project(position);
        const key = `${Math.round(x)},${Math.round(y)}`;
        if (key === previous) continue;
        previous = key;
        points.push(key);
      }
      if (points.length < 2) return '';
      return `M${points.join('L')}${close ? 'Z' : ''}`;
    })
    .join('');
}

function shapePath(kind: Kind, x: number, y: number, radius: number): string {
  const { shape } = SYMBOLS[kind];
  if (shape === 'circle') return `<circle cx="${x}" cy="${y}" r="${radius}"`;
  const points = SHAPE_POINTS[shape].map(
    ([dx, dy]) => `${Math.round((x + dx * radius) * 10) / 10},${Math.round((y + dy * radius) * 10) / 10}`,
  );
  return `<polygon points="${points.join(' ')}"`;
}

/** One symbol for a legend, drawn with the same shapes as the map. */
export function legendSymbol(kind: Kind, size = 18): string {
  const half = size / 2;
  const symbol = SYMBOLS[kind];
  const body =
    kind === 'expressway' || kind === 'bridge'
      ? `<line x1="1" y1="${half}" x2="${size - 1}" y2="${half}" stroke="${symbol.color}" stroke-width="3" stroke-dasharray="5 3"/>`
      : `${shapePath(kind, half, half, half - 2)} fill="${symbol.color}" stroke="#fff" stroke-width="1.5"/>`;
  return `<svg class="legend-symbol" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true">${body}</svg>`;
}

/** A margin around the drawing, in degrees, so shapes cut at its edge do not show their cut. */
const CLIP_MARGIN = 0.05;

export function renderSvgMap(options: SvgMapOptions): string {
  const { bounds, width, basemap, features, highlight, title, className = 'map-svg' } = options;
  const { project, height } = projection(bounds, width);
  // Only what falls inside the drawing is written out: a small map of one item then carries a few hundred points
  // of coastline rather than the whole region's.
  const box: [number, number, number, number] = [
    bounds[0][0] - CLIP_MARGIN,
    bounds[0][1] - CLIP_MARGIN,
    bounds[1][0] + CLIP_MARGIN,
    bounds[1][1] + CLIP_MARGIN,
  ];
  const inBox = ([lon, lat]: Position) => lon! >= box[0] && lon! <= box[2] && lat! >= box[1] && lat! <= box[3];
  const polygons = (collection: FeatureCollection<MultiPolygon>) =>
    collection.features
      .flatMap((feature) => feature.geometry.coordinates.flat())
      .map((ring) => clipPolygon(ring as [number, number][], box))
      .filter((ring) => ring.length >= 3);
  const borders = (collection: FeatureCollection<MultiLineString>) =>
    collection.features.flatMap((feature) => feature.geometry.coordinates.flatMap((line) => clipPolyline(line as [number, number][], box)));

  const lines: string[] = [];
  const halos: string[] = [];
  const symbols: string[] = [];
  const highlighted: string[] = [];
  for (const feature of features.features) {
    const { kind, approximate, schematic, capacityMw, id } = feature.properties;
    const positions = feature.geometry.type === 'Point' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    if (!positions.some(inBox)) continue;
    const symbol = SYMBOLS[kind as Kind];
    if (feature.geometry.type === 'LineString') {
      lines.push(
        `<path d="${pathData([feature.geometry.coordinates], project, false)}" fill="none" stroke="${symbol.color}" stroke-width="3.5" stroke-linecap="round"${schematic ? ' stroke-dasharray="8 5"' : ''} data-id="${escapeXml(id)}"/>`,
      );
      continue;
    }
    const [x, y] = project(feature.geometry.coordinates);
    const radius = symbolRadius(capacityMw);
    if (approximate) halos.push(`<circle cx="${x}" cy="${y}" r="${radius + 7}" fill="${symbol.color}" fill-opacity="${MAP_COLORS.halo}"/>`);
    const drawn = `${shapePath(kind as Kind, x, y, radius)} fill="${symbol.color}" stroke="#fff" stroke-width="1.5" data-id="${escapeXml(id)}"/>`;
    if (id !== highlight) {
      symbols.push(drawn);
      continue;
    }
    // The highlighted item is drawn last, ringed and named, so neighbours never hide it.
    highlighted.push(
      drawn,
      `<circle cx="${x}" cy="${y}" r="${radius + 5}" fill="none" stroke="${MAP_COLORS.highlight}" stroke-width="2.5"/>`,
      `<text x="${x}" y="${y - radius - 10}" text-anchor="middle" class="map-label">${escapeXml(feature.properties.name)}</text>`,
    );
  }

  return [
    `<svg class="${className}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" preserveAspectRatio="xMidYMid slice">`,
    `<rect width="${width}" height="${height}" fill="${MAP_COLORS.water}"/>`,
    `<path d="${pathData(polygons(basemap.land), project, true)}" fill="${MAP_COLORS.land}" fill-rule="evenodd"/>`,
    `<path d="${pathData(polygons(basemap.outline), project, true)}" fill="${MAP_COLORS.outlineFill}" fill-rule="evenodd"/>`,
    `<path d="${pathData(borders(basemap.provinceBorders), project, false)}" fill="none" stroke="${MAP_COLORS.provinceBorder}" stroke-width="0.8"/>`,
    `<path d="${pathData(polygons(basemap.outline), project, true)}" fill="none" stroke="${MAP_COLORS.outline}" stroke-width="1.6"/>`,
    ...lines,
    ...halos,
    ...symbols,
    ...highlighted,
    '</svg>',
  ].join('');
}
