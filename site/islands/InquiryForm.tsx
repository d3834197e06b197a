// The inquiry form: the API's own rules checked as the visitor types, an error summary, and nothing typed ever lost.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { FieldError } from '#domain/errors.ts';
import { COUNTRY_CODES } from '#domain/inquiries/countries.ts';
import { checkInquiryFields, INQUIRY_LIMITS, inquirySchema } from '#domain/inquiries/inquiry.ts';
import { clearDraft, draftKey, emptyValues, hasTyped, loadDraft, saveDraft, type Draft, type Values } from './inquiry-form/draft.ts';
import {
  Confirmation,
  ConsentField,
  describedBy,
  ErrorSummary,
  FieldGroup,
  Select,
  TextInput,
  fill,
  type FieldSupport,
} from './inquiry-form/fields.tsx';
import { attemptFor, submitInquiry, toBody } from './inquiry-form/submit.ts';
import { pluralForm, pluralFormsOf } from '#domain/text/plural.ts';

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
  /** For each language an investor can ask in, the name of the one the answer comes in (staff may not answer in every language). */
  answerLanguageNames: Record<string, string>;
  /** Every visible string, already in the page's language; `{{…}}` placeholders are filled here. */
  strings: Record<string, string>;
}

type Phase = { kind: 'editing' } | { kind: 'sending' } | { kind: 'sent'; reference: string; email: string; language: string };

