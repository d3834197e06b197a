// Every check of content/ that a publisher runs before publishing: the build's schemas and the links, places and versions between files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { categoryOfKind, KINDS, KINDS_BY_CATEGORY, type Geometry } from '#domain/catalog/catalog.ts';
import { readDocuments } from './documents.ts';
import type { ContentOnDisk, ContentProblem, TextOnDisk } from '#domain/content.ts';
import { textFileName } from '#domain/content-layout.ts';
import { fieldPath, readContent, valueAt } from './read-content.ts';
import { kmOutside, readOutline, type ProvinceOutline } from './province-outline.ts';
import { openDataSchema } from '#domain/catalog/open-data.ts';

/** One problem as a publisher reads it: where, what is there, and what should be. */
export interface CheckProblem {
  /** Relative to the content folder, e.g. "catalog/zones/ip-khanh-an/facts.yaml". */
  file: string;
  field: string;
  found: string;
  expected: string;
}

export interface CheckResult {
  problems: CheckProblem[];
  counts: { items: number; pages: number; news: number; documents: number };
}

/**
 * How far outside the province outline a position may lie: the outline follows the coast, while islands
 * (Hon Khoai lies ~15 km out), nearshore wind farms and their approximate positions lie beyond it.
 */
export const OUTLINE_BUFFER_KM = 25;

/** Placeholders that `npm run content:new` writes and a publisher must replace before publishing. */
const PLACEHOLDER = /\bTODO\b/;

export function formatProblem(problem: CheckProblem, prefix = ''): string {
  return `${join(prefix, problem.file)}  ${problem.field}  found ${problem.found}  expected ${problem.expected}`;
}

