// The inquiry form: the API's own rules checked as the visitor types, an error summary, and nothing typed ever lost.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { checkInquiryFields, INQUIRY_LIMITS } from '#domain/inquiries/inquiry.ts';
import { COUNTRY_CODES } from '#domain/inquiries/countries.ts';
import type { FieldError } from '#domain/errors.ts';

export interface InquiryFormProps {
  lang: string;
  /** BCP 47 tag of the page, for country names and sorting. */
  tag: string;
  consentVersion: string;
  privacyHref: string;
  /** The item the form is about, fixed on an item page; on the contact page it comes from ?item=. */
  item?: { id: string; title: string };
  /** Titles of every item, so the contact page can name the item a link asked about. */
  itemTitles?: Record<string, string>;
  sectors: [string, string][];
  sizes: [string, string][];
  languages: [string, string][];
  /** Every visible string, already in the page's language; `{{…}}` placeholders are filled here. */
  strings: Record<string, string>;
}

type Values = {
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
};
const FIELDS = ['name', 'email', 'company', 'country', 'sector', 'investmentSize', 'language', 'message', 'consent'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  values: Values;
  /** The key sent with the last attempt and the body it was sent with: a retry of the same body reuses it. */
  attempt?: { key: string; body: string };
  startedAt: number;
}

type Phase = { kind: 'editing' } | { kind: 'sending' } | { kind: 'sent'; reference: string; email: string; language: string };

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** Turns the form into the API's body: empty optional fields are left out, as the contract's rules expect. */
function toBody(
  values: Values,
  item: string | undefined,
  type: string | undefined,
  consentVersion: string,
  startedAt: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: values.name,
    email: values.email,
    country: values.country,
    language: values.language,
    message: values.message,
    consent: values.consent,
    consentVersion,
    startedAt,
    website: values.website,
  };
  for (const key of ['company', 'sector', 'investmentSize'] as const) if (values[key].trim()) body[key] = values[key];
  if (item) body.itemId = item;
  if (type) body.type = type;
  return body;
}

