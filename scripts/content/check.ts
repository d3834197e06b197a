// `npm run content:check`: checks content/ as the build would and more, printing one line per problem; exits 1 if any.
import { parseArgs } from 'node:util';
import { checkContent, formatProblem } from '#content-files/check-content.ts';

const { values } = parseArgs({ options: { content: { type: 'string' } } });
const root = values.content ?? process.env.CONTENT_DIR ?? 'content';
const { problems, counts } = checkContent(root);

if (problems.length === 0) {
  console.log(
    `Content OK: ${counts.items} items, ${counts.pages} pages, ${counts.news} news posts, ${counts.documents} documents checked in ${root}/.`,
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
