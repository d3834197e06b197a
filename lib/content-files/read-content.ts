// Reads content/ from disk with the same schemas the site build uses, reporting each problem as file, field and expectation.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { ContentOnDisk, ContentProblem, ItemOnDisk, TextOnDisk, TextSetOnDisk } from '#domain/content.ts';
import { CATEGORIES, itemFactsSchema, textSchema } from '#domain/catalog/catalog.ts';
import { siteConfigSchema } from '#domain/site-config.ts';
import { FACTS_FILE, textFileName } from '#domain/content-layout.ts';
import { newsTextSchema } from '#domain/catalog/news.ts';
import { schemaProblems } from '#domain/check-wording.ts';

export { fieldPath, valueAt } from '#domain/check-wording.ts';

function validate<S extends z.ZodType>(schema: S, data: unknown, file: string, problems: ContentProblem[]): z.infer<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  problems.push(...schemaProblems(result.error.issues, data, file));
  return undefined;
}

/** Splits Markdown with YAML front matter into its data and body. */
export function splitFrontMatter(source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return { data: undefined, body: source };
  return { data: parseYaml(match[1] ?? ''), body: match[2] ?? '' };
}

function readYaml(path: string, file: string, problems: ContentProblem[]): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({
      file,
      field: '(syntax)',
      message: `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      found: `not valid YAML (${(error as Error).message.split('\n')[0]})`,
      expected: 'valid YAML: check indentation, and put text containing ": " in double quotes',
    });
    return undefined;
  }
}

export function readContent(root: string): ContentOnDisk {
  const problems: ContentProblem[] = [];
  const rel = (path: string) => relative(root, path);
  const sitePath = join(root, 'site.json');
  const site = validate(siteConfigSchema, JSON.parse(readFileSync(sitePath, 'utf8')), rel(sitePath), problems);
  if (!site) throw new Error(`content/site.json is invalid:\n${problems.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`);

  const items: ItemOnDisk[] = [];
  for (const category of CATEGORIES) {
    const categoryDir = join(root, 'catalog', category);
    if (!existsSync(categoryDir)) continue;
    for (const name of readdirSync(categoryDir).sort()) {
      const folder = join(categoryDir, name);
      if (!statSync(folder).isDirectory()) continue;
      const factsPath = join(folder, FACTS_FILE);
      if (!existsSync(factsPath)) {
        problems.push({
          file: rel(folder),
          field: 'facts.yaml',
          message: 'every item folder needs a facts.yaml',
          found: undefined,
          expected: 'a facts.yaml in every item folder',
        });
        continue;
      }
      const facts = validate(itemFactsSchema, readYaml(factsPath, rel(factsPath), problems), rel(factsPath), problems);
      if (facts && facts.id !== name)
        problems.push({
          file: rel(factsPath),
          field: 'id',
          message: `"${facts.id}" must match its folder name "${name}"`,
          found: facts.id,
          expected: `"${name}", the name of its folder`,
        });
      const { texts, strayFiles } = readTexts(folder, site.languages, textSchema, rel, problems);
      if (facts) items.push({ category, folder: rel(folder), facts, texts, strayFiles });
    }
  }
  const pages = readTextSets(join(root, 'pages'), site.languages, textSchema, rel, problems);
  const news = readTextSets(join(root, 'news'), site.languages, newsTextSchema, rel, problems);
  return { root, site, items, pages, news, problems };
}

/** Reads index.<language>.md in a folder for each of the site's languages, and names the Markdown files that match none. */
function readTexts<S extends z.ZodType>(
  folder: string,
  languages: readonly string[],
  schema: S,
  rel: (path: string) => string,
  problems: ContentProblem[],
): { texts: Partial<Record<string, TextOnDisk<z.output<S>>>>; strayFiles: string[] } {
  const texts: Partial<Record<string, TextOnDisk<z.output<S>>>> = {};
  for (const language of languages) {
    const textPath = join(folder, textFileName(language));
    if (!existsSync(textPath)) continue;
    let parsed: { data: unknown; body: string };
    try {
      parsed = splitFrontMatter(readFileSync(textPath, 'utf8'));
    } catch (error) {
      problems.push({
        file: rel(textPath),
        field: '(front matter)',
        message: `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
        found: `not valid YAML (${(error as Error).message.split('\n')[0]})`,
        expected: 'YAML between the two --- lines; put text containing ": " or starting with a quote in double quotes',
      });
      continue;
    }
    const { data, body } = parsed;
    const text = validate(schema, data, rel(textPath), problems);
    if (text) texts[language] = { file: rel(textPath), text, body };
  }
  const strayFiles = readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md' && !languages.some((language) => name === textFileName(language)))
    .map((name) => rel(join(folder, name)));
  return { texts, strayFiles };
}

/** Every sub-folder of a folder as a set of texts (site pages, news posts); none when the folder is absent. */
function readTextSets<S extends z.ZodType>(
  dir: string,
  languages: readonly string[],
  schema: S,
  rel: (path: string) => string,
  problems: ContentProblem[],
): TextSetOnDisk<z.output<S>>[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .map((slug) => ({ slug, folder: rel(join(dir, slug)), ...readTexts(join(dir, slug), languages, schema, rel, problems) }));
}
