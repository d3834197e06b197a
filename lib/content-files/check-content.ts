// Every check of content/ that a publisher runs before publishing: content/ is read once, then each named check runs in order.
import type { ContentOnDisk } from '#domain/content.ts';
import type { CheckProblem } from './check-problems.ts';
import { CONTENT_CHECKS, checkContext } from './content-checks.ts';
import { readContent } from './read-content.ts';

export { type CheckProblem, describe, formatProblem } from './check-problems.ts';
export { CONTENT_CHECKS, type ContentCheck, OUTLINE_BUFFER_KM } from './content-checks.ts';

export interface CheckResult {
  problems: CheckProblem[];
  counts: { items: number; pages: number; news: number; documents: number };
}

export interface CheckOptions {
  /** Run only these checks (by name), in their usual order; absent: every check. */
  only?: readonly string[];
}

/** The checks to run, or an error naming the unknown ones and every known name. */
export function selectChecks(only?: readonly string[]) {
  if (!only) return CONTENT_CHECKS;
  const known = new Set(CONTENT_CHECKS.map((check) => check.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length) throw new Error(`No check named ${unknown.join(', ')}; the checks are: ${[...known].join(', ')}`);
  return CONTENT_CHECKS.filter((check) => only.includes(check.name));
}

export function checkContent(root: string, options: CheckOptions = {}): CheckResult {
  const checks = selectChecks(options.only);
  let content: ContentOnDisk;
  try {
    content = readContent(root);
  } catch (error) {
    // Without a readable site.json nothing else can be checked.
    const message = (error as Error).message;
    return {
      problems: [
        {
          file: 'site.json',
          field: '(whole file)',
          found: message.split('\n').slice(1).join('; ').trim() || message,
          expected: 'valid JSON with every setting of the site configuration',
        },
      ],
      counts: { items: 0, pages: 0, news: 0, documents: 0 },
    };
  }
  const context = checkContext(root, content);
  const problems = checks.flatMap((check) => check.run(context));
  const { items, pages, news } = content;
  return { problems, counts: { items: items.length, pages: pages.length, news: news.length, documents: context.documents?.ids.size ?? 0 } };
}
