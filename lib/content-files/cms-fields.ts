// The editor's form fields derived from the zod schemas, so what the editor asks for and refuses is what the build checks.
import type { z } from 'zod';

/** One field of the editor's configuration (Decap CMS's field settings; only those this project uses). */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'markdown' | 'number' | 'boolean' | 'select' | 'list' | 'object' | 'hidden' | 'file' | TranslationWidget;
  required: boolean;
  hint?: string;
  default?: unknown;
  i18n?: boolean | 'translate' | 'duplicate' | 'none';
  options?: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  pattern?: [string, string];
  field?: CmsField;
  fields?: CmsField[];
  collapsed?: boolean;
  summary?: string;
}

/**
 * The editor's own widgets for the fields that say how a text stands to its source (site/pages/admin/_editor/):
 * the source's version, raised when its words change; a translation's source version with its state, the
 * source's changes and the review action; and the reviewed box that action ticks.
 */
export const TRANSLATION_WIDGETS = { version: 'source-version', sourceVersion: 'translation-status', reviewed: 'review' } as const;
export type TranslationWidget = (typeof TRANSLATION_WIDGETS)[keyof typeof TRANSLATION_WIDGETS];

/** What the field builder needs to know beyond the schema: the languages a per-language record is written in. */
export interface FieldContext {
  languages: readonly string[];
}

// Zod keeps every schema's description in `_zod.def`; reading it is how the editor stays derived from the schemas.
interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  error?: (issue: unknown) => unknown;
}

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: z.ZodType): CheckDef[] => (defOf(schema).checks ?? []).map((check) => check._zod.def);

/** The schema without the wrappers that only say whether a value may be left out (optional, default) or how it is read. */
export function unwrap(schema: z.ZodType): { schema: z.ZodType; required: boolean; defaultValue?: unknown } {
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') required = false;
    else if (def.type === 'default' || def.type === 'prefault') {
      required = false;
      defaultValue = def.defaultValue;
    } else if (def.type === 'pipe' && def.in && def.out) {
      // A preprocess (e.g. the news date) reads through to what it produces; a transform keeps what is written.
      current = defOf(def.in).type === 'transform' ? def.out : def.in;
      continue;
    } else return { schema: current, required, defaultValue };
    current = def.innerType!;
  }
}

/** The values an enum allows (or a literal's one value), in the schema's order. */
export function enumValues(schema: z.ZodType): string[] | undefined {
  const def = defOf(schema);
  if (def.type === 'enum') return Object.values(def.entries ?? {});
  if (def.type === 'literal') return (def.values ?? []).map(String);
  return undefined;
}

const label = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());

function message(check: CheckDef, fallback: string): string {
  const text = check.error?.({});
  return typeof text === 'string' ? text : fallback;
}

