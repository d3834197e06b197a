// Reads content/ from disk with the same schemas the site build uses, reporting each problem as file, field and expectation.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { CATEGORIES, itemFactsSchema, textSchema, type Category, type ItemFacts, type Text } from '../../functions/core/catalog.ts';
import { siteConfigSchema, type SiteConfig } from '../../functions/core/site-config.ts';

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export interface ItemOnDisk {
  category: Category;
  folder: string;
  facts: ItemFacts;
  texts: Partial<Record<string, { file: string; text: Text; body: string }>>;
}

export interface ContentOnDisk {
  root: string;
  site: SiteConfig;
  items: ItemOnDisk[];
  problems: ContentProblem[];
}

/** Names a zod issue path the way an editor reads it: `figures.area[0].unit`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    '',
  ) || '(whole file)';
}

function validate<S extends z.ZodType>(schema: S, data: unknown, file: string, problems: ContentProblem[]): z.infer<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ file, field: fieldPath(issue.path), message: issue.message });
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
    problems.push({ file, field: '(syntax)', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
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
      const factsPath = join(folder, 'facts.yaml');
      if (!existsSync(factsPath)) {
        problems.push({ file: rel(folder), field: 'facts.yaml', message: 'every item folder needs a facts.yaml' });
        continue;
      }
      const facts = validate(itemFactsSchema, readYaml(factsPath, rel(factsPath), problems), rel(factsPath), problems);
      if (facts && facts.id !== name)
        problems.push({ file: rel(factsPath), field: 'id', message: `"${facts.id}" must match its folder name "${name}"` });
      const texts: ItemOnDisk['texts'] = {};
      for (const language of site.languages) {
        const textPath = join(folder, `${language}.md`);
        if (!existsSync(textPath)) continue;
        let parsed: { data: unknown; body: string };
        try {
          parsed = splitFrontMatter(readFileSync(textPath, 'utf8'));
        } catch (error) {
          problems.push({ file: rel(textPath), field: '(front matter)', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
          continue;
        }
        const { data, body } = parsed;
        const text = validate(textSchema, data, rel(textPath), problems);
        if (text) texts[language] = { file: rel(textPath), text, body };
      }
      if (facts) items.push({ category, folder: rel(folder), facts, texts });
    }
  }
  return { root, site, items, problems };
}