/** A value as it would be written in the file, short enough for one line of a report. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
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

function fromSchema(problem: ContentProblem): CheckProblem {
  const unknownKeys = /^Unrecognized keys?: (.*)$/.exec(problem.message);
  const found = unknownKeys
    ? `the field${unknownKeys[1]!.includes(',') ? 's' : ''} ${unknownKeys[1]}`
    : typeof problem.found === 'string' && problem.expected !== undefined && problem.found.startsWith('not valid YAML')
      ? problem.found
      : 'found' in problem
        ? describe(problem.found)
        : problem.message;
  return { file: problem.file, field: problem.field, found, expected: problem.expected ?? expectation(problem.message) };
}

/** Text fields and paths of any value, so a placeholder can be named by the field that holds it. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
}

function vertices(geometry: Geometry): [number, number][] {
  return geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
}

interface TextFolder {
  folder: string;
  texts: Partial<
    Record<string, TextOnDisk<{ title: string; summary: string; version?: number; translatedFrom?: string; sourceVersion?: number }>>
  >;
  strayFiles: string[];
}

export function checkContent(root: string): CheckResult {
  let content: ContentOnDisk;
  try {
    content = readContent(root);
  } catch (error) {
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
  const { site, items, pages, news } = content;
  const problems: CheckProblem[] = content.problems.map(fromSchema);
  const add = (file: string, field: string, found: string, expected: string) => problems.push({ file, field, found, expected });
  const ids = new Map<string, string[]>();
  for (const item of items) ids.set(item.facts.id, [...(ids.get(item.facts.id) ?? []), item.folder]);

  // Documents: checked only once the department keeps any, so a catalog without documents passes.
  const documentsDir = join(root, 'documents');
  const hasDocuments = existsSync(documentsDir) && readdirSync(documentsDir).some((name) => /\.ya?ml$/.test(name));
  const documentIds = new Set<string>();
  if (hasDocuments) {
    const { documents, problems: documentProblems } = readDocuments(documentsDir);
    for (const doc of documents) documentIds.add(doc.meta.id);
    for (const problem of documentProblems)
      problems.push(fromSchema({ ...problem, file: problem.file.replace(/^.*?documents\//, 'documents/') }));
  }

  let outline: ProvinceOutline | undefined;
  try {
    outline = readOutline(join(root, site.map.outline));
  } catch (error) {
    add(
      'site.json',
      'map.outline',
      `"${site.map.outline}" (${(error as Error).message.split('\n')[0]})`,
      'a GeoJSON file of the province outline, relative to the content folder',
    );
  }

  for (const item of items) {
    const { facts, folder } = item;
    const file = `${folder}/facts.yaml`;
    const others = ids.get(facts.id)!.filter((other) => other !== folder);
    if (others.length) add(file, 'id', describe(facts.id), `an id no other item uses (also used by ${others.join(', ')})`);

    const kindCategory = categoryOfKind(facts.kind);
    if (kindCategory !== item.category)
      add(
        file,
        'kind',
        describe(facts.kind),
        `a kind of the section "${item.category}" (${KINDS_BY_CATEGORY[item.category].join(', ')}), or the folder moved to catalog/${kindCategory}/`,
      );

    facts.related.forEach((id, index) => {
      if (id === facts.id) add(file, `related[${index}]`, describe(id), 'another item: an item is not related to itself');
      else if (!ids.has(id))
        add(file, `related[${index}]`, describe(id), 'the id of an item in the catalog (a folder name under catalog/)');
    });

    facts.sectors.forEach((sector, index) => {
      if (!site.sectors.includes(sector))
        add(file, `sectors[${index}]`, describe(sector), `one of the sectors in site.json: ${site.sectors.join(', ')}`);
    });

    if (hasDocuments)
      facts.documents.forEach((id, index) => {
        if (!documentIds.has(id))
          add(file, `documents[${index}]`, describe(id), `the id of a document in documents/ (a documents/${id}.yaml beside its file)`);
      });

    if (outline) {
      const points = vertices(facts.geometry);
      const distances = points.map((point) => kmOutside(point, outline));
      const near = (km: number) => km <= OUTLINE_BUFFER_KM;
      // A line (an expressway) may run on beyond the province; it is wrong only when none of it is near.
      if (!distances.some(near)) {
        const nearest = Math.min(...distances);
        const index = distances.indexOf(nearest);
        const point = points[index]!;
        const swapped = kmOutside([point[1], point[0]], outline) <= OUTLINE_BUFFER_KM;
        const field = facts.geometry.type === 'Point' ? 'geometry.coordinates' : `geometry.coordinates[${index}]`;
        add(
          file,
          field,
          `${describe(point)}, ${Math.round(nearest)} km outside the province${facts.geometry.type === 'LineString' ? ' (the nearest vertex of the line)' : ''}`,
          `[longitude, latitude] inside the province or within ${OUTLINE_BUFFER_KM} km of its outline${swapped ? ' (these look swapped: longitude comes first)' : ''}`,
        );
      }
    }

    for (const [path, value] of strings(facts, ''))
      if (PLACEHOLDER.test(value)) add(file, path, describe(value), 'the real value in place of the placeholder');
  }

  const textFolders: TextFolder[] = [...items, ...pages, ...news];
  for (const set of textFolders) checkTexts(set, site.sourceLanguage, site.languages, add);

  for (const post of news) {
    const source = post.texts[site.sourceLanguage];
    for (const [lang, entry] of Object.entries(post.texts)) {
      if (!entry) continue;
      entry.text.related?.forEach((id, index) => {
        if (!ids.has(id))
          add(entry.file, `related[${index}]`, describe(id), 'the id of an item in the catalog (a folder name under catalog/)');
      });
      if (!source || lang === site.sourceLanguage) continue;
      for (const field of ['date', 'type', 'sources', 'related'] as const) {
        const own = entry.text[field];
        if (own !== undefined && JSON.stringify(own) !== JSON.stringify(source.text[field]))
          add(
            entry.file,
            field,
            describe(own),
            `${describe(source.text[field])} as in ${source.file}, or the field left out (a translation takes it from the source text)`,
          );
      }
    }
  }

  // Files the site reads whole: the UI strings of every language, and the open-data licence when there is one.
  for (const lang of site.languages) {
    const file = `ui/${lang}.json`;
    if (!existsSync(join(root, file))) {
      add(file, '(file)', 'no file', `the UI strings in ${lang}, like ui/${site.sourceLanguage}.json`);
      continue;
    }
    try {
      JSON.parse(readFileSync(join(root, file), 'utf8'));
    } catch (error) {
      add(file, '(syntax)', `not valid JSON (${(error as Error).message})`, 'valid JSON: check commas and quotes near that position');
    }
  }
  if (existsSync(join(root, 'open-data.json'))) {
    try {
      const data: unknown = JSON.parse(readFileSync(join(root, 'open-data.json'), 'utf8'));
      const result = openDataSchema.safeParse(data);
      if (!result.success)
        for (const issue of result.error.issues)
          problems.push(
            fromSchema({ file: 'open-data.json', field: fieldPath(issue.path), message: issue.message, found: valueAt(data, issue.path) }),
          );
    } catch (error) {
      add(
        'open-data.json',
        '(syntax)',
        `not valid JSON (${(error as Error).message})`,
        'valid JSON: check commas and quotes near that position',
      );
    }
  }

  const checkIds = (field: string, list: string[]) =>
    list.forEach((id, index) => {
      if (!ids.has(id)) add('site.json', `${field}[${index}]`, describe(id), 'the id of an item in the catalog');
    });
  checkIds('featured', site.featured);
  checkIds('corridor', site.corridor);
  site.distanceTargets.forEach((target, index) => {
    if ('item' in target && !ids.has(target.item))
      add('site.json', `distanceTargets[${index}].item`, describe(target.item), 'the id of an item in the catalog');
    if ('nearestOfKind' in target && !(KINDS as readonly string[]).includes(target.nearestOfKind))
      add('site.json', `distanceTargets[${index}].nearestOfKind`, describe(target.nearestOfKind), `one of the kinds: ${KINDS.join(', ')}`);
  });

  return { problems, counts: { items: items.length, pages: pages.length, news: news.length, documents: documentIds.size } };
}

type Add = (file: string, field: string, found: string, expected: string) => void;

/** The texts of one item, page or post: a source text exists, translations point to it and are no newer than it. */
function checkTexts(set: TextFolder, sourceLanguage: string, languages: string[], add: Add): void {
  for (const stray of set.strayFiles)
    add(stray, '(file name)', describe(stray.split('/').pop()), `index.<language>.md with one of the site's languages: ${languages.join(', ')}`);
  const present = Object.values(set.texts).filter((entry) => entry !== undefined);
  if (present.length === 0) return;
  if (!set.texts[sourceLanguage])
    add(
      `${set.folder}/${textFileName(sourceLanguage)}`,
      '(file)',
      'no file',
      `the source text in ${textFileName(sourceLanguage)}, which the translations are made from`,
    );

  for (const [lang, entry] of Object.entries(set.texts)) {
    if (!entry) continue;
    const { text, file } = entry;
    if (lang === sourceLanguage && text.translatedFrom !== undefined)
      add(
        file,
        'translatedFrom',
        describe(text.translatedFrom),
        `nothing: ${sourceLanguage} is the source language, so this text needs a version instead`,
      );
    if (text.translatedFrom !== undefined && lang !== sourceLanguage) {
      const source = set.texts[text.translatedFrom];
      if (text.translatedFrom === lang)
        add(file, 'translatedFrom', describe(text.translatedFrom), 'the language this text was translated from, not its own');
      else if (!source || source.text.version === undefined)
        add(
          file,
          'translatedFrom',
          describe(text.translatedFrom),
          `a language whose source text (with a version) is in this folder, usually "${sourceLanguage}"`,
        );
      else if (text.sourceVersion !== undefined && text.sourceVersion > source.text.version)
        add(file, 'sourceVersion', describe(text.sourceVersion), `at most ${source.text.version}, the version of ${source.file}`);
    }
    // One line per file: a fresh text from content:new has a placeholder in each of its parts.
    const bodyLine = entry.body.split('\n').find((candidate) => PLACEHOLDER.test(candidate));
    const placeholders = [
      ...(['title', 'summary'] as const).filter((field) => PLACEHOLDER.test(text[field])).map((field) => [field, text[field]] as const),
      ...(bodyLine !== undefined ? [['(text)', bodyLine.trim()] as const] : []),
    ];
    if (placeholders.length)
      add(
        file,
        placeholders[0]![0],
        describe(placeholders[0]![1]),
        `the real text in place of every TODO placeholder (${placeholders.map(([field]) => field).join(', ')})`,
      );
  }
}
