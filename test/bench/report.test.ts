// The bench report's merge: a partial run (`--only`) replaces its own parts and keeps every other part's figures with their dates.
import { describe, expect, it } from 'vitest';
import { type BenchResults, mergeResults, type PartResult, readResults, renderReport } from '../../bench/lib/report.ts';
import type { ApiFigures } from '../../bench/lib/api.ts';
import type { BuildFigures } from '../../bench/lib/sections.ts';

const load = (requestsPerSecond: number, p99Ms: number) => ({ requestsPerSecond, p50Ms: 5, p99Ms, errors: 0, non2xx: 0 });
const apiFigures = (requestsPerSecond: number): ApiFigures => ({
  connections: 20,
  seconds: 10,
  inquiries: load(requestsPerSecond, 40),
  bare: load(1000, 10),
  bundles: {} as ApiFigures['bundles'],
});
const buildFigures: BuildFigures = {
  items: 1000,
  languages: 7,
  catalog: { pages: 7700, seconds: 300, pagesPerSecond: 26, peakMemoryMb: 1500 },
  empty: { pages: 7700, seconds: 120, pagesPerSecond: 64, peakMemoryMb: 600 },
};
const at = <T>(measuredAt: string, figures: T) => ({ measuredAt, environment: '2 cores (test), Node v24', figures });

const OLD = '2026-11-23T13:40:44.119Z';
const NEW = '2026-12-02T12:00:00.000Z';
const previous: BenchResults = { api: at(OLD, apiFigures(800)) as PartResult<'api'>, build: at(OLD, buildFigures) as PartResult<'build'> };

describe('merging a partial bench run', () => {
  it('replaces the parts that ran and keeps the others as they were, with their own dates', () => {
    const merged = mergeResults(previous, { api: at(NEW, apiFigures(900)) as PartResult<'api'> });
    expect(merged.api).toEqual(at(NEW, apiFigures(900)));
    expect(merged.build).toEqual(previous.build);
    expect(merged.map).toBeUndefined();
    expect(Object.keys(merged)).toEqual(['api', 'build']);
  });

  it('keeps everything when nothing ran, and takes a part that had never been measured', () => {
    expect(mergeResults(previous, {})).toEqual(previous);
    expect(mergeResults({}, previous)).toEqual(previous);
  });

  it('reads only entries in the dated shape from a results file', () => {
    const read = readResults({
      api: previous.api,
      build: { items: 1000 },
      map: { measuredAt: 'yesterday', environment: 'x', figures: {} },
      other: previous.api,
    });
    expect(read).toEqual({ api: previous.api });
    expect(readResults('not an object')).toEqual({});
  });

  it('shows each part under its heading with the date it was measured, and names the parts never measured', () => {
    const report = renderReport(mergeResults(previous, { api: at(NEW, apiFigures(900)) as PartResult<'api'> }));
    const api = report.indexOf('## API');
    const build = report.indexOf('## Build scale');
    expect(api).toBeGreaterThan(0);
    expect(build).toBeGreaterThan(api);
    expect(report.slice(api, build)).toContain(`Measured ${NEW} on 2 cores (test), Node v24.`);
    expect(report.slice(api, build)).toContain('| inquiries | 900 |');
    expect(report.slice(build)).toContain(`Measured ${OLD} on 2 cores (test), Node v24.`);
    expect(report.slice(build)).toContain('| catalog | 7700 | 300 | 26 | 1500 MB |');
    expect(report).toContain('not measured yet: map, pages');
    expect(report).not.toContain('## Map page');
  });
});
