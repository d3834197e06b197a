// The inquiry form's draft, kept in this tab's sessionStorage so nothing typed is lost to a reload, a crash or a network failure.

/** What the visitor types; `website` is the honeypot. */
export interface Values {
  name: string;
  email: string;
  company: string;
  country: string;
  sector: string;
  investmentSize: string;
  language: string;
  message: string;
  consent: boolean;
  website: string;
}

export interface Draft {
  values: Values;
  /** The key sent with the last attempt and the body it was sent with: a retry of the same body reuses it. */
  attempt?: { key: string; body: string };
  startedAt: number;
}

export function emptyValues(language: string): Values {
  return {
    name: '',
    email: '',
    company: '',
    country: '',
    sector: '',
    investmentSize: '',
    language,
    message: '',
    consent: false,
    website: '',
  };
}

/** One draft per language and item: the contact page and each item page keep their own. */
export const draftKey = (lang: string, itemId: string | undefined) => `inquiry-draft:${lang}:${itemId ?? 'general'}`;

/** The kept draft, if storage works and holds one. */
export function loadDraft(key: string): Draft | undefined {
  try {
    const saved = sessionStorage.getItem(key);
    return saved ? (JSON.parse(saved) as Draft) : undefined;
  } catch {
    // Storage may be disabled (private mode): the form still works, it just cannot keep a draft.
    return undefined;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // See loadDraft: no storage, no draft.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** True when the visitor had typed or chosen something: only then is "your draft was restored" worth saying. */
export const hasTyped = (values: Values, language: string) =>
  Object.values(values).some((value) => value !== '' && value !== false && value !== language);
