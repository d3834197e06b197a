// The corridor strip's model for pages: its content file joined with the catalog, read once per build.
import { getCatalog } from './catalog.ts';
import { readCorridorData } from '#render/corridor/read-corridor.ts';
import { resolveCorridor, type CorridorModel } from '#render/corridor/corridor-data.ts';

let cache: Promise<CorridorModel | undefined> | undefined;

/** Undefined when the content has no strip (a province without content/pages/corridor/segments.yaml). */
export function getCorridor(): Promise<CorridorModel | undefined> {
  cache ??= (async () => {
    const data = readCorridorData();
    if (!data) return undefined;
    return resolveCorridor(
      data,
      (await getCatalog()).map((item) => item.facts),
    );
  })();
  return cache;
}
