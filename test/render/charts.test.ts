// The build-time charts: capacity totals equal the catalog's figures (a shared figure counted once), land from published figures only.
import { describe, expect, it } from 'vitest';
import { capacityByTypeAndStatus, renderCapacityChart } from '#render/charts/energy-capacity.ts';
import { renderZoneLandChart, zoneLand } from '#render/charts/zone-land.ts';
import { formatValue } from '#render/format.ts';
import { freeLand } from '#domain/compare/compare-rows.ts';
import { useTranslations } from '#render/i18n.ts';
import { catalogFacts, itemFacts } from './catalog-facts.ts';

const facts = catalogFacts();
const en = useTranslations('en');

describe('energy capacity by type and status', () => {
  const table = capacityByTypeAndStatus(facts);

  it("totals the catalog's capacity figures in MW, a figure given for several items together once", () => {
    const seen = new Set<string>();
    let expected = 0;
    for (const item of facts.filter((candidate) => ['gas-power', 'lng-power', 'wind-farm', 'solar-farm'].includes(candidate.kind)))
      for (const claim of item.figures.capacity ?? []) {
        const key = `${claim.value}|${claim.asOf}|${[...claim.sources].sort().join()}`;
        if (claim.unit !== 'MW' || seen.has(key)) continue;
        seen.add(key);
        expected += claim.value;
      }
    expect(table.total).toBeCloseTo(expected, 6);
    const byKind = [...table.totalsByKind.values()].reduce((a, b) => a + b, 0);
    const byStatus = [...table.totalsByStatus.values()].reduce((a, b) => a + b, 0);
    expect(byKind).toBeCloseTo(table.total, 6);
    expect(byStatus).toBeCloseTo(table.total, 6);
  });

  it('counts the Hoa Binh figure the sources give for two farms once, naming both', () => {
    const shared = table.contributions.filter((contribution) => contribution.items.length > 1);
    expect(shared.map((contribution) => contribution.items)).toEqual([['wind-hoa-binh-1', 'wind-hoa-binh-2']]);
  });

  it('adds phases, counts a shared figure once and lists items without a capacity in MW', () => {
    const shared = { value: 100, unit: 'MW', sources: ['s2'], asOf: '2020', basis: 'stated' };
    const rule = capacityByTypeAndStatus([
      itemFacts({ id: 'a', figures: { capacity: [{ value: 50, unit: 'MW', sources: ['s1'], asOf: '2019', basis: 'stated' }, shared] } }),
      itemFacts({ id: 'b', figures: { capacity: [shared] } }),
      itemFacts({
        id: 'c',
        kind: 'gas-pipeline',
        figures: { capacity: [{ value: 2, unit: 'bcm/yr', sources: ['s1'], asOf: '2020', basis: 'stated' }] },
      }),
      itemFacts({ id: 'd' }),
    ]);
    expect(rule.total).toBe(150);
    expect(rule.withoutCapacity).toEqual(['c', 'd']);
    expect(rule.cells.get('wind-farm')?.get('operating')).toBe(150);
  });

  it('draws one bar part per cell, each kind named and totalled, statuses in words', () => {
    const svg = renderCapacityChart(table, { lang: 'en', t: en, dir: 'ltr', labelledBy: 'cap' });
    const cellCount = [...table.cells.values()].reduce((count, row) => count + row.size, 0);
    expect(svg.match(/data-status="/g)).toHaveLength(cellCount);
    for (const kind of table.kinds) {
      expect(svg).toContain(`>${en(`kind.${kind}`)}<`);
      expect(svg).toContain(`>${formatValue(table.totalsByKind.get(kind)!, 'MW', 'en', en)}<`);
    }
    for (const status of table.statuses) expect(svg).toContain(`>${en(`status.${status}.label`)}<`);
    expect(svg).toMatch(/role="img" aria-labelledby="cap"/);
  });

  it('mirrors the bars right to left in Arabic', () => {
    const first = (svg: string) => Number(/<rect x="([\d.]+)"[^>]*data-status/.exec(svg)![1]);
    const ltr = renderCapacityChart(table, { lang: 'en', t: en, dir: 'ltr', labelledBy: 'cap' });
    const rtl = renderCapacityChart(table, { lang: 'ar', t: useTranslations('ar'), dir: 'rtl', labelledBy: 'cap' });
    expect(first(ltr)).toBeLessThan(360);
    expect(first(rtl)).toBeGreaterThan(360);
    expect(rtl).toContain('direction="rtl"');
  });
});

describe('land leased and free per zone', () => {
  const table = zoneLand(facts);
  const row = (id: string) => table.rows.find((candidate) => candidate.id === id);

  it("shows each zone's published figures, and no row for zones without lease figures", () => {
    for (const item of facts.filter((candidate) => table.rows.some((r) => r.id === candidate.id))) {
      expect(row(item.id)?.area).toEqual(item.figures.area?.[0]);
      expect(row(item.id)?.leased).toEqual(item.figures.leasedLand?.[0]);
      expect(row(item.id)?.industrialLand).toEqual(item.figures.industrialLand?.[0]);
    }
    expect(table.withoutLeaseFigures).toContain('ez-nam-can');
    expect(row('ez-nam-can')).toBeUndefined();
  });

  it('works out free land by the compare rule, never from a total area', () => {
    for (const r of table.rows) expect(r.free).toEqual(freeLand(facts.find((item) => item.id === r.id)!));
    expect(row('ip-tra-kha')?.free).toMatchObject({ basis: 'derived', sources: ['vccinews-40837'] });
    expect(row('ip-tra-kha')?.free?.value).toBeCloseTo(49.38 - 45.895, 1);
    // Khanh An publishes leased land but no industrial land: its total area includes roads and green space.
    expect(row('ip-khanh-an')?.leased?.value).toBe(154.74);
    expect(row('ip-khanh-an')?.free).toBeUndefined();
  });

  it('draws the bars with their parts and says what is not published', () => {
    const names = new Map(table.rows.map((r) => [r.id, r.id]));
    const svg = renderZoneLandChart(table, names, { lang: 'en', t: en, dir: 'ltr', labelledBy: 'land' });
    expect(svg.match(/data-part="leased"/g)).toHaveLength(table.rows.filter((r) => r.leased).length);
    expect(svg.match(/data-part="industrial-land"/g)).toHaveLength(table.rows.filter((r) => r.industrialLand).length);
    expect(svg).toContain('>leased 154.74 ha<');
    expect(svg).toContain('>leased land not published<');
    for (const r of table.rows) expect(svg).toContain(`>${r.id}<`);
  });
});
