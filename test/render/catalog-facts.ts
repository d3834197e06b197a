// The catalog's facts as the build reads them, straight from content/catalog/*/*/facts.yaml, for tests of what pages draw.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES, type ItemFacts, itemFactsSchema } from '#domain/catalog/catalog.ts';

export function catalogFacts(root = 'content'): ItemFacts[] {
  return CATEGORIES.flatMap((category) => {
    const dir = join(root, 'catalog', category);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => existsSync(join(dir, name, 'facts.yaml')))
      .map((name) => itemFactsSchema.parse(parse(readFileSync(join(dir, name, 'facts.yaml'), 'utf8'))));
  });
}

/** A minimal valid item for rule tests; `overrides` replaces whole fields. */
export function itemFacts(overrides: Record<string, unknown>): ItemFacts {
  return itemFactsSchema.parse({
    id: 'test-item',
    kind: 'wind-farm',
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
