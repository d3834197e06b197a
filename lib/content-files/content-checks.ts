// content:check's checks: each a named function saying what it checks, run in this order over content/ as read once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { categoryOfKind, type Geometry, KINDS, KINDS_BY_CATEGORY } from '#domain/catalog/catalog.ts';
import { openDataSchema } from '#domain/catalog/open-data.ts';
import { unknownSectorProblems } from '#domain/catalog/sector-check.ts';
import type { ContentOnDisk, ItemOnDisk } from '#domain/content.ts';
import { type CheckProblem, describe, fromSchema, problem } from './check-problems.ts';
import { readDocuments } from './documents.ts';
import { kmOutside, type ProvinceOutline, readOutline } from './province-outline.ts';
import { fieldPath, valueAt } from './read-content.ts';
import {
  INTERNAL_PHRASES,
  internalPhraseProblem,
  newsProblems,
  PLACEHOLDER,
  sourceTextProblems,
  strayFileProblems,
  type TextFolder,
  textInternalPhraseProblems,
  textPlaceholderProblems,
  translationProblems,
} from './text-checks.ts';

/**
 * How far outside the province outline a position may lie: the outline follows the coast, while islands
 * (Hon Khoai lies ~15 km out), nearshore wind farms and their approximate positions lie beyond it.
 */
export const OUTLINE_BUFFER_KM = 25;

/** What every check may look at, read from content/ once before the first check runs. */
export interface CheckContext {
  root: string;
  content: ContentOnDisk;
  /** Item id → the folders that use it (more than one is a problem). */
  ids: ReadonlyMap<string, string[]>;
  /** Absent while content/documents/ holds no document, so a catalog without documents passes. */
  documents?: { ids: ReadonlySet<string>; problems: CheckProblem[] };
  /** The province outline, or why it could not be read. */
  outline: ProvinceOutline | { error: string };
}

export interface ContentCheck {
  /** Short and stable, for `content:check -- --only <name>`. */
  name: string;
  /** What it checks, in a publisher's words. */
  checks: string;
  run(context: CheckContext): CheckProblem[];
}

