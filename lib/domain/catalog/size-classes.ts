// Size classes for list filters: zones by land area, energy by capacity; each item falls in one class by its largest figure.
import type { Category, ItemFacts } from './catalog.ts';
import type { FigureKey } from './figures.ts';

interface SizeScale {
  figure: FigureKey;
  /** Upper bounds of each class but the last, in the figure's unit. */
  bounds: number[];
}

const SCALES: Partial<Record<Category, SizeScale>> = {
  zones: { figure: 'area', bounds: [100, 300] },
  energy: { figure: 'capacity', bounds: [100, 1000] },
};

export function sizeScale(category: Category): SizeScale | undefined {
  return SCALES[category];
}

/** Index of the item's size class, or undefined when the item has no such figure. */
export function sizeClass(category: Category, facts: ItemFacts): number | undefined {
  const scale = SCALES[category];
  const claims = scale && facts.figures[scale.figure];
  if (!scale || !claims?.length) return undefined;
  const largest = Math.max(...claims.map((claim) => claim.value));
  const index = scale.bounds.findIndex((bound) => largest < bound);
  return index === -1 ? scale.bounds.length : index;
}
