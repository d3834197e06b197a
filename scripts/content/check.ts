// `npm run content:check`: checks content/ as the build would and more, one line per problem, exit 1 if any (`--list` names the checks, `--only <name>` runs some).
import { parseArgs } from 'node:util';
import { CONTENT_CHECKS, checkContent, formatProblem, selectChecks } from '#content-files/check-content.ts';

const { values } = parseArgs({
  options: { content: { type: 'string' }, only: { type: 'string', multiple: true }, list: { type: 'boolean', default: false } },
});

if (values.list) {
  for (const check of CONTENT_CHECKS) console.log(`${check.name}  ${check.checks}`);
  process.exit(0);
}

const root = values.content ?? process.env.CONTENT_DIR ?? 'content';
// `--only a,b` or `--only a --only b`: just those checks, in their usual order.
const only = values.only?.flatMap((names) => names.split(',').map((name) => name.trim())).filter(Boolean);
try {
  selectChecks(only);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { problems, counts } = checkContent(root, { only });

if (problems.length === 0) {
  console.log(
    `Content OK: ${counts.items} items, ${counts.pages} pages, ${counts.news} news posts, ${counts.documents} documents checked in ${root}/${only ? ` (${only.join(', ')})` : ''}.`,
  );
} else {
  // Grouped by file, in the order found within each, so one file's problems read together.
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file));
  for (const problem of sorted) console.error(formatProblem(problem, root));
  const files = new Set(problems.map((problem) => problem.file)).size;
  console.error(
    `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}. Each line: file, field, what was found, what was expected.`,
  );
  process.exitCode = 1;
}
