// The editor's generated configuration agrees with the content schemas: every field, its required-ness and its allowed values.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORIES, KINDS_BY_CATEGORY, itemFactsSchema, textSchema } from '#domain/catalog/catalog.ts';
import { FIGURE_KEYS, figuresSchema, UNITS, type FigureKey } from '#domain/catalog/figures.ts';
import { LIFECYCLE_STATUSES } from '#domain/catalog/lifecycle.ts';
import { documentFileSchema } from '#domain/catalog/documents.ts';
import { newsTextSchema } from '#domain/catalog/news.ts';
import { siteConfigSchema } from '#domain/site-config.ts';
import { site } from '#domain/site.ts';
import { cmsConfig, SETTINGS_FIELDS, type CmsCollection } from '#content-files/cms-config.ts';
import { type CmsField, TRANSLATION_WIDGETS } from '#content-files/cms-fields.ts';

const config = cmsConfig(site, { localBackendUrl: 'http://127.0.0.1:4326/api/v1' });
const collection = (name: string): CmsCollection => {
  const found = config.collections.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no collection "${name}"`);
  return found;
};

/** Peels what zod's public API calls wrappers, independently of the generator's own reading of the schemas. */
function core(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    else return current;
  }
}
const shapeOf = (schema: z.ZodType) => (core(schema) as z.ZodObject).shape as Record<string, z.ZodType>;

/**
 * Every disagreement between a schema and the fields the editor shows for it: a missing field, a different
 * required-ness (a field is required when the schema refuses it left out), different allowed values.
 */
function disagreements(schema: z.ZodType, fields: CmsField[], path: string): string[] {
  const problems: string[] = [];
  for (const [name, fieldSchema] of Object.entries(shapeOf(schema))) {
    const where = `${path}.${name}`;
    const field = fields.find((candidate) => candidate.name === name);
    if (!field) {
      problems.push(`${where}: no field in the editor`);
      continue;
    }
    const required = !fieldSchema.safeParse(undefined).success;
    if (field.required !== required) problems.push(`${where}: required ${field.required} in the editor, ${required} in the schema`);
    problems.push(...valueDisagreements(fieldSchema, field, where));
  }
  for (const field of fields)
    if (!(field.name in shapeOf(schema)) && field.name !== 'body') problems.push(`${path}.${field.name}: not in the schema`);
  return problems;
}

function valueDisagreements(schema: z.ZodType, field: CmsField, where: string): string[] {
  const inner = core(schema);
  if (inner instanceof z.ZodEnum) return sameOptions(inner.options.map(String), field, where);
  if (inner instanceof z.ZodArray) {
    const element = core(inner.element as z.ZodType);
    if (element instanceof z.ZodEnum) return sameOptions(element.options.map(String), field, where);
    if (element instanceof z.ZodObject) return disagreements(element, field.fields ?? [], `${where}[]`);
  }
  if (inner instanceof z.ZodObject) return disagreements(inner, field.fields ?? [], where);
  if (inner instanceof z.ZodNumber) return sameLimits(inner, field, where);
  if (inner instanceof z.ZodRecord) {
    const keys = core(inner.keyType as z.ZodType);
    const valueShape = core(inner.valueType as z.ZodType);
    const problems =
      keys instanceof z.ZodEnum
        ? sameOptions(keys.options.map(String), { ...field, options: field.fields?.map((f) => f.name) }, where)
        : [];
    for (const sub of field.fields ?? []) {
      const element = valueShape instanceof z.ZodArray ? core(valueShape.element as z.ZodType) : valueShape;
      if (element instanceof z.ZodObject) problems.push(...disagreements(element, sub.fields ?? [], `${where}.${sub.name}[]`));
    }
    return problems;
  }
  return [];
}

/** The number limits the editor shows: the lowest and highest values the schema accepts, and whether it takes fractions. */
function sameLimits(schema: z.ZodNumber, field: CmsField, where: string): string[] {
  const integer = schema.isInt === true;
  const { minValue, maxValue } = schema;
  // An exclusive lower bound on whole numbers (positive()) is the next whole number; a safe integer's own ceiling is no limit.
  const min = minValue === null || !Number.isFinite(minValue) ? undefined : schema.safeParse(minValue).success ? minValue : minValue + 1;
  const max = maxValue === null || !Number.isFinite(maxValue) || maxValue >= Number.MAX_SAFE_INTEGER ? undefined : maxValue;
  const expected = { widget: 'number', min, max, value_type: integer ? 'int' : 'float' };
  // The version fields' own widgets hold numbers with the same limits (the source's version; a translation's source version).
  const numberWidgets: string[] = ['number', TRANSLATION_WIDGETS.version, TRANSLATION_WIDGETS.sourceVersion];
  const widget = numberWidgets.includes(field.widget) ? 'number' : field.widget;
  const shown = { widget, min: field.min, max: field.max, value_type: field.value_type };
  return JSON.stringify(shown) === JSON.stringify(expected)
    ? []
    : [`${where}: limits ${JSON.stringify(shown)}, schema ${JSON.stringify(expected)}`];
}

function sameOptions(values: string[], field: CmsField, where: string): string[] {
  return JSON.stringify(field.options) === JSON.stringify(values)
    ? []
    : [`${where}: options ${JSON.stringify(field.options)}, schema ${JSON.stringify(values)}`];
}

describe('the editor configuration', () => {
  it('has facts and texts for every catalog section, with only the kinds of that section', () => {
    for (const category of CATEGORIES) {
      const facts = collection(`${category}-facts`);
      expect(facts.folder).toBe(`content/catalog/${category}`);
      const kind = facts.fields!.find((field) => field.name === 'kind')!;
      expect(kind.options).toEqual([...KINDS_BY_CATEGORY[category]]);
      const sectionFacts = z.object({ ...shapeOf(itemFactsSchema), kind: z.enum(KINDS_BY_CATEGORY[category]) });
      expect(disagreements(sectionFacts, facts.fields!, `${category}-facts`)).toEqual([]);
      expect(collection(category)).toMatchObject({ folder: `content/catalog/${category}`, path: '{{slug}}/index', i18n: true });
      expect(disagreements(textSchema, collection(category).fields!, category)).toEqual([]);
    }
  });

  it('matches the schemas of pages, news, documents and the site settings', () => {
    expect(disagreements(textSchema, collection('pages').fields!, 'pages')).toEqual([]);
    expect(disagreements(newsTextSchema, collection('news').fields!, 'news')).toEqual([]);
    const documents = collection('documents').fields!;
    expect(disagreements(documentFileSchema, documents, 'documents').filter((problem) => !problem.startsWith('documents.title.'))).toEqual(
      [],
    );
    const settings = collection('settings').files![0]!;
    expect(settings.file).toBe('content/site.json');
    const settingsShape = shapeOf(siteConfigSchema);
    expect(
      disagreements(z.object(Object.fromEntries(SETTINGS_FIELDS.map((name) => [name, settingsShape[name]!]))), settings.fields, 'settings'),
    ).toEqual([]);
  });

  it('lists every value of every enum the facts use, in the schema order', () => {
    const facts = collection('zones-facts').fields!;
    const status = facts.find((field) => field.name === 'status')!;
    expect(status.options).toEqual([...LIFECYCLE_STATUSES]);
    const figures = facts.find((field) => field.name === 'figures')!;
    const area = figures.fields!.find((field) => field.name === 'area')!;
    const unit = area.fields!.find((field) => field.name === 'unit')!;
    expect(unit.options).toEqual([...UNITS]);
    expect(area.fields!.find((field) => field.name === 'sources')).toMatchObject({ widget: 'list', min: 1, required: true });
  });

  it('shows the limits of every figure value: no negative amount, a percentage up to 100, whole counts', () => {
    const figures = collection('zones-facts').fields!.find((field) => field.name === 'figures')!;
    const value = (key: FigureKey) => figures.fields!.find((field) => field.name === key)!.fields!.find((field) => field.name === 'value')!;
    for (const key of FIGURE_KEYS) {
      const shape = shapeOf(figuresSchema)[key]!;
      const claim = (core(shape) as z.ZodArray).element as z.ZodType;
      expect(sameLimits(shapeOf(claim).value as z.ZodNumber, value(key), key), key).toEqual([]);
      expect(value(key).min, key).toBe(0);
    }
    // The editor checks a value inside a list by its pattern: it must accept exactly what the schema accepts.
    const samples = [-5, -0.001, 0, 1e-7, 0.5, 12, 99.99, 100, 100.5, 101, 2.5, 250_000, 93_600_000_000_000, 1e21];
    for (const key of FIGURE_KEYS) {
      const [pattern, words] = value(key).pattern!;
      for (const sample of samples) {
        const claim = { value: sample, unit: 'ha', sources: ['src-a'], asOf: '2025', basis: 'stated' };
        const result = figuresSchema.safeParse({ [key]: [claim] });
        expect(new RegExp(pattern).test(String(sample)), `${key} ${sample}`).toBe(result.success);
        if (!result.success) expect(words, `${key} ${sample}`).toContain(result.error.issues[0]!.message);
      }
    }
    expect(value('area')).toMatchObject({ widget: 'number', value_type: 'float', min: 0 });
    expect(value('area').max).toBeUndefined();
    expect(value('occupancy')).toMatchObject({ min: 0, max: 100 });
    expect(value('projects')).toMatchObject({ value_type: 'int', min: 0 });
    const keyFigures = collection('settings').files![0]!.fields.find((field) => field.name === 'keyFigures')!;
    const claim = keyFigures.fields!.find((field) => field.name === 'claim')!;
    expect(claim.fields!.find((field) => field.name === 'value')).toMatchObject({ min: 0, value_type: 'float' });
  });

  it('writes texts in every site language with the source language from site.json', () => {
    expect(config.i18n).toEqual({ structure: 'multiple_files', locales: site.languages, default_locale: site.sourceLanguage });
    const other = cmsConfig({ ...site, sourceLanguage: 'vi' });
    expect(other.i18n.default_locale).toBe('vi');
    expect(other.local_backend).toBeUndefined();
    expect(config.local_backend).toEqual({ url: 'http://127.0.0.1:4326/api/v1' });
  });

  it('offers the site languages for translatedFrom and its own widgets for the translation fields of every text', () => {
    for (const name of [...CATEGORIES, 'pages', 'news']) {
      const fields = collection(name).fields!;
      const field = (fieldName: string) => fields.find((candidate) => candidate.name === fieldName)!;
      expect(field('translatedFrom'), name).toMatchObject({ widget: 'select', options: site.languages, required: false, i18n: true });
      expect(field('version').widget, name).toBe('source-version');
      expect(field('sourceVersion').widget, name).toBe('translation-status');
      expect(field('reviewed').widget, name).toBe('review');
    }
  });

  it('notices a schema field the editor does not have, or a field that became required', () => {
    const widened = z.object({ ...shapeOf(textSchema), subtitle: z.string() });
    expect(disagreements(widened, collection('pages').fields!, 'pages')).toContain('pages.subtitle: no field in the editor');
    const stricter = z.object({ ...shapeOf(textSchema), version: z.number() });
    expect(disagreements(stricter, collection('pages').fields!, 'pages')).toContain(
      'pages.version: required false in the editor, true in the schema',
    );
    const capped = z.object({ ...shapeOf(textSchema), version: z.number().int().positive().max(9).optional() });
    expect(disagreements(capped, collection('pages').fields!, 'pages')).toEqual([
      'pages.version: limits {"widget":"number","min":1,"value_type":"int"}, schema {"widget":"number","min":1,"max":9,"value_type":"int"}',
    ]);
  });
});
