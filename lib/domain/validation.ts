// Turns zod's issues into the API's field errors, so every schema answers with the same translatable codes.
import type { z } from 'zod';
import type { Checked, ErrorCode, FieldError } from './errors.ts';

/** A rule's own code, carried by `.refine(check, codeParams('invalid_country'))`. */
export function codeParams(code: ErrorCode): { params: { code: ErrorCode } } {
  return { params: { code } };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function codeOf(issue: z.core.$ZodIssue, raw: unknown): ErrorCode {
  const field = issue.path[0];
  const given = raw !== null && typeof raw === 'object' && typeof field === 'string' ? (raw as Record<string, unknown>)[field] : undefined;
  switch (issue.code) {
    case 'custom':
      return (issue.params?.code as ErrorCode | undefined) ?? 'invalid_format';
    case 'invalid_type':
      return isBlank(given) ? 'required' : 'invalid_type';
    case 'too_small':
      return issue.origin === 'string' && isBlank(given) ? 'required' : 'invalid_format';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'invalid_format';
    case 'invalid_format':
      if (isBlank(given)) return 'required';
      return issue.format === 'email' ? 'invalid_email' : 'invalid_format';
    case 'invalid_value':
      if (isBlank(given)) return 'required';
      return issue.values.length === 1 && issue.values[0] === true ? 'must_be_true' : 'not_allowed';
    default:
      return 'invalid_format';
  }
}

/**
 * One error per field (the first rule it breaks), and one per unknown field, in the order of the
 * schema's issues; a caller fixing the first message should not see a second one about the same field.
 */
export function fieldErrors(error: z.ZodError, raw: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (entry: FieldError) => {
    const key = entry.field ?? '';
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(entry);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add({ field: key, code: 'unknown_field' });
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
    add(field === undefined ? { code: codeOf(issue, raw) } : { field, code: codeOf(issue, raw) });
  }
  return errors;
}

/** A body that is not a JSON object is refused as a whole, before any field is looked at. */
export function checkWith<S extends z.ZodType>(schema: S, raw: unknown): Checked<z.output<S>> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: [{ code: 'invalid_type' }] };
  const result = schema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(result.error, raw) };
}
