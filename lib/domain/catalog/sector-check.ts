// An item's sectors are among site.json's sectors: one rule for content:check and the editor's check before a save.
import { type CheckProblem, describe, problem } from '../check-wording.ts';

export function unknownSectorProblems(sectors: readonly string[], known: readonly string[], file: string): CheckProblem[] {
  return sectors.flatMap((sector, index) =>
    known.includes(sector)
      ? []
      : [problem(file, `sectors[${index}]`, describe(sector), `one of the sectors in site.json: ${known.join(', ')}`)],
  );
}
