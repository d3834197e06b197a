// The compare cells of an item (free land derived only from published figures) and the matcher's rule, criterion by criterion.
import { describe, expect, it } from 'vitest';
import { itemFactsSchema } from '#domain/catalog/catalog.ts';
import { compareCells, freeLand, olderAsOf } from '#domain/compare/compare-rows.ts';
import { criteriaQuery, matchZone, parseCriteria, rankMatches } from '#domain/compare/match.ts';

const SECTORS = ['seafood-processing', 'logistics', 'gas-energy'];

function zone(overrides: Record<string, unknown> = {}) {
  return itemFactsSchema.parse({
    id: 'ip-test',
    kind: 'industrial-park',
    status: 'operating',
    statusAsOf: '2024',
    statusSources: ['s1'],
    geometry: { type: 'Point', coordinates: [105, 9] },
    location: { precision: 'approximate', basis: 'test' },
    sources: [
      { id: 's1', title: 'Source one' },
      { id: 's2', title: 'Source two' },
    ],
    ...overrides,
  });
}

const ha = (value: number, asOf: string, source = 's1') => ({ value, unit: 'ha', sources: [source], asOf, basis: 'stated' });
const near = [
  { label: 'distance.port', km: 40, toId: 'port-x' },
  { label: 'distance.expressway', km: 3, toId: 'road-x' },
];

describe('compare cells', () => {
  it('derives free land from industrial and leased land, dated by the older figure and citing both sources', () => {
    const facts = zone({ figures: { industrialLand: [ha(200, '2025')], leasedLand: [ha(150, '2021-08', 's2')] } });
    expect(freeLand(facts)).toEqual({ value: 50, unit: 'ha', asOf: '2021-08', basis: 'derived', sources: ['s1', 's2'] });
    const cells = compareCells(facts, near);
    expect(cells.occupancy).toMatchObject({ type: 'figures', figures: [{ value: 75, unit: 'percent', basis: 'derived' }] });
  });

  it('derives free land from industrial land and occupancy', () => {
    const facts = zone({
      figures: {
        industrialLand: [ha(197.6, '2021-08')],
        occupancy: [{ value: 11, unit: 'percent', sources: ['s1'], asOf: '2021-08', basis: 'stated' }],
      },
    });
    expect(freeLand(facts)?.value).toBeCloseTo(175.86, 2);
  });

  it('never takes free land from the total area, and says "not published" where the catalog has nothing', () => {
    const cells = compareCells(zone({ figures: { area: [ha(235, '2025')], leasedLand: [ha(150, '2025')] } }), []);
    expect(cells.freeLand).toEqual({ type: 'notPublished' });
    expect(cells.area).toMatchObject({ type: 'figures', figures: [{ value: 235, asOf: '2025', sources: ['s1'] }] });
    expect(cells['distance.port']).toEqual({ type: 'notPublished' });
    expect(cells.gas).toEqual({ type: 'notPublished' });
  });

  it('answers utilities from the list, distances from the measured ones, and the regime from the kind', () => {
    const cells = compareCells(zone({ utilities: ['gas', 'power'] }), near);
    expect(cells.gas).toEqual({ type: 'listed' });
    expect(cells.water).toEqual({ type: 'notPublished' });
    expect(cells['distance.port']).toEqual({ type: 'distance', km: 40, toId: 'port-x' });
    expect(cells.regime).toEqual({ type: 'regime', regime: 'industrial-park' });
    expect(compareCells(zone({ kind: 'economic-zone' }), []).regime).toEqual({ type: 'regime', regime: 'economic-zone' });
    expect(compareCells(zone({ kind: 'wind-farm' }), []).regime).toEqual({ type: 'notPublished' });
  });

  it('dates a derived figure by its oldest input; an undated input makes it undated', () => {
    expect(olderAsOf('2025', '2021-08')).toBe('2021-08');
    expect(olderAsOf('2025', 'undated')).toBe('undated');
  });
});

