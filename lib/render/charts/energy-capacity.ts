// Energy capacity by type and status from the catalog's figures, as a table and as a stacked bar chart drawn at build.
import type { TFunction } from 'i18next';
import { categoryOfKind, KINDS_BY_CATEGORY, type ItemFacts, type Kind } from '#domain/catalog/catalog.ts';
import type { Claim } from '#domain/catalog/figures.ts';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '#domain/catalog/lifecycle.ts';
import type { Lang } from '#domain/site.ts';
import { formatValue } from '../format.ts';
import { type Direction, estimateTextWidth, legend, mirror, round1, STATUS_COLORS, svgOpen, svgText } from './svg-parts.ts';

/** One capacity figure as counted: the items it is given for (several when the source gives one figure for them together). */
export interface CapacityContribution {
  items: string[];
  kind: Kind;
  status: LifecycleStatus;
  claim: Claim;
}

export interface CapacityTable {
  kinds: Kind[];
  statuses: LifecycleStatus[];
  /** MW per kind and status; a missing cell has no figure. */
  cells: Map<Kind, Map<LifecycleStatus, number>>;
  totalsByKind: Map<Kind, number>;
  totalsByStatus: Map<LifecycleStatus, number>;
  total: number;
  contributions: CapacityContribution[];
  /** Energy items with no capacity in megawatts in the catalog (not published, or given in another unit). */
  withoutCapacity: string[];
}

/** Two claims are the same figure when value, unit, date and sources all match: the way the catalog records a shared figure. */
const claimKey = (claim: Claim) => JSON.stringify([claim.value, claim.unit, claim.asOf, [...claim.sources].sort()]);

const ENERGY_KINDS: readonly Kind[] = KINDS_BY_CATEGORY.energy;

/**
 * Sums the energy items' capacity figures in MW by kind and status. An item's figures for different phases add up;
 * a figure that sources give for several items together (recorded on each with the same value, date and sources)
 * counts once, under the first of those items.
 */
export function capacityByTypeAndStatus(catalog: readonly ItemFacts[]): CapacityTable {
  const energy = catalog.filter((facts) => categoryOfKind(facts.kind) === 'energy').sort((a, b) => a.id.localeCompare(b.id));
  const byKey = new Map<string, CapacityContribution>();
  const withoutCapacity: string[] = [];
  for (const facts of energy) {
    const claims = (facts.figures.capacity ?? []).filter((claim) => claim.unit === 'MW');
    if (claims.length === 0) withoutCapacity.push(facts.id);
    for (const claim of claims) {
      const key = claimKey(claim);
      const shared = byKey.get(key);
      if (shared) {
        if (!shared.items.includes(facts.id)) shared.items.push(facts.id);
      } else byKey.set(key, { items: [facts.id], kind: facts.kind, status: facts.status, claim });
    }
  }
  const contributions = [...byKey.values()];
  const cells = new Map<Kind, Map<LifecycleStatus, number>>();
  const totalsByKind = new Map<Kind, number>();
  const totalsByStatus = new Map<LifecycleStatus, number>();
  const add = (value: number, kind: Kind, status: LifecycleStatus) => {
    const row = cells.get(kind) ?? new Map<LifecycleStatus, number>();
    row.set(status, sum(row.get(status), value));
    cells.set(kind, row);
    totalsByKind.set(kind, sum(totalsByKind.get(kind), value));
    totalsByStatus.set(status, sum(totalsByStatus.get(status), value));
  };
  for (const { claim, kind, status } of contributions) add(claim.value, kind, status);
  return {
    kinds: ENERGY_KINDS.filter((kind) => cells.has(kind)),
    statuses: LIFECYCLE_STATUSES.filter((status) => totalsByStatus.has(status)),
    cells,
    totalsByKind,
    totalsByStatus,
    total: sum(
      0,
      [...totalsByKind.values()].reduce((a, b) => a + b, 0),
    ),
    contributions,
    withoutCapacity,
  };
}

/** Adds without binary fractions showing (99.2 + 75 stays 174.2). */
const sum = (a: number | undefined, b: number) => Math.round(((a ?? 0) + b) * 1000) / 1000;

export interface ChartOptions {
  lang: Lang;
  t: TFunction;
  dir: Direction;
  labelledBy: string;
}

const WIDTH = 720;
const LABEL_WIDTH = 170;
const BAR_HEIGHT = 26;
const ROW_GAP = 18;
const VALUE_ROOM = 110;

/** One bar per kind, its parts by status, each part's megawatts written in it when it fits, the total after it. */
export function renderCapacityChart(table: CapacityTable, options: ChartOptions): string {
  const { lang, t, dir, labelledBy } = options;
  const x = mirror(WIDTH, dir);
  const largest = Math.max(...table.kinds.map((kind) => table.totalsByKind.get(kind) ?? 0), 1);
  const scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / largest;
  const parts: string[] = [];
  table.kinds.forEach((kind, index) => {
    const top = 10 + index * (BAR_HEIGHT + ROW_GAP);
    parts.push(svgText(x(4), top + BAR_HEIGHT / 2 + 5, t(`kind.${kind}`), { className: 'chart-label' }));
    let offset = LABEL_WIDTH;
    for (const status of table.statuses) {
      const value = table.cells.get(kind)?.get(status);
      if (value === undefined) continue;
      const width = value * scale;
      const left = dir === 'rtl' ? x(offset) - width : x(offset);
      parts.push(
        `<rect x="${round1(left)}" y="${top}" width="${round1(width)}" height="${BAR_HEIGHT}" fill="${STATUS_COLORS[status]}" data-status="${status}"/>`,
      );
      const label = formatValue(value, 'MW', lang, t);
      if (estimateTextWidth(label) + 8 < width)
        parts.push(svgText(x(offset + width / 2), top + BAR_HEIGHT / 2 + 5, label, { anchor: 'middle', fill: '#fff' }));
      offset += width;
    }
    parts.push(
      svgText(x(offset + 8), top + BAR_HEIGHT / 2 + 5, formatValue(table.totalsByKind.get(kind) ?? 0, 'MW', lang, t), { weight: 'bold' }),
    );
  });
  const legendY = 10 + table.kinds.length * (BAR_HEIGHT + ROW_GAP) + 16;
  parts.push(
    ...legend(
      table.statuses.map((status) => ({ color: STATUS_COLORS[status], label: t(`status.${status}.label`) })),
      x,
      dir,
      4,
      legendY,
    ),
  );
  return [svgOpen({ width: WIDTH, height: legendY + 12, labelledBy, className: 'chart chart-capacity', dir }), ...parts, '</svg>'].join('');
}
