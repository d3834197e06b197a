// Sending the inquiry: the API's body from the form, one Idempotency-Key per body, and the answer read as a reference or field errors.
import type { FieldError } from '#domain/errors.ts';
import type { Draft, Values } from './draft.ts';

/** Turns the form into the API's body: empty optional fields are left out, as the contract's rules expect. */
export function toBody(
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

/** The same body keeps its key, so a retry after a lost answer cannot store the inquiry twice. */
export function attemptFor(draft: Draft, body: string): NonNullable<Draft['attempt']> {
  return draft.attempt?.body === body ? draft.attempt : { key: crypto.randomUUID(), body };
}

export type SubmitOutcome = { ok: true; reference: string } | { ok: false; errors: FieldError[]; retryMinutes?: number };

/** Anti-spam fields are the visitor's own problem to hear about, not fields they can see: reported against the form. */
const formLevel = (error: FieldError): FieldError =>
  error.field === 'website' || error.field === 'startedAt' ? { code: error.code } : error;

export async function submitInquiry(attempt: { key: string; body: string }): Promise<SubmitOutcome> {
  let response: Response;
  try {
    response = await fetch('/api/inquiries', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': attempt.key },
      body: attempt.body,
    });
  } catch {
    return { ok: false, errors: [{ code: 'unavailable' }] };
  }
  const answer = (await response.json().catch(() => ({}))) as { reference?: string; errors?: FieldError[] };
  if (response.status === 201 && answer.reference) return { ok: true, reference: answer.reference };
  if (response.status === 429)
    return {
      ok: false,
      errors: [{ code: 'rate_limited' }],
      retryMinutes: Math.max(1, Math.ceil(Number(response.headers.get('Retry-After') ?? '60') / 60)),
    };
  const reported: FieldError[] = answer.errors?.length ? answer.errors : [{ code: response.status >= 500 ? 'unavailable' : 'internal' }];
  return { ok: false, errors: reported.map(formLevel) };
}
