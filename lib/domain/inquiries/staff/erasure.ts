// Erasing a person from an inquiry: what goes (everything that identifies them), what stays (the anonymous facts), and the request.
import { z } from 'zod';
import { checkWith } from '../../validation.ts';
import { PERSONAL_FIELDS, versionOf, type InquiryRecord } from '../record.ts';
import { entry, withoutTexts, type ChangeContext } from './history.ts';

export const erasureSchema = z.strictObject({
  email: z.string().trim().min(3).max(254).pipe(z.email()),
  /** The id of an erasure that started and did not finish: this run finishes it (the audit log's entries close). */
  resume: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional(),
});
export const checkErasure = (raw: unknown) => checkWith(erasureSchema, raw);

/** E-mails are matched without regard to case or surrounding spaces: investors type them both ways. */
export const sameEmail = (stored: string | undefined, wanted: string) => stored?.trim().toLowerCase() === wanted.trim().toLowerCase();

/** Characters of an address's local part (RFC 5322 atext and the dot) and of its domain. */
const LOCAL_CHARS = "A-Za-z0-9!#$%&'*+/=?^_`{|}~.-";
const DOMAIN_CHARS = 'A-Za-z0-9-';
/** Anything in a text that reads as one whole e-mail address; a dot ending a sentence is not part of its domain. */
const ADDRESS = new RegExp(`[${LOCAL_CHARS}]+@[${DOMAIN_CHARS}]+(?:\\.[${DOMAIN_CHARS}]+)*`, 'g');

/**
 * Whether a text (a kept mail's headers and bodies) names this address as a whole: erasing bob@example.com
 * must not touch what names jimbob@example.com or bob@example.com.vn. Case is ignored, as in sameEmail.
 */
export function mentionsEmail(text: string, wanted: string): boolean {
  for (const [address] of text.matchAll(ADDRESS)) if (sameEmail(address, wanted)) return true;
  return false;
}

/**
 * Removes everything that identifies the person: name, e-mail, company, message, the fingerprint of
 * them, and the texts of notes and replies. What stays is anonymous: dates, item, country, language,
 * sector, size, status, who on staff did what, and the consent record's version and time.
 */
export function eraseInquiry(inquiry: InquiryRecord, ctx: ChangeContext): InquiryRecord {
  const next: InquiryRecord = { ...inquiry };
  for (const field of PERSONAL_FIELDS) delete next[field];
  next.history = [...withoutTexts(inquiry.history ?? []), entry(ctx, { type: 'erased' })];
  next.erasedAt = ctx.now;
  next.version = versionOf(inquiry) + 1;
  next.updatedAt = ctx.now;
  return next;
}