export default function InquiryForm(props: InquiryFormProps) {
  const { strings } = props;
  const id = useId();
  const storageKey = draftKey(props.lang, props.item?.id);
  const empty = useMemo(() => emptyValues(props.lang), [props.lang]);
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [restored, setRestored] = useState(false);
  const [requestItem, setRequestItem] = useState<{ id: string; title: string; type?: string | undefined } | undefined>(props.item);
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

  // What the address asks about: on the contact page, an item (and whether it is a correction) from ?item= and ?type=.
  useEffect(() => {
    if (props.item) return;
    const params = new URLSearchParams(window.location.search);
    const askedItem = params.get('item');
    const title = askedItem ? props.itemTitles?.[askedItem] : undefined;
    if (askedItem && title) setRequestItem({ id: askedItem, title, type: params.get('type') === 'correction' ? 'correction' : undefined });
    // A question written in advance (?message=, e.g. the matcher's open questions), held to the message's own rule.
    const prefilled = inquirySchema.shape.message.safeParse(params.get('message') ?? '');
    if (prefilled.success) setValues((current) => (current.message ? current : { ...current, message: prefilled.data }));
  }, [props.item, props.itemTitles]);

  // Restore a draft kept in this tab (a reload, a crash, a network failure); the island is live from here on.
  useEffect(() => {
    const saved = loadDraft(storageKey);
    if (saved) {
      draft.current = saved;
      setValues({ ...empty, ...saved.values });
      if (hasTyped(saved.values, props.lang)) setRestored(true);
    } else draft.current.startedAt = Date.now();
    setLive(true);
  }, [storageKey, empty, props.lang]);

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
    saveDraft(storageKey, next);
  };

  const type = requestItem?.type;
  const validate = (current: Values): FieldError[] => {
    const checked = checkInquiryFields(toBody(current, requestItem?.id, type, props.consentVersion, draft.current.startedAt));
    return checked.ok ? [] : checked.errors.filter((error) => error.field !== 'website' && error.field !== 'startedAt');
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

  const label = (field: string) => strings[`label.${field}`] ?? field;
  /** A count string in the form for `count` by the page language's plural rules (`key_one`, `key_other`...). */
  const counted = (key: string, count: number) => {
    const forms = pluralFormsOf(strings, key);
    return forms ? fill(pluralForm({ tag: props.tag, forms }, count), { count }) : undefined;
  };
  const support: FieldSupport = {
    id,
    strings,
    label,
    errorFor: (field) => errors.find((error) => error.field === field),
    message: (error) => {
      const field = error.field ?? '';
      const specific = strings[`error.${field}.${error.code}`];
      if (specific) return specific;
      const limit = (INQUIRY_LIMITS as Record<string, number>)[field] ?? '';
      if (error.code === 'rate_limited') return counted('error.rate_limited', retryMinutes) ?? strings['error.internal']!;
      return fill(strings[`error.${error.code}`] ?? strings['error.internal']!, { field: label(field), max: limit });
    },
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
    const attempt = attemptFor(
      draft.current,
      JSON.stringify(toBody(values, requestItem?.id, type, props.consentVersion, draft.current.startedAt)),
    );
    save({ ...draft.current, attempt });
    setPhase({ kind: 'sending' });
    const outcome = await submitInquiry(attempt);
    if (outcome.ok) {
      clearDraft(storageKey);
      setPhase({ kind: 'sent', reference: outcome.reference, email: values.email, language: values.language });
      focusAfterRender.current = 'done';
      return;
    }
    setPhase({ kind: 'editing' });
    if (outcome.retryMinutes !== undefined) setRetryMinutes(outcome.retryMinutes);
    showErrors(outcome.errors);
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

  if (phase.kind === 'sent')
    return (
      <Confirmation
        strings={strings}
        reference={phase.reference}
        email={phase.email}
        languageName={props.answerLanguageNames[phase.language] ?? phase.language}
        focusRef={done}
        onAnother={startAgain}
      />
    );

  const text = (field: 'name' | 'email' | 'company', attributes: Record<string, string>, hint?: boolean) => (
    <TextInput
      support={support}
      field={field}
      value={values[field]}
      onChange={(v) => change(field, v)}
      attributes={attributes}
      hint={hint}
    />
  );
  const select = (
    field: 'country' | 'sector' | 'investmentSize' | 'language',
    options: readonly (readonly [string, string])[],
    placeholder: boolean,
    hint?: boolean,
  ) => (
    <Select
      support={support}
      field={field}
      value={values[field]}
      onChange={(v) => change(field, v)}
      options={options}
      placeholder={placeholder}
      hint={hint}
    />
  );

  return (
    <form className="inquiry-form" noValidate onSubmit={submit} aria-busy={phase.kind === 'sending'}>
      {errors.length > 0 && <ErrorSummary support={support} errors={errors} focusRef={summary} />}
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
      <FieldGroup support={support} field="name">
        {text('name', { type: 'text', autoComplete: 'name', maxLength: String(INQUIRY_LIMITS.name) })}
      </FieldGroup>
      <FieldGroup support={support} field="email" hint={strings['hint.email']}>
        {text('email', { type: 'email', autoComplete: 'email', spellCheck: 'false', inputMode: 'email' }, true)}
      </FieldGroup>
      <FieldGroup support={support} field="company" optional>
        {text('company', { type: 'text', autoComplete: 'organization', maxLength: String(INQUIRY_LIMITS.company) })}
      </FieldGroup>
      <FieldGroup support={support} field="country">
        {select('country', live ? countries : [], true)}
      </FieldGroup>
      <FieldGroup support={support} field="sector" optional>
        {select('sector', props.sectors, true)}
      </FieldGroup>
      <FieldGroup support={support} field="investmentSize" optional>
        {select('investmentSize', props.sizes, true)}
      </FieldGroup>
      <FieldGroup support={support} field="language" hint={strings['hint.language']}>
        {select('language', props.languages, false, Boolean(strings['hint.language']))}
      </FieldGroup>
      <FieldGroup
        support={support}
        field="message"
        hint={fill(counted('hint.message', values.message.length) ?? '', { max: INQUIRY_LIMITS.message })}
      >
        <textarea
          id={`${id}-message`}
          name="message"
          rows={7}
          value={values.message}
          onChange={(event) => change('message', event.target.value)}
          aria-invalid={support.errorFor('message') ? true : undefined}
          aria-describedby={describedBy(support, 'message', true)}
        />
      </FieldGroup>
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
      <ConsentField
        support={support}
        checked={values.consent}
        onChange={(checked) => change('consent', checked)}
        privacyHref={props.privacyHref}
      />
      <button type="submit" className="button" disabled={!live || phase.kind === 'sending'}>
        {phase.kind === 'sending' ? strings.sending : strings.submit}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {phase.kind === 'sending' ? strings.sending : ''}
      </p>
    </form>
  );
}
