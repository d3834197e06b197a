// Choosing a UI string's plural form by the language's rules (Intl.PluralRules, i18next's `_one`/`_other` keys) where strings are filled without i18next.

/** The forms of one count string, by plural category (`one`, `other`...); `other` is always there. */
export type PluralForms = Readonly<Record<string, string>>;

/** A count string as it goes to an island: its forms and the language tag whose rules choose among them. */
export interface PluralText {
  tag: string;
  forms: PluralForms;
}

export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

const rules = new Map<string, Intl.PluralRules>();

/** The plural category a count takes in a language: `one`, `few`, `other`... */
export function pluralCategory(tag: string, count: number): string {
  let rule = rules.get(tag);
  if (!rule) {
    rule = new Intl.PluralRules(tag);
    rules.set(tag, rule);
  }
  return rule.select(count);
}

/** The form for `count`; `other` when a category is missing, so a gap reads as a grammatical slip, not as a blank. */
export function pluralForm(text: PluralText, count: number): string {
  return text.forms[pluralCategory(text.tag, count)] ?? text.forms.other ?? '';
}

/** The forms of `base` among flattened strings (`base_one`, `base_other`...); none when `base` is not a count string. */
export function pluralFormsOf(strings: Readonly<Record<string, string | undefined>>, base: string): PluralForms | undefined {
  const forms: Record<string, string> = {};
  for (const [key, value] of Object.entries(strings)) {
    const suffix = PLURAL_SUFFIX.exec(key);
    if (suffix && value !== undefined && key.slice(0, suffix.index) === base) forms[suffix[1]!] = value;
  }
  return forms.other === undefined ? undefined : forms;
}
