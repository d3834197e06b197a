// Land leased and free per zone from the zones' figures, as a table and as a bar chart drawn at build; free land by the site's one rule.
import type { TFunction } from 'i18next';
import { categoryOfKind, type ItemFacts } from '#domain/catalog/catalog.ts';
import type { Claim } from '#domain/catalog/figures.ts';
import { type FigureFact, freeLand } from '#domain/compare/compare-rows.ts';
import type { Lang } from '#domain/site.ts';
import { formatValue } from '../format.ts';
import { CHART_MUTED_COLOR, type Direction, legend, mirror, round1, svgOpen, svgText } from './svg-parts.ts';

export interface ZoneLandRow {
  id: string;
  area?: Claim;
  industrialLand?: Claim;
  leased?: Claim;
  occupancy?: Claim;
  /** Industrial land not leased, by the compare page's rule (the one rule for free land on the site). */
  free?: FigureFact;
}

export interface ZoneLandTable {
  rows: ZoneLandRow[];
  /** Zones whose figures say nothing about leasing (no industrial land, leased land or occupancy). */
  withoutLeaseFigures: string[];
}

const inHectares = (claims: Claim[] | undefined) => claims?.find((claim) => claim.unit === 'ha');

/** The first figure of each kind, as each item lists its main figure first; biggest zone first. */
export function zoneLand(catalog: readonly ItemFacts[]): ZoneLandTable {
  const zones = catalog.filter((facts) => categoryOfKind(facts.kind) === 'zones');
  const rows: ZoneLandRow[] = [];
  const withoutLeaseFigures: string[] = [];
  for (const facts of zones) {
    const { figures } = facts;
    const area = inHectares(figures.area);
    const industrialLand = inHectares(figures.industrialLand);
    const leased = inHectares(figures.leasedLand);
    const occupancy = figures.occupancy?.[0];
    if (!industrialLand && !leased && !occupancy) {
      withoutLeaseFigures.push(facts.id);
      continue;
    }
    const free = freeLand(facts);
    rows.push({ id: facts.id, area, industrialLand, leased, occupancy, ...(free ? { free } : {}) });
  }
  const size = (row: ZoneLandRow) => row.area?.value ?? row.industrialLand?.value ?? row.leased?.value ?? 0;
  rows.sort((a, b) => size(b) - size(a) || a.id.localeCompare(b.id));
  return { rows, withoutLeaseFigures: withoutLeaseFigures.sort() };
}

export const LAND_COLORS = { area: '#d8dee4', industrialLand: '#8cc4d8', leased: '#0b5563' } as const;

const WIDTH = 720;
const LABEL_WIDTH = 190;
const BAR_HEIGHT = 22;
const ROW_GAP = 16;
const VALUE_ROOM = 200;

/**
 * One bar per zone: its total area, over it its industrial land, over that the land leased; the light part of the
 * industrial land is what is not leased. A figure no source gives is not drawn, and the row says so.
 */
export function renderZoneLandChart(
  table: ZoneLandTable,
  names: ReadonlyMap<string, string>,
  options: { lang: Lang; t: TFunction; dir: Direction; labelledBy: string },
): string {
  const { lang, t, dir, labelledBy } = options;
  const x = mirror(WIDTH, dir);
  const largest = Math.max(
    ...table.rows.map((row) => Math.max(row.area?.value ?? 0, row.industrialLand?.value ?? 0, row.leased?.value ?? 0)),
    1,
  );
  const scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / largest;
  const parts: string[] = [];
  const bar = (value: number, top: number, color: string, part: string) => {
    const width = Math.max(value * scale, 1);
    const left = dir === 'rtl' ? x(LABEL_WIDTH) - width : x(LABEL_WIDTH);
    return `<rect x="${round1(left)}" y="${top}" width="${round1(width)}" height="${BAR_HEIGHT}" fill="${color}" data-part="${part}"/>`;
  };
  table.rows.forEach((row, index) => {
    const top = 10 + index * (BAR_HEIGHT + ROW_GAP);
    parts.push(svgText(x(4), top + BAR_HEIGHT / 2 + 5, names.get(row.id) ?? row.id, { className: 'chart-label' }));
    if (row.area) parts.push(bar(row.area.value, top, LAND_COLORS.area, 'area'));
    if (row.industrialLand) parts.push(bar(row.industrialLand.value, top + 3, LAND_COLORS.industrialLand, 'industrial-land'));
    if (row.leased) parts.push(bar(row.leased.value, top + 3, LAND_COLORS.leased, 'leased'));
    const end = Math.max(row.area?.value ?? 0, row.industrialLand?.value ?? 0, row.leased?.value ?? 0) * scale;
    const summary = row.leased
      ? t('visuals.land.leasedShort', { value: formatValue(row.leased.value, 'ha', lang, t) })
      : row.occupancy
        ? t('visuals.land.occupancyShort', { value: formatValue(row.occupancy.value, 'percent', lang, t) })
        : t('visuals.land.leasedNotPublished');
    parts.push(svgText(x(LABEL_WIDTH + end + 8), top + BAR_HEIGHT / 2 + 5, summary, { fill: row.leased ? undefined : CHART_MUTED_COLOR }));
  });
  const legendY = 10 + table.rows.length * (BAR_HEIGHT + ROW_GAP) + 16;
  parts.push(
    ...legend(
      [
        { color: LAND_COLORS.area, label: t('visuals.land.area') },
        { color: LAND_COLORS.industrialLand, label: t('visuals.land.industrialLand') },
        { color: LAND_COLORS.leased, label: t('visuals.land.leased') },
      ],
      x,
      dir,
      4,
      legendY,
    ),
  );
  return [svgOpen({ width: WIDTH, height: legendY + 12, labelledBy, className: 'chart chart-land', dir }), ...parts, '</svg>'].join('');
}
