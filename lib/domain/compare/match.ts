// The requirements matcher: an investor's criteria read from the address, and each zone's answer criterion by criterion.
import type { Cell, CompareRow } from './compare-rows.ts';

/** In the order the form asks them; each is also its address parameter. */
export const CRITERIA = ['land', 'power', 'gas', 'port', 'expressway', 'sector'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The criteria measured as numbers, with their units (the form shows them). */
export const NUMBER_CRITERIA = { land: 'ha', power: 'MW', port: 'km', expressway: 'km' } as const;
type NumberCriterion = keyof typeof NUMBER_CRITERIA;

/** Larger than any land, power or distance in a province: longer input is a typing slip, not a need. */
export const MAX_CRITERION_VALUE = 1_000_000;

export interface Criteria {
  land?: number;
  power?: number;
  gas?: true;
  port?: number;
  expressway?: number;
  sector?: string;
}

export type CriterionErrorCode = 'notNumber' | 'negative' | 'tooLarge' | 'unknownSector';
export interface CriterionError {
  field: Criterion;
  code: CriterionErrorCode;
  /** What was given, cut to a readable length, so the summary can show it. */
  given: string;
}

export interface ParsedCriteria {
  criteria: Criteria;
  errors: CriterionError[];
  /** Parameters the matcher does not know (e.g. from an older or mistyped link), so the page can say it left them out. */
  ignored: string[];
}

const NUMBER = /^\d+(\.\d+)?$/;
const SHOWN_LENGTH = 40;

function readNumber(field: NumberCriterion, raw: string, errors: CriterionError[]): number | undefined {
  // A decimal comma is how half the site's languages write a fraction: read it as the point it means.
  const text = raw.trim().replace(',', '.');
  if (!text) return undefined;
  const given = raw.trim().slice(0, SHOWN_LENGTH);
  if (/^-\s*\d/.test(text)) errors.push({ field, code: 'negative', given });
  else if (!NUMBER.test(text)) errors.push({ field, code: 'notNumber', given });
  else if (Number(text) > MAX_CRITERION_VALUE) errors.push({ field, code: 'tooLarge', given });
  else return Number(text);
  return undefined;
}

/**
 * The criteria in an address. The address is anyone's input: a bad value is named (never read as a different need),
 * an empty one is no criterion, and unknown parameters are listed rather than silently dropped.
 */
export function parseCriteria(search: string | URLSearchParams, sectors: readonly string[]): ParsedCriteria {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const criteria: Criteria = {};
  const errors: CriterionError[] = [];
  for (const field of Object.keys(NUMBER_CRITERIA) as NumberCriterion[]) {
    const value = readNumber(field, params.get(field) ?? '', errors);
    if (value !== undefined) criteria[field] = value;
  }
  const gas = (params.get('gas') ?? '').trim();
  if (gas === 'yes') criteria.gas = true;
  const sector = (params.get('sector') ?? '').trim();
  if (sector && sectors.includes(sector)) criteria.sector = sector;
  else if (sector) errors.push({ field: 'sector', code: 'unknownSector', given: sector.slice(0, SHOWN_LENGTH) });
  const known = new Set<string>(CRITERIA);
  const ignored = [...new Set([...params.keys()].filter((key) => !known.has(key)))].map((key) => key.slice(0, SHOWN_LENGTH));
  return { criteria, errors, ignored };
}

/** The address query for these criteria (empty ones left out), as the GET form would write it. */
export function criteriaQuery(criteria: Criteria): string {
  const params = new URLSearchParams();
  for (const field of CRITERIA) {
    const value = criteria[field];
    if (value === undefined) continue;
    params.set(field, value === true ? 'yes' : String(value));
  }
  return params.toString();
}

export type Verdict = 'meets' | 'fails' | 'unknown';

export interface Answer {
  criterion: Criterion;
  verdict: Verdict;
  /** The compare row whose fact the answer rests on (or that would hold it), shown beside the verdict. */
  row: CompareRow;
}

const firstValue = (cell: Cell): number | undefined => (cell.type === 'figures' ? cell.figures[0]?.value : undefined);

function landAnswer(cells: Record<CompareRow, Cell>, needed: number): Answer {
  const free = firstValue(cells.freeLand);
  if (free !== undefined) return { criterion: 'land', verdict: free >= needed ? 'meets' : 'fails', row: 'freeLand' };
  // Without a free-land figure, a zone smaller in total than the need cannot meet it; a larger one might.
  const total = cells.area.type === 'figures' ? Math.max(...cells.area.figures.map((figure) => figure.value)) : undefined;
  if (total !== undefined && total < needed) return { criterion: 'land', verdict: 'fails', row: 'area' };
  return { criterion: 'land', verdict: 'unknown', row: 'freeLand' };
}

function distanceAnswer(criterion: 'port' | 'expressway', cell: Cell, withinKm: number): Answer {
  const row = `distance.${criterion}` as const;
  if (cell.type !== 'distance') return { criterion, verdict: 'unknown', row };
  return { criterion, verdict: cell.km <= withinKm ? 'meets' : 'fails', row };
}

/**
 * One zone's answer to each criterion asked, in CRITERIA order. Only what the catalog states decides: a utility the
 * publisher does not list is unknown (not absent), and no zone publishes power capacity in MW, so power stays unknown
 * until one does.
 */
export function matchZone(cells: Record<CompareRow, Cell>, criteria: Criteria): Answer[] {
  const answers: Answer[] = [];
  if (criteria.land !== undefined) answers.push(landAnswer(cells, criteria.land));
  if (criteria.power !== undefined) answers.push({ criterion: 'power', verdict: 'unknown', row: 'power' });
  if (criteria.gas) answers.push({ criterion: 'gas', verdict: cells.gas.type === 'listed' ? 'meets' : 'unknown', row: 'gas' });
  if (criteria.port !== undefined) answers.push(distanceAnswer('port', cells['distance.port'], criteria.port));
  if (criteria.expressway !== undefined) answers.push(distanceAnswer('expressway', cells['distance.expressway'], criteria.expressway));
  if (criteria.sector !== undefined) {
    const cell = cells.sectors;
    const verdict: Verdict = cell.type !== 'sectors' ? 'unknown' : cell.sectors.includes(criteria.sector) ? 'meets' : 'fails';
    answers.push({ criterion: 'sector', verdict, row: 'sectors' });
  }
  return answers;
}

/** Zones that meet everything first, then those with only unknowns left, then the rest; fewer failures first. */
export function rankMatches<T extends { answers: Answer[] }>(zones: readonly T[]): T[] {
  const score = (zone: T) => {
    const fails = zone.answers.filter((answer) => answer.verdict === 'fails').length;
    const unknown = zone.answers.filter((answer) => answer.verdict === 'unknown').length;
    return fails * 100 + unknown;
  };
  return [...zones].sort((a, b) => score(a) - score(b));
}