export default function InquiryForm(props: InquiryFormProps) {
  const { strings } = props;
  const id = useId();
  const storageKey = `inquiry-draft:${props.lang}:${props.item?.id ?? 'general'}`;
  const empty: Values = {
    name: '',
    email: '',
    company: '',
    country: '',
    sector: '',
    investmentSize: '',
    language: props.lang,
    message: '',
    consent: false,
    website: '',
  };
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [restored, setRestored] = useState(false);
  const [requestItem, setRequestItem] = useState<{ id: string; title: string; type?: string } | undefined>(props.item);
  const draft = useRef<Draft>({ values: empty, startedAt: Date.now() });
  const summary = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLHeadingElement>(null);
  const [live, setLive] = useState(false);
  const [retryMinutes, setRetryMinutes] = useState(1);

  // Country names come from the browser's Intl once the island is live: the build's (Node's) ICU names and orders some
  // differently, and a server list that differs from the browser's breaks hydration, which drops the visitor's focus.
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([props.tag], { type: 'region' });
    const collator = new Intl.Collator(props.tag);
    return COUNTRY_CODES.map((code) => [code, names.of(code) ?? code] as const).sort((a, b) => collator.compare(a[1], b[1]));
  }, [props.tag]);

  // Restore a draft kept in this tab (a reload, a crash, a network failure) and what the address asks about.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const askedItem = params.get('item');
    if (!props.item && askedItem && props.itemTitles?.[askedItem])
      setRequestItem({
        id: askedItem,
        title: props.itemTitles[askedItem]!,
        type: params.get('type') === 'correction' ? 'correction' : undefined,
      });
    try {
      const saved = sessionStorage.getItem(storageKey);
      if (saved) {
        const parsed = JSON.parse(saved) as Draft;
        draft.current = parsed;
        setValues({ ...empty, ...parsed.values });
        if (Object.values(parsed.values).some((value) => value !== '' && value !== false && value !== props.lang)) setRestored(true);
      } else draft.current.startedAt = Date.now();
    } catch {
      // Storage may be disabled (private mode): the form still works, it just cannot keep a draft.
    }
    setLive(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Focus moves once React has drawn its target: a requestAnimationFrame could run before that render (an update after
  // an await is not drawn at once), and the summary or confirmation would then never be announced.
  const focusAfterRender = useRef<'summary' | 'done' | undefined>(undefined);
  useEffect(() => {
    const target = focusAfterRender.current === 'summary' ? summary.current : focusAfterRender.current === 'done' ? done.current : null;
    if (!target) return;
    focusAfterRender.current = undefined;
    target.focus();
  });

  const save = (next: Draft) => {
    draft.current = next;
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // See above: no storage, no draft.
    }
  };

  const change = <K extends keyof Values>(field: K, value: Values[K]) => {
    const next = { ...values, [field]: value };
    setValues(next);
    save({ ...draft.current, values: next });
    // Fields already flagged are re-checked as the visitor corrects them, so a message goes when its mistake does;
    // fields not yet flagged are left alone until the next submit.
    if (errors.some((error) => error.field === field)) {
      const now = validate(next);
      setErrors(errors.flatMap((error) => (error.field === field ? now.filter((found) => found.field === field) : [error])));
    }
  };

  const type = requestItem?.type;
  const validate = (current: Values): FieldError[] => {
    const checked = checkInquiryFields(toBody(current, requestItem?.id, type, props.consentVersion, draft.current.startedAt));
    return checked.ok ? [] : checked.errors.filter((error) => error.field !== 'website' && error.field !== 'startedAt');
  };

  const label = (field: string) => strings[`label.${field}`] ?? field;
  const message = (error: FieldError): string => {
    const field = error.field ?? '';
    const specific = strings[`error.${field}.${error.code}`];
    if (specific) return specific;
    const limit = (INQUIRY_LIMITS as Record<string, number>)[field] ?? '';
    return fill(strings[`error.${error.code}`] ?? strings['error.internal']!, { field: label(field), max: limit, minutes: retryMinutes });
  };

  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    // The summary takes focus so screen-reader users hear what went wrong, then each entry links to its field.
    focusAfterRender.current = 'summary';
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind === 'sending') return;
    const found = validate(values);
    if (found.length > 0) return showErrors(found);
    const body = JSON.stringify(toBody(values, requestItem?.id, type, props.consentVersion, draft.current.startedAt));
    // The same body keeps its key, so a retry after a lost answer cannot store the inquiry twice.
    const attempt = draft.current.attempt?.body === body ? draft.current.attempt : { key: crypto.randomUUID(), body };
    save({ ...draft.current, attempt });
    setPhase({ kind: 'sending' });
    let response: Response;
    try {
      response = await fetch('/api/inquiries', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': attempt.key },
        body,
      });
    } catch {
      setPhase({ kind: 'editing' });
      return showErrors([{ code: 'unavailable' }]);
    }
    const answer = (await response.json().catch(() => ({}))) as { reference?: string; errors?: FieldError[] };
    if (response.status === 201 && answer.reference) {
      try {
        sessionStorage.removeItem(storageKey);
      } catch {
        // Nothing to clear.
      }
      setPhase({ kind: 'sent', reference: answer.reference, email: values.email, language: values.language });
      focusAfterRender.current = 'done';
      return;
    }
    setPhase({ kind: 'editing' });
    if (response.status === 429) {
      setRetryMinutes(Math.max(1, Math.ceil(Number(response.headers.get('Retry-After') ?? '60') / 60)));
      return showErrors([{ code: 'rate_limited' }]);
    }
    const reported = answer.errors?.length
      ? answer.errors
      : [{ code: response.status >= 500 ? ('unavailable' as const) : ('internal' as const) }];
    showErrors(reported.map((error) => (error.field === 'website' || error.field === 'startedAt' ? { code: error.code } : error)));
  };

  const startAgain = () => {
    const fresh: Draft = {
      values: { ...empty, name: values.name, email: values.email, company: values.company, country: values.country },
      startedAt: Date.now(),
    };
    save(fresh);
    setValues(fresh.values);
    setErrors([]);
    setRestored(false);
    setPhase({ kind: 'editing' });
  };

  const clear = () => {
    const fresh: Draft = { values: empty, startedAt: Date.now() };
    save(fresh);
    setValues(empty);
    setErrors([]);
    setRestored(false);
  };

  if (phase.kind === 'sent') {
    const languageName = props.languages.find(([code]) => code === phase.language)?.[1] ?? phase.language;
    return (
      <div className="confirmation">
        <div className="confirmation-panel">
          <h2 ref={done} tabIndex={-1}>
            {strings['done.title']}
          </h2>
          <p>{strings['done.reference']}</p>
          <p className="reference" data-testid="reference">
            {phase.reference}
          </p>
        </div>
        <h3>{strings['done.next']}</h3>
        <ul>
          <li>{fill(strings['done.acknowledged']!, { email: phase.email })}</li>
          <li>{fill(strings['done.reply']!, { language: languageName })}</li>
          <li>{strings['done.keep']}</li>
        </ul>
        <button type="button" className="button-secondary" onClick={startAgain}>
          {strings['done.another']}
        </button>
      </div>
    );
  }

  const errorFor = (field: Field) => errors.find((error) => error.field === field);
  const describedBy = (field: Field, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : '', errorFor(field) ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const group = (field: Field, control: ReactNode, options: { hint?: string; optional?: boolean } = {}) => (
    <div className={`form-group${errorFor(field) ? ' form-group-error' : ''}`}>
      <label htmlFor={`${id}-${field}`}>
        {label(field)}
        {options.optional && <span className="optional"> {strings.optional}</span>}
      </label>
      {options.hint && (
        <p className="field-hint" id={`${id}-${field}-hint`}>
          {options.hint}
        </p>
      )}
      {errorFor(field) && (
        <p className="field-error" id={`${id}-${field}-error`}>
          <span className="visually-hidden">{strings.errorPrefix} </span>
          {message(errorFor(field)!)}
        </p>
      )}
      {control}
    </div>
  );
  const input = (field: 'name' | 'email' | 'company', attributes: Record<string, string>) => (
    <input
      id={`${id}-${field}`}
      name={field}
      value={values[field]}
      onChange={(event) => change(field, event.target.value)}
      aria-invalid={errorFor(field) ? true : undefined}
      aria-describedby={describedBy(field, field === 'email')}
      {...attributes}
    />
  );
  const select = (
    field: 'country' | 'sector' | 'investmentSize' | 'language',
    options: readonly (readonly [string, string])[],
    placeholder: boolean,
  ) => (
    <select
      id={`${id}-${field}`}
      name={field}
      value={values[field]}
      onChange={(event) => change(field, event.target.value)}
      aria-invalid={errorFor(field) ? true : undefined}
      aria-describedby={describedBy(field)}
    >
      {placeholder && <option value="">{strings.choose}</option>}
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
  const [privacyBefore, privacyAfter] = (strings.consent ?? '').split('{{privacy}}');

  return (
    <form className="inquiry-form" noValidate onSubmit={submit} aria-busy={phase.kind === 'sending'}>
      {errors.length > 0 && (
        <div className="error-summary" ref={summary} tabIndex={-1} role="alert" aria-labelledby={`${id}-summary-title`}>
          <h2 id={`${id}-summary-title`}>{strings.summaryTitle}</h2>
          <ul>
            {errors.map((error, index) => (
              <li key={`${error.field ?? 'form'}-${index}`}>
                {error.field && FIELDS.includes(error.field as Field) ? (
                  <a href={`#${id}-${error.field}`}>{message(error)}</a>
                ) : (
                  message(error)
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {restored && (
        <p className="notice draft-notice">
          {strings.restored}{' '}
          <button type="button" className="link-button" onClick={clear}>
            {strings.clear}
          </button>
        </p>
      )}
      {requestItem && (
        <p className="form-about">
          {fill(requestItem.type === 'correction' ? strings.aboutCorrection! : strings.about!, { item: requestItem.title })}
        </p>
      )}
      {group('name', input('name', { type: 'text', autoComplete: 'name', maxLength: String(INQUIRY_LIMITS.name) }))}
      {group('email', input('email', { type: 'email', autoComplete: 'email', spellCheck: 'false', inputMode: 'email' }), {
        hint: strings['hint.email'],
      })}
      {group('company', input('company', { type: 'text', autoComplete: 'organization', maxLength: String(INQUIRY_LIMITS.company) }), {
        optional: true,
      })}
      {group('country', select('country', live ? countries : [], true))}
      {group('sector', select('sector', props.sectors, true), { optional: true })}
      {group('investmentSize', select('investmentSize', props.sizes, true), { optional: true })}
      {group('language', select('language', props.languages, false))}
      {group(
        'message',
        <textarea
          id={`${id}-message`}
          name="message"
          rows={7}
          value={values.message}
          onChange={(event) => change('message', event.target.value)}
          aria-invalid={errorFor('message') ? true : undefined}
          aria-describedby={describedBy('message', true)}
        />,
        { hint: fill(strings['hint.message']!, { max: INQUIRY_LIMITS.message, count: values.message.length }) },
      )}
      {/* People never see or reach this field; scripts that fill every input do. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`${id}-website`}>Website</label>
        <input
          id={`${id}-website`}
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={values.website}
          onChange={(event) => change('website', event.target.value)}
        />
      </div>
      <div className={`form-group checkbox-group${errorFor('consent') ? ' form-group-error' : ''}`}>
        {errorFor('consent') && (
          <p className="field-error" id={`${id}-consent-error`}>
            <span className="visually-hidden">{strings.errorPrefix} </span>
            {message(errorFor('consent')!)}
          </p>
        )}
        <div className="checkbox">
          <input
            id={`${id}-consent`}
            name="consent"
            type="checkbox"
            checked={values.consent}
            onChange={(event) => change('consent', event.target.checked)}
            aria-invalid={errorFor('consent') ? true : undefined}
            aria-describedby={describedBy('consent')}
          />
          <label htmlFor={`${id}-consent`}>
            {privacyBefore}
            <a href={props.privacyHref}>{strings.privacyLink}</a>
            {privacyAfter}
          </label>
        </div>
      </div>
      <button type="submit" className="button" disabled={!live || phase.kind === 'sending'}>
        {phase.kind === 'sending' ? strings.sending : strings.submit}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {phase.kind === 'sending' ? strings.sending : ''}
      </p>
    </form>
  );
}
