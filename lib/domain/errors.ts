// The error codes the API answers with; the site translates each one, so they are part of the contract.
/**
 * Every code a caller can receive. Add new ones at the end; never rename one, because forms and
 * other clients map these to translated messages.
 */
export const ERROR_CODES = [
  'required',
  'invalid_type',
  'too_long',
  'invalid_email',
  'invalid_country',
  'invalid_format',
  'not_allowed',
  'must_be_true',
  'unknown_field',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'too_fast',
  'spam',
  'rate_limited',
  'conflict',
  'not_found',
  'method_not_allowed',
  'unavailable',
  'internal',
  /** No valid staff token: missing, malformed, expired, wrongly signed or for another client. */
  'unauthorized',
  /** A valid token whose owner is not in a staff group. */
  'forbidden',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem: the field it is about (absent when it is about the whole request) and its code. */
export interface FieldError {
  field?: string;
  code: ErrorCode;
}

/** The body of every error answer: `{"errors":[{"field":"email","code":"invalid_email"}]}`. */
export interface ErrorBody {
  errors: FieldError[];
}

/** A check's outcome: the cleaned value, or every problem found (not just the first). */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