/** A string's rules as the editor's pattern: its own regular expression, or its length limits. */
function stringRules(schema: z.ZodType): Pick<CmsField, 'pattern' | 'hint'> {
  const checks = checksOf(schema);
  const regex = checks.find((check) => check.check === 'string_format' && check.pattern);
  if (regex?.pattern) return { pattern: [regex.pattern.source, message(regex, `expected the form ${regex.pattern.source}`)] };
  const min = checks.find((check) => check.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((check) => check.check === 'max_length')?.maximum;
  if (max !== undefined)
    return { pattern: [`^[\\s\\S]{${min},${max}}$`, `expected at most ${max} characters`], hint: `At most ${max} characters.` };
  const format = checks.find((check) => check.check === 'string_format')?.format;
  if (format === 'url') return { pattern: ['^https?://\\S+$', 'expected a full address starting with https://'] };
  if (format === 'email') return { pattern: ['^[^@\\s]+@[^@\\s]+$', 'expected an e-mail address'] };
  return {};
}

function numberRules(schema: z.ZodType): Pick<CmsField, 'min' | 'max' | 'value_type' | 'pattern'> {
  const rules: Pick<CmsField, 'min' | 'max' | 'value_type' | 'pattern'> = { value_type: 'float' };
  for (const check of checksOf(schema)) {
    if (check.check === 'number_format' && /int/.test(check.format ?? '')) rules.value_type = 'int';
    if (check.check === 'greater_than' && check.value !== undefined)
      rules.min = check.inclusive ? check.value : rules.value_type === 'int' ? check.value + 1 : check.value;
    if (check.check === 'less_than' && check.value !== undefined) rules.max = check.value;
  }
  // int() may come after positive(): settle the lower bound once the type is known.
  const positive = checksOf(schema).find((check) => check.check === 'greater_than' && !check.inclusive);
  if (positive?.value !== undefined && rules.value_type === 'int') rules.min = positive.value + 1;
  const pattern = limitPattern(schema, rules);
  return pattern ? { ...rules, pattern } : rules;
}

/**
 * The editor checks a number's min and max only in top-level fields, not inside a list's items (a figure's
 * value); its pattern check runs everywhere, on the number as text. So the limits a pattern can state exactly
 * (from 0, up to a power of ten, whole or not) also go as a pattern, with the schema's own words.
 */
function limitPattern(schema: z.ZodType, rules: Pick<CmsField, 'min' | 'max' | 'value_type'>): [string, string] | undefined {
  if (rules.min !== 0) return undefined;
  const checks = checksOf(schema);
  const words = checks
    .filter((check) => ['greater_than', 'less_than', 'number_format'].includes(check.check))
    .map((check) => message(check, ''))
    .filter(Boolean);
  const text = words.join('; ') || 'expected a number of at least 0';
  const digits = rules.max === undefined ? undefined : Math.log10(rules.max);
  if (rules.max !== undefined && (!Number.isInteger(digits) || digits! < 1)) return undefined;
  if (rules.value_type === 'int') return [rules.max === undefined ? '^\\d+$' : `^(?:${rules.max}|\\d{1,${digits}})$`, text];
  // Written as JavaScript writes a number: "0.5", "12", "1e-7" (and "1e+21" for the very large).
  if (rules.max === undefined) return ['^[^-]', text];
  return [`^(?:${rules.max}|\\d{1,${digits}}(?:\\.\\d+)?|\\d(?:\\.\\d+)?e-\\d+)$`, text];
}

function arrayMin(schema: z.ZodType): number | undefined {
  return checksOf(schema).find((check) => check.check === 'min_length')?.minimum;
}

/**
 * The editor's field for one schema field. Shapes the editor's widgets cannot hold (a geometry's coordinate
 * tuples, unions of objects) become hidden fields: the editor keeps their value as written and the file is the
 * place to change them.
 */
export function fieldFor(name: string, schema: z.ZodType, context: FieldContext): CmsField {
  const { schema: inner, required, defaultValue } = unwrap(schema);
  const base = { name, label: label(name), required, ...(defaultValue !== undefined ? { default: defaultValue } : {}) };
  const def = defOf(inner);
  const options = enumValues(inner);
  if (options) return { ...base, widget: 'select', options };
  switch (def.type) {
    case 'string':
      return { ...base, widget: 'string', ...stringRules(inner) };
    case 'number':
      return { ...base, widget: 'number', ...numberRules(inner) };
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'object':
      return { ...base, widget: 'object', fields: fieldsOf(inner, context) };
    case 'array': {
      const element = unwrap(def.element!).schema;
      const min = arrayMin(inner);
      const values = enumValues(element);
      if (values) return { ...base, widget: 'select', options: values, multiple: true, ...(min ? { min } : {}) };
      const item = fieldFor(name, def.element!, context);
      const list = { ...base, widget: 'list' as const, ...(min ? { min } : {}) };
      if (item.widget === 'object') return { ...list, fields: item.fields!, collapsed: true };
      if (item.widget === 'hidden') return { ...base, widget: 'hidden' };
      return { ...list, field: { ...item, name: 'value', label: label(name) } };
    }
    case 'record': {
      // A record keyed by an enum (figures) or by language (names, notes): one optional field per key.
      const keys = enumValues(unwrap(def.keyType!).schema) ?? [...context.languages];
      return {
        ...base,
        widget: 'object',
        collapsed: true,
        fields: keys.map((key) => ({ ...fieldFor(key, def.valueType!, context), required: false })),
      };
    }
    case 'union': {
      // A union of plain values (a partial date or "undated") is written as text; its parts are checked by content:check.
      const parts = (def.options ?? []).map((option) => defOf(unwrap(option).schema).type);
      if (parts.every((part) => part === 'string' || part === 'literal' || part === 'number')) return { ...base, widget: 'string' };
      return { ...base, widget: 'hidden' };
    }
    default:
      return { ...base, widget: 'hidden' };
  }
}

/** The fields of an object schema (a strict object, or one refined with checks across its fields), in its order. */
export function fieldsOf(schema: z.ZodType, context: FieldContext): CmsField[] {
  const shape = objectShape(schema);
  return Object.entries(shape).map(([name, field]) => fieldFor(name, field, context));
}

/** The shape of an object schema, seen through refinements. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  const { schema: inner } = unwrap(schema);
  const shape = defOf(inner).shape;
  if (!shape) throw new Error(`expected an object schema, found ${defOf(inner).type}`);
  return shape;
}
