// How each kind of item looks on a map (shape and colour) and how big, shared by the static preview and MapLibre.
import type { Kind } from '#domain/catalog/catalog.ts';

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'hexagon';

export interface KindSymbol {
  shape: Shape;
  color: string;
}

/** Colours pass 3:1 against the pale land colour and white, so symbols stay visible (WCAG 1.4.11). */
export const SYMBOLS: Record<Kind, KindSymbol> = {
  'industrial-park': { shape: 'square', color: '#0b5563' },
  'industrial-cluster': { shape: 'square', color: '#0e7490' },
  'economic-zone': { shape: 'hexagon', color: '#155e75' },
  'gas-power': { shape: 'circle', color: '#c2410c' },
  'lng-power': { shape: 'circle', color: '#9a3412' },
  'wind-farm': { shape: 'triangle', color: '#15803d' },
  'solar-farm': { shape: 'triangle', color: '#a16207' },
  'gas-pipeline': { shape: 'diamond', color: '#b45309' },
  'fertilizer-plant': { shape: 'diamond', color: '#7c2d12' },
  seaport: { shape: 'circle', color: '#6d28d9' },
  airport: { shape: 'diamond', color: '#4338ca' },
  expressway: { shape: 'circle', color: '#7e22ce' },
  bridge: { shape: 'circle', color: '#be185d' },
  opportunity: { shape: 'hexagon', color: '#b45309' },
};

/** Outline of each shape as points on a unit circle (radius 1, y down); a circle is drawn as a circle. */
export const SHAPE_POINTS: Record<Exclude<Shape, 'circle'>, [number, number][]> = {
  square: [
    [-0.85, -0.85],
    [0.85, -0.85],
    [0.85, 0.85],
    [-0.85, 0.85],
  ],
  triangle: [
    [0, -1.1],
    [1, 0.75],
    [-1, 0.75],
  ],
  diamond: [
    [0, -1.15],
    [1.15, 0],
    [0, 1.15],
    [-1.15, 0],
  ],
  hexagon: [0, 1, 2, 3, 4, 5].map((i) => [Math.cos((Math.PI / 3) * i), Math.sin((Math.PI / 3) * i)] as [number, number]),
};

/** Symbol radius in CSS pixels: energy by capacity (logarithmic, so 3 GW does not hide 50 MW), others fixed. */
export function symbolRadius(capacityMw: number | undefined): number {
  if (!capacityMw) return 7;
  return Math.round((6 + 2.2 * Math.log10(1 + capacityMw / 25)) * 10) / 10;
}
