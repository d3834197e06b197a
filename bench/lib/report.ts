// bench/results.json and bench/REPORT.md: each part's figures with the date and machine they were measured on, merged so `--only` keeps the rest.
import { PART_NAMES, type PartFigures, type PartName, SECTIONS } from './sections.ts';

export interface PartResult<P extends PartName = PartName> {
  /** ISO 8601, when this part was measured. */
  measuredAt: string;
  /** Cores, Node and Chromium of the machine it was measured on. */
  environment: string;
  figures: PartFigures[P];
}

export type BenchResults = { [P in PartName]?: PartResult<P> };

function isPartResult(value: unknown): value is PartResult {
  if (!value || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.measuredAt === 'string' &&
    !Number.isNaN(Date.parse(entry.measuredAt)) &&
    typeof entry.environment === 'string' &&
    typeof entry.figures === 'object' &&
    entry.figures !== null
  );
}

/** The parts of a results file that are in the current shape; anything else (an older shape, a damaged file) is left out. */
export function readResults(json: unknown): BenchResults {
  const results: Record<string, PartResult> = {};
  if (!json || typeof json !== 'object') return results;
  for (const part of PART_NAMES) {
    const entry = (json as Record<string, unknown>)[part];
    if (isPartResult(entry)) results[part] = entry;
  }
  return results as BenchResults;
}

/** The parts just measured replace their earlier figures; every other part keeps its last figures and date. */
export function mergeResults(previous: BenchResults, fresh: BenchResults): BenchResults {
  const merged: Record<string, PartResult> = {};
  for (const part of PART_NAMES) {
    const entry = fresh[part] ?? previous[part];
    if (entry) merged[part] = entry;
  }
  return merged as BenchResults;
}

function section<P extends PartName>(part: P, result: PartResult<P>): string {
  const { title, body } = SECTIONS[part];
  return `## ${title}

Measured ${result.measuredAt} on ${result.environment}.

${body(result.figures)}`;
}

export function renderReport(results: BenchResults): string {
  const sections = PART_NAMES.flatMap((part) => {
    const result = results[part] as PartResult<typeof part> | undefined;
    return result ? [section(part, result)] : [];
  });
  const missing = PART_NAMES.filter((part) => !results[part]);
  return `# Benchmark report

Written by \`npm run bench\`. Each part says when and on what it was measured: \`--only <part>\` measures some parts again
and keeps the others' last figures${missing.length ? `; not measured yet: ${missing.join(', ')}` : ''}.
This machine is shared, so figures vary between runs; compare the columns of one part, not runs with each other.
Lighthouse uses its default throttling (simulated slow 4G and a 4× slower CPU on mobile).

${sections.join('\n')}`;
}
