// The one placeholder filling for UI strings and mail texts outside i18next: `{{name}}` (the UI strings) or `{name}` (the mail texts).

export type PlaceholderValues = Readonly<Record<string, string | number | undefined>>;

export interface FillOptions {
  /** `double` for `{{name}}`, the UI strings' i18next syntax; `single` for `{name}`, the mail texts'. */
  braces?: 'double' | 'single';
  /** Applied to every value, never to the template: e.g. escaping for HTML, because values may come from a visitor. */
  escape?: (value: string) => string;
}

const PATTERNS = { double: /\{\{(\w+)\}\}/g, single: /\{(\w+)\}/g } as const;

/**
 * Fills placeholders from `values`. A placeholder without a value stays as written, neither emptied nor an error:
 * strings are filled in stages (the build fills the facts of the service, the island what the visitor did), so an
 * unfilled placeholder is expected on the way; and when one is truly missing, visible braces show where, whereas an
 * empty gap reads as a sentence with a word missing and an exception would blank a visitor's page over one word.
 */
export function fillPlaceholders(template: string, values: PlaceholderValues, options: FillOptions = {}): string {
  const escapeValue = options.escape ?? ((value: string) => value);
  return template.replace(PATTERNS[options.braces ?? 'double'], (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? whole : escapeValue(String(value));
  });
}