describe('parseCriteria', () => {
  it('reads numbers, gas and a known sector, and leaves empty fields out', () => {
    const parsed = parseCriteria('land=50&power=&gas=yes&port=60&expressway=2,5&sector=logistics', SECTORS);
    expect(parsed).toEqual({ criteria: { land: 50, gas: true, port: 60, expressway: 2.5, sector: 'logistics' }, errors: [], ignored: [] });
  });

  it('names each bad value: not a number, negative, absurdly large, unknown sector', () => {
    const parsed = parseCriteria('land=abc&power=-5&port=1e9&expressway=99999999&sector=mining', SECTORS);
    expect(parsed.criteria).toEqual({});
    expect(parsed.errors).toEqual([
      { field: 'land', code: 'notNumber', given: 'abc' },
      { field: 'power', code: 'negative', given: '-5' },
      { field: 'port', code: 'notNumber', given: '1e9' },
      { field: 'expressway', code: 'tooLarge', given: '99999999' },
      { field: 'sector', code: 'unknownSector', given: 'mining' },
    ]);
  });

  it('lists parameters it does not know instead of dropping them silently', () => {
    expect(parseCriteria('land=5&water=yes&water=no&budget=9', SECTORS).ignored).toEqual(['water', 'budget']);
  });

  it('writes criteria back as the form would', () => {
    const criteria = { land: 50, gas: true as const, sector: 'logistics' };
    expect(parseCriteria(criteriaQuery(criteria), SECTORS).criteria).toEqual(criteria);
  });
});

describe('matchZone', () => {
  const facts = zone({
    figures: { area: [ha(300, '2025')], industrialLand: [ha(200, '2025')], leasedLand: [ha(150, '2025')] },
    utilities: ['gas'],
    sectors: ['seafood-processing'],
  });
  const cells = compareCells(facts, near);

  it('answers each criterion from the fact it rests on', () => {
    const answers = matchZone(cells, { land: 40, power: 10, gas: true, port: 30, expressway: 5, sector: 'logistics' });
    expect(answers.map(({ criterion, verdict, row }) => [criterion, verdict, row])).toEqual([
      ['land', 'meets', 'freeLand'],
      ['power', 'unknown', 'power'],
      ['gas', 'meets', 'gas'],
      ['port', 'fails', 'distance.port'],
      ['expressway', 'meets', 'distance.expressway'],
      ['sector', 'fails', 'sectors'],
    ]);
  });

  it('fails land only on published figures: more than the free land, or more than the whole zone without a free-land figure', () => {
    expect(matchZone(cells, { land: 60 })[0]).toMatchObject({ verdict: 'fails', row: 'freeLand' });
    const noFree = compareCells(zone({ figures: { area: [ha(100, '2020')] } }), []);
    expect(matchZone(noFree, { land: 150 })[0]).toMatchObject({ verdict: 'fails', row: 'area' });
    expect(matchZone(noFree, { land: 50 })[0]).toMatchObject({ verdict: 'unknown', row: 'freeLand' });
  });

  it('treats what the catalog does not state as unknown, never as a failure', () => {
    const bare = compareCells(zone(), []);
    expect(matchZone(bare, { gas: true, port: 100, sector: 'logistics' }).map((answer) => answer.verdict)).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('ranks zones that meet everything first, then those with only unknowns, then by failures', () => {
    const verdicts = (...list: ('meets' | 'fails' | 'unknown')[]) => ({
      answers: list.map((verdict) => ({ criterion: 'land' as const, verdict, row: 'freeLand' as const })),
    });
    const ranked = rankMatches([
      { name: 'two fails', ...verdicts('fails', 'fails') },
      { name: 'unknown', ...verdicts('meets', 'unknown') },
      { name: 'all met', ...verdicts('meets', 'meets') },
      { name: 'one fail', ...verdicts('fails', 'meets') },
    ]);
    expect(ranked.map((zone) => zone.name)).toEqual(['all met', 'unknown', 'one fail', 'two fails']);
  });
});