export function checkContext(root: string, content: ContentOnDisk): CheckContext {
  const ids = new Map<string, string[]>();
  for (const item of content.items) ids.set(item.facts.id, [...(ids.get(item.facts.id) ?? []), item.folder]);
  const documentsDir = join(root, 'documents');
  const hasDocuments = existsSync(documentsDir) && readdirSync(documentsDir).some((name) => /\.ya?ml$/.test(name));
  let documents: CheckContext['documents'];
  if (hasDocuments) {
    const read = readDocuments(documentsDir);
    documents = {
      ids: new Set(read.documents.map((doc) => doc.meta.id)),
      problems: read.problems.map((found) => fromSchema({ ...found, file: found.file.replace(/^.*?documents\//, 'documents/') })),
    };
  }
  let outline: CheckContext['outline'];
  try {
    outline = readOutline(join(root, content.site.map.outline));
  } catch (error) {
    outline = { error: (error as Error).message.split('\n')[0] ?? '' };
  }
  return { root, content, ids, documents, outline };
}

const factsFile = (item: ItemOnDisk) => `${item.folder}/facts.yaml`;
const eachItem = (context: CheckContext, check: (item: ItemOnDisk) => CheckProblem[]) => context.content.items.flatMap(check);
const textFolders = ({ content }: CheckContext): TextFolder[] => [...content.items, ...content.pages, ...content.news];

function vertices(geometry: Geometry): [number, number][] {
  return geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
}

/** Text fields and paths of any value, so a placeholder can be named by the field that holds it. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
}

function positionProblem(item: ItemOnDisk, outline: ProvinceOutline): CheckProblem[] {
  const { geometry } = item.facts;
  const points = vertices(geometry);
  const distances = points.map((point) => kmOutside(point, outline));
  // A line (an expressway) may run on beyond the province; it is wrong only when none of it is near.
  if (distances.some((km) => km <= OUTLINE_BUFFER_KM)) return [];
  const nearest = Math.min(...distances);
  const index = distances.indexOf(nearest);
  const point = points[index] ?? [0, 0];
  const swapped = kmOutside([point[1], point[0]], outline) <= OUTLINE_BUFFER_KM;
  const field = geometry.type === 'Point' ? 'geometry.coordinates' : `geometry.coordinates[${index}]`;
  return [
    problem(
      factsFile(item),
      field,
      `${describe(point)}, ${Math.round(nearest)} km outside the province${geometry.type === 'LineString' ? ' (the nearest vertex of the line)' : ''}`,
      `[longitude, latitude] inside the province or within ${OUTLINE_BUFFER_KM} km of its outline${swapped ? ' (these look swapped: longitude comes first)' : ''}`,
    ),
  ];
}

/** A JSON file the site reads whole, as a problem when it does not parse. */
function jsonSyntax(root: string, file: string): { data?: unknown; problem?: CheckProblem } {
  try {
    return { data: JSON.parse(readFileSync(join(root, file), 'utf8')) };
  } catch (error) {
    return {
      problem: problem(
        file,
        '(syntax)',
        `not valid JSON (${(error as Error).message})`,
        'valid JSON: check commas and quotes near that position',
      ),
    };
  }
}

function catalogIds(context: CheckContext, field: string, list: string[]): CheckProblem[] {
  return list.flatMap((id, index) =>
    context.ids.has(id) ? [] : [problem('site.json', `${field}[${index}]`, describe(id), 'the id of an item in the catalog')],
  );
}

export const CONTENT_CHECKS: readonly ContentCheck[] = [
  {
    name: 'schemas',
    checks: 'every file the build reads against its schema (facts, texts, front matter, site.json), as the build would fail on it',
    run: ({ content }) => content.problems.map(fromSchema),
  },
  {
    name: 'document-files',
    checks: "the documents' descriptions in documents/, once there are any",
    run: ({ documents }) => documents?.problems ?? [],
  },
  {
    name: 'outline',
    checks: "site.json's map.outline is a GeoJSON file of the province outline",
    run: ({ content, outline }) =>
      'error' in outline
        ? [
            problem(
              'site.json',
              'map.outline',
              `"${content.site.map.outline}" (${outline.error})`,
              'a GeoJSON file of the province outline, relative to the content folder',
            ),
          ]
        : [],
  },
  {
    name: 'unique-ids',
    checks: 'no two items share an id',
    run: (context) =>
      eachItem(context, (item) => {
        const others = (context.ids.get(item.facts.id) ?? []).filter((other) => other !== item.folder);
        return others.length
          ? [problem(factsFile(item), 'id', describe(item.facts.id), `an id no other item uses (also used by ${others.join(', ')})`)]
          : [];
      }),
  },
  {
    name: 'kind-in-section',
    checks: "an item's kind belongs to the section (catalog/<section>/) its folder is in",
    run: (context) =>
      eachItem(context, (item) => {
        const kindCategory = categoryOfKind(item.facts.kind);
        if (kindCategory === item.category) return [];
        return [
          problem(
            factsFile(item),
            'kind',
            describe(item.facts.kind),
            `a kind of the section "${item.category}" (${KINDS_BY_CATEGORY[item.category].join(', ')}), or the folder moved to catalog/${kindCategory}/`,
          ),
        ];
      }),
  },
  {
    name: 'related-items',
    checks: "an item's related items exist and are not the item itself",
    run: (context) =>
      eachItem(context, (item) =>
        item.facts.related.flatMap((id, index) => {
          if (id === item.facts.id)
            return [problem(factsFile(item), `related[${index}]`, describe(id), 'another item: an item is not related to itself')];
          if (!context.ids.has(id))
            return [
              problem(
                factsFile(item),
                `related[${index}]`,
                describe(id),
                'the id of an item in the catalog (a folder name under catalog/)',
              ),
            ];
          return [];
        }),
      ),
  },
  {
    name: 'sectors',
    checks: "an item's sectors are among site.json's sectors",
    run: (context) => {
      const { sectors } = context.content.site;
      return eachItem(context, (item) => unknownSectorProblems(item.facts.sectors, sectors, factsFile(item)));
    },
  },
  {
    name: 'item-documents',
    checks: "an item's documents are in documents/, once there are any",
    run: (context) => {
      const { documents } = context;
      if (!documents) return [];
      return eachItem(context, (item) =>
        item.facts.documents.flatMap((id, index) =>
          documents.ids.has(id)
            ? []
            : [
                problem(
                  factsFile(item),
                  `documents[${index}]`,
                  describe(id),
                  `the id of a document in documents/ (a documents/${id}.yaml beside its file)`,
                ),
              ],
        ),
      );
    },
  },
  {
    name: 'positions',
    checks: `an item lies inside the province or within ${OUTLINE_BUFFER_KM} km of its outline (a line: some of it), and says so if longitude and latitude look swapped`,
    run: (context) => {
      const { outline } = context;
      return 'error' in outline ? [] : eachItem(context, (item) => positionProblem(item, outline));
    },
  },
  {
    name: 'fact-placeholders',
    checks: 'no TODO placeholder from content:new is left in facts.yaml',
    run: (context) =>
      eachItem(context, (item) =>
        [...strings(item.facts, '')]
          .filter(([, value]) => PLACEHOLDER.test(value))
          .map(([path, value]) => problem(factsFile(item), path, describe(value), 'the real value in place of the placeholder')),
      ),
  },
  {
    name: 'text-file-names',
    checks: "every text file in an item's, page's or post's folder is named for one of the site's languages",
    run: (context) => textFolders(context).flatMap((set) => strayFileProblems(set, context.content.site.languages)),
  },
  {
    name: 'source-texts',
    checks: 'a folder with any text has its source-language text',
    run: (context) => textFolders(context).flatMap((set) => sourceTextProblems(set, context.content.site.sourceLanguage)),
  },
  {
    name: 'translations',
    checks: 'a translation names a source text with a version, and no newer version than that text has',
    run: (context) => textFolders(context).flatMap((set) => translationProblems(set, context.content.site.sourceLanguage)),
  },
  {
    name: 'text-placeholders',
    checks: 'no TODO placeholder from content:new is left in a title, summary or text',
    run: (context) => textFolders(context).flatMap(textPlaceholderProblems),
  },
  {
    name: 'internal-words',
    checks: `no public text or facts value carries the compilers' own words (${INTERNAL_PHRASES.length} phrases in the site's languages, such as "research notes", "the data author", "from memory", "as discussed"; listed with their reasons in text-checks.ts)`,
    run: (context) => [
      ...eachItem(context, (item) =>
        [...strings(item.facts, '')].flatMap(([path, value]) => internalPhraseProblem(factsFile(item), path, value)),
      ),
      ...textFolders(context).flatMap(textInternalPhraseProblems),
    ],
  },
  {
    name: 'news',
    checks: "a news post's related items exist, and its translations take date, type, sources and related from the source text",
    run: (context) => context.content.news.flatMap((post) => newsProblems(post, context.content.site.sourceLanguage, context.ids)),
  },
  {
    name: 'ui-strings',
    checks: 'every language in site.json has its UI strings (ui/<language>.json), in valid JSON',
    run: ({ root, content: { site } }) =>
      site.languages.flatMap((lang) => {
        const file = `ui/${lang}.json`;
        if (!existsSync(join(root, file)))
          return [problem(file, '(file)', 'no file', `the UI strings in ${lang}, like ui/${site.sourceLanguage}.json`)];
        const read = jsonSyntax(root, file);
        return read.problem ? [read.problem] : [];
      }),
  },
  {
    name: 'open-data',
    checks: 'open-data.json, when there is one, is valid JSON with the licence and publisher of the data downloads',
    run: ({ root }) => {
      if (!existsSync(join(root, 'open-data.json'))) return [];
      const read = jsonSyntax(root, 'open-data.json');
      if (read.problem) return [read.problem];
      const result = openDataSchema.safeParse(read.data);
      return result.success
        ? []
        : result.error.issues.map((issue) =>
            fromSchema({
              file: 'open-data.json',
              field: fieldPath(issue.path),
              message: issue.message,
              found: valueAt(read.data, issue.path),
            }),
          );
    },
  },
  {
    name: 'site-references',
    checks: "site.json's featured, corridor and distance targets name items in the catalog and kinds that exist",
    run: (context) => [
      ...catalogIds(context, 'featured', context.content.site.featured),
      ...catalogIds(context, 'corridor', context.content.site.corridor),
      ...context.content.site.distanceTargets.flatMap((target, index) => {
        if ('item' in target && !context.ids.has(target.item))
          return [problem('site.json', `distanceTargets[${index}].item`, describe(target.item), 'the id of an item in the catalog')];
        if ('nearestOfKind' in target && !(KINDS as readonly string[]).includes(target.nearestOfKind))
          return [
            problem(
              'site.json',
              `distanceTargets[${index}].nearestOfKind`,
              describe(target.nearestOfKind),
              `one of the kinds: ${KINDS.join(', ')}`,
            ),
          ];
        return [];
      }),
    ],
  },
];
