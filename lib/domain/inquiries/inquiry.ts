// The inquiry form's rules, shared by the site's form and the API so both refuse the same input the same way.
import { z } from 'zod';
import type { Checked, FieldError } from '../errors.ts';
import { isCountryCode } from './countries.ts';
import { INVESTMENT_SIZES, LANGUAGES, SECTORS } from '../site.ts';
import { slugSchema } from '../catalog/catalog.ts';
import { checkWith, codeParams } from '../validation.ts';
import { REPLY_PROMISE } from './promise.ts';

export const INQUIRY_LIMITS = {
  name: 200,
  company: 200,
  email: 254,
  message: 5000,
  consentVersion: 64,
  itemId: 100,
  /** Bodies above this are refused unread (413); the largest valid inquiry is well below it. */
  bodyBytes: 32 * 1024,
  /** A person needs longer than this to fill the form; a script does not. */
  minFillMs: 3000,
} as const;

/** Working days within which investor relations promises a first human reply (said in the acknowledgement and on the site). */
export const REPLY_WITHIN_WORKING_DAYS = REPLY_PROMISE.firstReplyWorkingDays;

/** What an inquiry is: a question, or a report of an error in a catalog item (opened from the item's page). */
export const INQUIRY_TYPES = ['question', 'correction'] as const;

// Letters, marks, punctuation and spaces, but no control characters: these fields are one line.
const noControlCharacters = (text: string) => !/[\p{Cc}\u2028\u2029]/u.test(text);

const text = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));
/** One line of text: trimmed, NFC, within `max`, no line breaks or other control characters (shared by every form's name fields). */
export const line = (max: number) => text(max).refine(noControlCharacters, codeParams('invalid_format'));

/** Forms send "" or null for a field left empty; both mean "not given" for optional fields. */
export const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

export const countrySchema = z.string().refine(isCountryCode, codeParams('invalid_country'));
export const languageSchema = z.enum(LANGUAGES);
export const emailSchema = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().min(1).max(INQUIRY_LIMITS.email).pipe(z.email()))
  // RFC 5321: a local part is at most 64 octets; a longer one no mail server delivers to.
  .refine((address) => new TextEncoder().encode(address.slice(0, address.lastIndexOf('@'))).length <= 64, codeParams('invalid_email'));
export const consentSchema = z.literal(true);
export const consentVersionSchema = line(INQUIRY_LIMITS.consentVersion);

/** The fields of the contract's table, nothing else: unknown fields are refused, not dropped. */
export const inquirySchema = z.strictObject({
  name: line(INQUIRY_LIMITS.name),
  email: emailSchema,
  company: optional(line(INQUIRY_LIMITS.company)),
  country: countrySchema,
  sector: optional(z.enum(SECTORS)),
  investmentSize: optional(z.enum(INVESTMENT_SIZES)),
  language: languageSchema,
  message: text(INQUIRY_LIMITS.message),
  itemId: optional(slugSchema.max(INQUIRY_LIMITS.itemId)),
  /** An optional extension of the contract: absent means a question. */
  type: optional(z.enum(INQUIRY_TYPES)),
  consent: consentSchema,
  consentVersion: consentVersionSchema,
  /** Honeypot: hidden from people, so anything in it was typed by a script. */
  website: z.unknown().optional(),
  startedAt: optional(z.number().int().nonnegative()),
});

export type InquiryInput = z.input<typeof inquirySchema>;
export type InquiryFields = z.output<typeof inquirySchema>;

/** What is kept of an inquiry: the form's fields less the anti-spam ones. */
export type Inquiry = Omit<InquiryFields, 'website' | 'startedAt'>;

/** Field rules only: what the site's form can check as the visitor types. */
export function checkInquiryFields(raw: unknown): Checked<InquiryFields> {
  return checkWith(inquirySchema, raw);
}

/** Signs of a script rather than a person; checked on the server, where the time is trustworthy. */
export function screenInquiry(fields: InquiryFields, now: number): FieldError[] {
  const errors: FieldError[] = [];
  const { website, startedAt } = fields;
  if (website !== undefined && website !== null && website !== '') errors.push({ field: 'website', code: 'spam' });
  // A start time in the future means a client clock ahead of ours, not a bot; only a short positive time counts.
  if (startedAt !== undefined && now - startedAt >= 0 && now - startedAt < INQUIRY_LIMITS.minFillMs)
    errors.push({ field: 'startedAt', code: 'too_fast' });
  return errors;
}

/** Everything the API checks before storing: field rules, then the anti-spam screen. */
export function checkInquiry(raw: unknown, now: number): Checked<Inquiry> {
  const checked = checkInquiryFields(raw);
  if (!checked.ok) return checked;
  const screened = screenInquiry(checked.value, now);
  if (screened.length > 0) return { ok: false, errors: screened };
  const { website: _website, startedAt: _startedAt, ...inquiry } = checked.value;
  return { ok: true, value: inquiry };
}
