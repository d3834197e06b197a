// `npm run content:status`: per item, page and news post and per language, whether the translation is up to date, stale, missing or a draft;
// then the items to review: review-by date passed, a status in progress not confirmed for site.json's staleAfterMonths, or no review date.
// Options: --strict (exit 1 when any text is missing), --json (the report for other tools), --drafts (list every draft too),
// --content <folder> (another content folder; CONTENT_DIR works too), --today YYYY-MM-DD (the day to judge review dates by).
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { readContent } from '#content-files/read-content.ts';
import { type ReviewEntry, reviewList, todayUtc } from '#domain/catalog/staleness.ts';
import {
  hasMissing,
  translatablesOf,
  translationStatus,
  workList,
  type StatusReport,
  type TranslationState,
} from '#domain/translation/translation-status.ts';

const { values } = parseArgs({
  options: {
    strict: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    drafts: { type: 'boolean', default: false },
    content: { type: 'string' },
    today: { type: 'string' },
  },
});
const root = values.content ?? process.env.CONTENT_DIR ?? 'content';
const content = readContent(root);
const report = translationStatus(translatablesOf(content), content.site.languages, content.site.sourceLanguage);
const today = values.today ?? todayUtc();
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today expects a day as YYYY-MM-DD, got "${today}"`);
const { staleAfterMonths } = content.site;
const review = reviewList(content.items, today, staleAfterMonths);

/** Short cell words for the table; the legend under it says what each means. */
const CELL: Record<TranslationState, string> = { source: 'source', current: 'ok', draft: 'draft', stale: 'STALE', missing: 'MISSING' };

function table(report: StatusReport): string[] {
  const width = Math.max(...report.entries.map((entry) => entry.kind.length + 1 + entry.id.length), 10) + 2;
  const header = `${''.padEnd(width)}${report.languages.map((lang) => lang.padEnd(9)).join('')}`;
  const rows = report.entries.map((entry) =>
    `${`${entry.kind} ${entry.id}`.padEnd(width)}${entry.languages.map((status) => CELL[status.state].padEnd(9)).join('')}`.trimEnd(),
  );
  return [header.trimEnd(), ...rows];
}

function todo(report: StatusReport, withDrafts: boolean): string[] {
  const at = (file: string) => join(root, file);
  return workList(report, { drafts: withDrafts }).map(({ status }) => {
    if (status.state === 'missing')
      return status.placeholder
        ? `MISSING  ${at(status.file)}: still the placeholder from content:new; write the ${status.lang} text`
        : `MISSING  ${at(status.file)}: no ${status.lang} text; the page shows the ${report.sourceLanguage} text with a notice`;
    if (status.state === 'stale')
      return `STALE    ${at(status.file)}: translates version ${status.version} of the source, now version ${status.sourceVersion}; update it, then set sourceVersion: ${status.sourceVersion}`;
    return `draft    ${at(status.file)}: machine translation; after review set reviewed: true`;
  });
}

function summary(report: StatusReport): string[] {
  const columns: [TranslationState, string][] = [
    ['current', 'up to date'],
    ['draft', 'draft'],
    ['stale', 'stale'],
    ['missing', 'missing'],
  ];
  const header = `${'language'.padEnd(12)}${columns.map(([, label]) => label.padStart(11)).join('')}`;
  return [
    header,
    ...report.summary.map((counts) => {
      const name = counts.lang === report.sourceLanguage ? `${counts.lang} (source)` : counts.lang;
      const cells = counts.lang === report.sourceLanguage ? [counts.source, 0, 0, counts.missing] : columns.map(([state]) => counts[state]);
      return `${name.padEnd(12)}${cells.map((count) => String(count).padStart(11)).join('')}`;
    }),
  ];
}

/** One line per reason, overdue first: what to check and where. */
function reviewLines(entries: ReviewEntry[]): string[] {
  const at = (entry: ReviewEntry) => join(root, entry.folder, 'facts.yaml');
  const order = ['overdue', 'stale-status', 'no-review-date'] as const;
  return order.flatMap((reason) =>
    entries
      .filter((entry) => entry.reasons.includes(reason))
      .map((entry) =>
        reason === 'overdue'
          ? `OVERDUE  ${at(entry)}: review by ${entry.reviewBy} has passed; check it against its sources, then set a new reviewBy`
          : reason === 'stale-status'
            ? `STALE    ${at(entry)}: status ${entry.status} last confirmed ${entry.statusAsOf}; the site shows it as not confirmed since then until a source confirms it (statusAsOf)`
            : `NO DATE  ${at(entry)}: no reviewBy; set the date by which to check it again`,
      ),
  );
}

if (values.json) {
  console.log(JSON.stringify({ ...report, review: { today, staleAfterMonths, entries: review } }, null, 2));
} else {
  const lines = [
    `Translation status of ${root}/ (source language: ${report.sourceLanguage}; ${report.entries.length} items, pages and news posts)`,
    '',
    ...table(report),
    '',
    'ok = up to date · draft = machine translation not yet reviewed · STALE = the source changed since · MISSING = no text yet',
    '',
  ];
  const tasks = todo(report, values.drafts);
  if (tasks.length) lines.push('To do:', ...tasks.map((task) => `  ${task}`), '');
  lines.push('Summary:', ...summary(report).map((line) => `  ${line}`), '');
  const toReview = reviewLines(review);
  lines.push(
    `Review on ${today} (a status in progress not confirmed for ${staleAfterMonths} months is stale):`,
    ...(toReview.length ? toReview.map((line) => `  ${line}`) : ['  nothing overdue, stale or without a review date']),
  );
  console.log(lines.join('\n'));
}

if (content.problems.length)
  console.error(`\nNote: ${content.problems.length} file(s) have problems and are left out above; run npm run content:check.`);
if (values.strict && hasMissing(report)) {
  console.error(`\n--strict: ${report.summary.reduce((sum, counts) => sum + counts.missing, 0)} text(s) missing.`);
  process.exitCode = 1;
}
