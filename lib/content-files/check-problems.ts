// How content:check prints a problem: the file (under the content folder it was given) before the words the editor also uses.
import { join } from 'node:path';
import { type CheckProblem, problemWords } from '#domain/check-wording.ts';

export { type CheckProblem, describe, fromSchema, problem } from '#domain/check-wording.ts';

export function formatProblem(problem: CheckProblem, prefix = ''): string {
  return `${join(prefix, problem.file)}  ${problemWords(problem)}`;
}
