// How content:check and the editor word a problem: file, field, what was found and what was expected, in the schemas' own words.
// Pure, so the editor's checks before a save (in the browser) and content:check (in Node) say the same thing.
import type { z } from 'zod';
import type { ContentProblem } from './content.ts';

/** One problem as a publisher reads it: where, what is there, and what should be. */
export interface CheckProblem {
  /** Relative to the content folder, e.g. "catalog/zones/ip-khanh-an/facts.yaml". */
  file: string;
  field: string;
  found: string;
  expected: string;
}

export function problem(file: string, field: string, found: string, expected: string): CheckProblem {
  return { file, field, found, expected };
}

/** A problem without its file: the field, what is there and what should be (content:check prints the file before it). */
export function problemWords(problem: CheckProblem): string {
  return `${problem.field}  found ${problem.found}  expected ${problem.expected}`;
}

/** A value as it would be written in the file, short enough for one line of a report. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Names a zod issue path the way an editor reads it: `figures.area[0].unit`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
      '',
    ) || '(whole file)'
  );
}

/** The value at a zod issue path in the data as written, so a report can say what it found. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

/** Every issue a schema finds in one file's data, as the readers of content/ record it. */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], data: unknown, file: string): ContentProblem[] {
  return issues.map((issue) => ({ file, field: fieldPath(issue.path), message: issue.message, found: valueAt(data, issue.path) }));
}

/** Schema messages say what they expect in several styles; this keeps only the expectation. */
const REPHRASED: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^source "(.*)" is not listed under sources \(known: (.*)\)$/, (m) => `the id of a source listed under sources (${m[2]})`],
  [/^source "(.*)" is not in keyFigureSources$/, () => 'the id of a source listed under keyFigureSources'],
  [/^the status needs a source id$/, () => 'at least one source id'],
  [/^an item needs at least one source$/, () => 'at least one source'],
  [/^every figure needs at least one source id$/, () => 'at least one source id'],
  [/^a translation must say which source version it translates$/, () => 'the version of the source text this translation was made from'],
  [/^a source text needs a version number \(start at 1\)$/, () => 'a version number (start at 1)'],
  [/^"(.*)" is not in languages$/, () => 'one of the languages listed under languages'],
  [/^Invalid URL$/, () => 'a full address starting with https://'],
];

function expectation(message: string): string {
  for (const [pattern, rephrase] of REPHRASED) {
    const match = pattern.exec(message);
    if (match) return rephrase(match);
  }
  const unknownKeys = /^Unrecognized keys?: (.*)$/.exec(message);
  if (unknownKeys) return `only the fields this file knows: remove ${unknownKeys[1]} or correct its spelling`;
  const at = message.indexOf('expected ');
  if (at >= 0) return message.slice(at + 'expected '.length).replace(/, received \w+$/, '');
  return message;
}

/** A schema's problem (from the build's readers) in the publisher's words. */
export function fromSchema(problem: ContentProblem): CheckProblem {
  const unknownKeys = /^Unrecognized keys?: (.*)$/.exec(problem.message);
  const found = unknownKeys
    ? `the field${unknownKeys[1]?.includes(',') ? 's' : ''} ${unknownKeys[1]}`
    : typeof problem.found === 'string' && problem.expected !== undefined && problem.found.startsWith('not valid YAML')
      ? problem.found
      : 'found' in problem
        ? describe(problem.found)
        : problem.message;
  return { file: problem.file, field: problem.field, found, expected: problem.expected ?? expectation(problem.message) };
}
