// What the compare page and the matcher know of an item: one cell per row, each fact with its sources and date, or nothing.
import type { ItemFacts, Kind } from '../catalog/catalog.ts';
import type { Basis, Claim, Unit } from '../catalog/figures.ts';
import type { LifecycleStatus } from '../catalog/lifecycle.ts';

/** The rows, top to bottom. Distances are keyed by site.json's distance target labels (distance.port…). */
export const COMPARE_ROWS = [
  'kind',
  'status',
  'area',
  'freeLand',
  'occupancy',
  'sectors',
  'distance.port',
  'distance.airport',
  'distance.expressway',
  'power',
  'gas',
  'water',
  'regime',
] as const;
export type CompareRow = (typeof COMPARE_ROWS)[number];

/** The infrastructure rows, answered from the item's utilities list. */
export const UTILITY_ROWS = ['power', 'gas', 'water'] as const;

/** A number with what stands behind it; `sources` are ids of the item's sources. */
export interface FigureFact {
  value: number;
  unit: Unit;
  qualifier?: Claim['qualifier'];
  asOf: string;
  basis: Basis;
  sources: string[];
  note?: Record<string, string>;
}

export type Cell =
  | { type: 'kind'; kind: Kind }
  | { type: 'status'; status: LifecycleStatus; asOf: string; sources: string[]; unverified: boolean }
  | { type: 'figures'; figures: FigureFact[] }
  | { type: 'sectors'; sectors: string[] }
  /** A straight line measured between the positions on this site, to the nearest target item. */
  | { type: 'distance'; km: number; toId: string }
  /** The publisher lists this utility for the item; no source or date is given per utility. */
  | { type: 'listed' }
  /** Which incentive regime applies by kind: an economic zone's or an industrial park's. */
  | { type: 'regime'; regime: 'economic-zone' | 'industrial-park' }
  | { type: 'notPublished' };

export interface DistanceTo {
  label: string;
  km: number;
  toId: string;
}

const NOT_PUBLISHED: Cell = { type: 'notPublished' };

const fromClaim = (claim: Claim): FigureFact => ({
  value: claim.value,
  unit: claim.unit,
  ...(claim.qualifier ? { qualifier: claim.qualifier } : {}),
  asOf: claim.asOf,
  basis: claim.basis,
  sources: claim.sources,
  ...(claim.note ? { note: claim.note } : {}),
});

/** The older of two as-of dates (a derived figure is only as recent as its oldest input); undated wins. */
export function olderAsOf(a: string, b: string): string {
  if (a === 'undated' || b === 'undated') return 'undated';
  return a < b ? a : b;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * Industrial land not yet leased: published land minus leased land, or land times the share not occupied. Derived
 * only from figures the item publishes; an item's total area is never used, as it includes roads and green space.
 */
export function freeLand(facts: ItemFacts): FigureFact | undefined {
  const land = facts.figures.industrialLand?.[0];
  if (land?.unit !== 'ha') return undefined;
  const leased = facts.figures.leasedLand?.[0];
  if (leased && leased.unit === 'ha' && leased.value <= land.value)
    return {
      value: Math.round((land.value - leased.value) * 100) / 100,
      unit: 'ha',
      asOf: olderAsOf(land.asOf, leased.asOf),
      basis: 'derived',
      sources: union(land.sources, leased.sources),
    };
  const occupancy = facts.figures.occupancy?.[0];
  if (occupancy)
    return {
      value: Math.round(land.value * (1 - occupancy.value / 100) * 100) / 100,
      unit: 'ha',
      asOf: olderAsOf(land.asOf, occupancy.asOf),
      basis: 'derived',
      sources: union(land.sources, occupancy.sources),
    };
  return undefined;
}

/** The share of industrial land taken: published, or leased land over industrial land. */
function occupancy(facts: ItemFacts): FigureFact[] {
  const published = facts.figures.occupancy;
  if (published) return published.map(fromClaim);
  const land = facts.figures.industrialLand?.[0];
  const leased = facts.figures.leasedLand?.[0];
  if (!land || !leased || land.value <= 0 || leased.value > land.value) return [];
  return [
    {
      value: Math.round((leased.value / land.value) * 1000) / 10,
      unit: 'percent',
      asOf: olderAsOf(land.asOf, leased.asOf),
      basis: 'derived',
      sources: union(land.sources, leased.sources),
    },
  ];
}

function regimeOf(kind: Kind): Cell {
  if (kind === 'economic-zone') return { type: 'regime', regime: 'economic-zone' };
  if (kind === 'industrial-park' || kind === 'industrial-cluster') return { type: 'regime', regime: 'industrial-park' };
  return NOT_PUBLISHED;
}

const figures = (list: FigureFact[]): Cell => (list.length ? { type: 'figures', figures: list } : NOT_PUBLISHED);

/** Every row's cell for one item; `distances` are the site's measured distances for it (site/lib/catalog.ts). */
export function compareCells(facts: ItemFacts, distances: readonly DistanceTo[]): Record<CompareRow, Cell> {
  const distance = (label: string): Cell => {
    const found = distances.find((candidate) => candidate.label === label);
    return found ? { type: 'distance', km: found.km, toId: found.toId } : NOT_PUBLISHED;
  };
  const utility = (name: string): Cell => ((facts.utilities as string[]).includes(name) ? { type: 'listed' } : NOT_PUBLISHED);
  const free = freeLand(facts);
  return {
    kind: { type: 'kind', kind: facts.kind },
    status: {
      type: 'status',
      status: facts.status,
      asOf: facts.statusAsOf,
      sources: facts.statusSources,
      unverified: facts.statusUnverified,
    },
    area: figures((facts.figures.area ?? []).map(fromClaim)),
    freeLand: free ? figures([free]) : NOT_PUBLISHED,
    occupancy: figures(occupancy(facts)),
    sectors: facts.sectors.length ? { type: 'sectors', sectors: facts.sectors } : NOT_PUBLISHED,
    'distance.port': distance('distance.port'),
    'distance.airport': distance('distance.airport'),
    'distance.expressway': distance('distance.expressway'),
    power: utility('power'),
    gas: utility('gas'),
    water: utility('water'),
    regime: regimeOf(facts.kind),
  };
}
