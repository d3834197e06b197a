// The inquiry form's pieces: a labelled field with its hint and error, its controls, the error summary and the confirmation.
import { fillPlaceholders, type PlaceholderValues } from '#domain/text/placeholders.ts';
import type { ReactNode, RefObject } from 'react';
import type { FieldError } from '#domain/errors.ts';

export const FIELDS = ['name', 'email', 'company', 'country', 'sector', 'investmentSize', 'language', 'message', 'consent'] as const;
export type Field = (typeof FIELDS)[number];
export const isField = (field: string | undefined): field is Field => FIELDS.includes(field as Field);

/** What every field needs from the form: ids, strings, and the errors found so far. */
export interface FieldSupport {
  id: string;
  strings: Record<string, string>;
  label: (field: string) => string;
  errorFor: (field: Field) => FieldError | undefined;
  message: (error: FieldError) => string;
}

/** The form's strings are filled with the one placeholder filling (a missing value stays visible, see there). */
export const fill = (template: string, values: PlaceholderValues) => fillPlaceholders(template, values);

/** The hint and the error, when there are any, describe the control to assistive technology. */
export const describedBy = (support: FieldSupport, field: Field, hint?: boolean) =>
  [hint ? `${support.id}-${field}-hint` : '', support.errorFor(field) ? `${support.id}-${field}-error` : ''].filter(Boolean).join(' ') ||
  undefined;

function FieldErrorText({ support, field }: { support: FieldSupport; field: Field }) {
  const error = support.errorFor(field);
  if (!error) return null;
  return (
    <p className="field-error" id={`${support.id}-${field}-error`}>
      <span className="visually-hidden">{support.strings.errorPrefix} </span>
      {support.message(error)}
    </p>
  );
}

export function FieldGroup({
  support,
  field,
  hint,
  optional,
  children,
}: {
  support: FieldSupport;
  field: Field;
  hint?: string | undefined;
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`form-group${support.errorFor(field) ? ' form-group-error' : ''}`}>
      <label htmlFor={`${support.id}-${field}`}>
        {support.label(field)}
        {optional && <span className="optional"> {support.strings.optional}</span>}
      </label>
      {hint && (
        <p className="field-hint" id={`${support.id}-${field}-hint`}>
          {hint}
        </p>
      )}
      <FieldErrorText support={support} field={field} />
      {children}
    </div>
  );
}

export function TextInput({
  support,
  field,
  value,
  onChange,
  hint,
  attributes,
}: {
  support: FieldSupport;
  field: 'name' | 'email' | 'company';
  value: string;
  onChange: (value: string) => void;
  hint?: boolean;
  attributes: Record<string, string>;
}) {
  return (
    <input
      id={`${support.id}-${field}`}
      name={field}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-invalid={support.errorFor(field) ? true : undefined}
      aria-describedby={describedBy(support, field, hint)}
      {...attributes}
    />
  );
}

export function Select({
  support,
  field,
  value,
  onChange,
  options,
  placeholder,
  hint,
}: {
  support: FieldSupport;
  field: 'country' | 'sector' | 'investmentSize' | 'language';
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
  placeholder: boolean;
  hint?: boolean;
}) {
  return (
    <select
      id={`${support.id}-${field}`}
      name={field}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-invalid={support.errorFor(field) ? true : undefined}
      aria-describedby={describedBy(support, field, hint)}
    >
      {placeholder && <option value="">{support.strings.choose}</option>}
      {options.map(([optionValue, text]) => (
        <option key={optionValue} value={optionValue}>
          {text}
        </option>
      ))}
    </select>
  );
}

export function ConsentField({
  support,
  checked,
  onChange,
  privacyHref,
}: {
  support: FieldSupport;
  checked: boolean;
  onChange: (checked: boolean) => void;
  privacyHref: string;
}) {
  const [before, after] = (support.strings.consent ?? '').split('{{privacy}}');
  return (
    <div className={`form-group checkbox-group${support.errorFor('consent') ? ' form-group-error' : ''}`}>
      <FieldErrorText support={support} field="consent" />
      <div className="checkbox">
        <input
          id={`${support.id}-consent`}
          name="consent"
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={support.errorFor('consent') ? true : undefined}
          aria-describedby={describedBy(support, 'consent')}
        />
        <label htmlFor={`${support.id}-consent`}>
          {before}
          <a href={privacyHref}>{support.strings.privacyLink}</a>
          {after}
        </label>
      </div>
    </div>
  );
}

/** Takes focus when shown, so screen-reader users hear what went wrong; each entry links to its field. */
export function ErrorSummary({
  support,
  errors,
  focusRef,
}: {
  support: FieldSupport;
  errors: FieldError[];
  focusRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div className="error-summary" ref={focusRef} tabIndex={-1} role="alert" aria-labelledby={`${support.id}-summary-title`}>
      <h2 id={`${support.id}-summary-title`}>{support.strings.summaryTitle}</h2>
      <ul>
        {errors.map((error) => (
          // One error per field, and form-level errors differ by code: field and code make a unique key.
          <li key={`${error.field ?? ''}:${error.code}`}>
            {isField(error.field) ? <a href={`#${support.id}-${error.field}`}>{support.message(error)}</a> : support.message(error)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Confirmation({
  strings,
  reference,
  email,
  languageName,
  focusRef,
  onAnother,
}: {
  strings: Record<string, string>;
  reference: string;
  email: string;
  languageName: string;
  focusRef: RefObject<HTMLHeadingElement | null>;
  onAnother: () => void;
}) {
  return (
    <div className="confirmation">
      <div className="confirmation-panel">
        <h2 ref={focusRef} tabIndex={-1}>
          {strings['done.title']}
        </h2>
        <p>{strings['done.reference']}</p>
        <p className="reference" data-testid="reference">
          {reference}
        </p>
      </div>
      <h3>{strings['done.next']}</h3>
      <ul>
        <li>{fill(strings['done.acknowledged']!, { email })}</li>
        <li>{fill(strings['done.reply']!, { language: languageName })}</li>
        <li>{strings['done.keep']}</li>
      </ul>
      <button type="button" className="button-secondary" onClick={onAnother}>
        {strings['done.another']}
      </button>
    </div>
  );
}
