// `npm run content:new <kind> <slug>`: a new catalog item's folder with a facts.yaml skeleton and a text per language, marked TODO where to fill in.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, KINDS, KINDS_BY_CATEGORY, UTILITIES, categoryOfKind, slugSchema, type Kind } from '#domain/catalog/catalog.ts';
import { BASES, FIGURE_KEYS, UNITS } from '#domain/catalog/figures.ts';
import { LIFECYCLE_STATUSES } from '#domain/catalog/lifecycle.ts';
import { monthsAfter } from '#domain/catalog/staleness.ts';
import { siteConfigSchema, type SiteConfig } from '#domain/site-config.ts';
import { FACTS_FILE, textFileName } from '#domain/content-layout.ts';

const { values, positionals } = parseArgs({ options: { content: { type: 'string' } }, allowPositionals: true });
const root = values.content ?? process.env.CONTENT_DIR ?? 'content';
const [kind, slug] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const kindList = CATEGORIES.map((category) => `  ${category}: ${KINDS_BY_CATEGORY[category].join(', ')}`).join('\n');
if (!kind || !slug || positionals.length > 2)
  fail(
    `Usage: npm run content:new <kind> <slug>\n  e.g. npm run content:new industrial-park ip-khanh-an-2\n\nKinds, by section:\n${kindList}`,
  );
if (!(KINDS as readonly string[]).includes(kind))
  fail(`Unknown kind "${kind}". Choose one of these (the section follows from it):\n${kindList}`);
const slugCheck = slugSchema.safeParse(slug);
if (!slugCheck.success) fail(`"${slug}" cannot be an id: ${slugCheck.error.issues[0]?.message}. The id is also the page's address.`);

const existing = CATEGORIES.map((category) => join(root, 'catalog', category, slug)).find((folder) => existsSync(folder));
if (existing) fail(`An item "${slug}" already exists in ${existing}/. Choose another id, or edit that item.`);

const site: SiteConfig = siteConfigSchema.parse(JSON.parse(readFileSync(join(root, 'site.json'), 'utf8')));
const category = categoryOfKind(kind as Kind);
const folder = join(root, 'catalog', category, slug);
const today = new Date().toISOString().slice(0, 10);
const [[west, south], [east, north]] = site.map.bounds;
const centre = [Number(((west + east) / 2).toFixed(3)), Number(((south + north) / 2).toFixed(3))];
const englishName = (code: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(site.languageTags[code] ?? code) ?? code;

const facts = `# ${slug}: created with \`npm run content:new ${kind} ${slug}\` on ${today}.
# Replace every TODO, then run \`npm run content:check\`: it names each line still to fill in.
# Write dates as "YYYY", "YYYY-MM" or "YYYY-MM-DD" in quotes. Every figure and party names its sources by id (see sources at the end).
id: ${slug}                       # the folder's name; also the page's address: /<language>/${category}/${slug}/
kind: ${kind}                     # the section (${category}) follows from it: ${KINDS_BY_CATEGORY[category].join(', ')}
status: announced                 # ${LIFECYCLE_STATUSES.join(', ')}
statusAsOf: "${today}"            # when a source last confirmed the status
statusSources: [source-1]         # ids from sources below that state the status
# statusUnverified: true          # uncomment when the sources may be out of date or disagree
reviewBy: "${monthsAfter(today, 6)}"          # when to check the item against its sources again; content:status lists it once passed
geometry:
  type: Point                     # Point for a place; LineString for a road or a pipeline (a list of points)
  coordinates: [${centre.join(', ')}]  # [longitude, latitude], longitude first; this is only the middle of the map
location:
  precision: approximate          # exact only for a surveyed or official position
  basis: "TODO: how the position was placed and how far off it may be, e.g. Estimated from the commune named in the source; expect several kilometres"
  # description: Khanh An commune (old U Minh district)
figures: {}
  # Replace {} above with figures, each a list of claims; keep claims that disagree side by side, each with its source:
  # area:
  #   - { value: 235.86, unit: ha, sources: [source-1], asOf: "2025", basis: stated }
  # capacity:
  #   - { value: 750, unit: MW, qualifier: about, sources: [source-1], asOf: "2025-10", basis: stated }
  # Figures: ${FIGURE_KEYS.join(', ')}
  # Units: ${UNITS.join(', ')}
  # basis: ${BASES.join(', ')}; qualifier (optional): about, at-least, up-to
parties: []
  # - { name: Example Investor JSC, role: investor, sources: [source-1], asOf: "2025", basis: stated }
  # roles: investor, developer, owner, operator, contractor
sectors: []                       # from site.json: ${site.sectors.join(', ')}
utilities: []                     # ${UTILITIES.join(', ')}
related: []                       # ids of other items, e.g. [port-hon-khoai]
documents: []                     # ids of documents in content/documents/
sources:
  - id: source-1                  # a short id of your choice, used in statusSources and figures above
    title: "TODO: title of the article, report or decision"
    # url: https://…
    # publisher: …
    # date: "${today}"
    # note: what the source is, when it has no public address
`;

/** Lines up the explaining comments in one column, whatever length the values written before them have. */
function alignComments(yaml: string, column = 34): string {
  return yaml
    .split('\n')
    .map((line) => {
      const match = /^(\s*[^#\s].*?)\s{2,}(# .*)$/.exec(line);
      return match ? `${match[1]!.padEnd(column - 1)} ${match[2]}` : line;
    })
    .join('\n');
}

/** The source language's text, which every translation names. */
const sourceFile = textFileName(site.sourceLanguage);

const sourceText = `---
title: "TODO: the name in ${englishName(site.sourceLanguage)}"
summary: "TODO: one or two sentences (at most 400 characters): what it is, where, and why it matters to an investor"
version: 1                        # raise by 1 whenever the meaning changes: translations then show as stale
---
TODO: the text of the page in ${englishName(site.sourceLanguage)}. Say what it is, where it is, its status and what is
planned, with the figures given in facts.yaml. Paragraphs are separated by an empty line; **bold** and lists work.
`;

const translation = (lang: string) => `---
title: "TODO: the name in ${englishName(lang)}"
summary: "TODO: the summary of ${sourceFile} in ${englishName(lang)}"
translatedFrom: ${site.sourceLanguage}
sourceVersion: 1                  # the version of ${sourceFile} this translates
machineTranslated: false          # true when a machine made the translation
reviewed: false                   # true once a person who reads ${englishName(lang)} has checked it
---
TODO: the text of ${sourceFile} in ${englishName(lang)}. Until this is written, the ${lang} page shows the ${englishName(site.sourceLanguage)} text with a notice.
`;

mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, FACTS_FILE), alignComments(facts));
const files = [FACTS_FILE];
for (const lang of site.languages) {
  writeFileSync(join(folder, textFileName(lang)), alignComments(lang === site.sourceLanguage ? sourceText : translation(lang)));
  files.push(textFileName(lang));
}
console.log(`Created ${folder}/ with ${files.join(', ')}.
Next: fill in every TODO (facts.yaml and ${sourceFile} first), preview with npm run dev, then run npm run content:check.
Translations still marked TODO count as missing in npm run content:status.`);
