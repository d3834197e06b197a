// What staff see of an inquiry, derived from the record's schema: the inbox row, the inquiry view and the CSV row, and the fields each leaves out.
import { z } from 'zod';
import { promiseClock, promiseDates, type PromiseClock } from '../promise.ts';
import {
  consentRecordSchema,
  historyEntrySchema,
  inquiryRecordSchema,
  versionOf,
  type InquiryField,
  type InquiryListItem,
  type InquiryRecord,
} from '../record.ts';
import { staffActorSchema } from '../staff-access.ts';

const field = inquiryRecordSchema.shape;

/** The inbox row: what a list needs, without the history. Absent facts are null in the JSON, so every key is always there. */
export const inquirySummarySchema = inquiryRecordSchema
  .pick({ reference: true, receivedAt: true, status: true, country: true, language: true })
  .extend({
    id: field.idempotencyKey,
    owner: staffActorSchema.nullable(),
    name: field.name.unwrap().nullable(),
    company: field.company.unwrap().nullable(),
    email: field.email.unwrap().nullable(),
    sector: field.sector.unwrap().nullable(),
    investmentSize: field.investmentSize.unwrap().nullable(),
    itemId: field.itemId.unwrap().nullable(),
    type: field.type.unwrap().nullable(),
    firstReplyAt: field.firstReplyAt.unwrap().nullable(),
    answeredAt: field.answeredAt.unwrap().nullable(),
    erased: z.boolean(),
    version: z.number().int().nonnegative(),
    clock: z.custom<PromiseClock>(),
  });
export type InquirySummary = z.infer<typeof inquirySummarySchema>;

/** The inquiry view: all it says, its consent, its history and its promise dates. */
export const inquiryDetailSchema = inquirySummarySchema.extend({
  message: field.message.unwrap().nullable(),
  consent: consentRecordSchema.nullable(),
  history: z.array(historyEntrySchema),
  erasedAt: field.erasedAt.unwrap().nullable(),
  firstReplyDue: z.string(),
  answerDue: z.string(),
});
export type InquiryDetail = z.infer<typeof inquiryDetailSchema>;

/** One of the investor's downloads beside the inquiry: which document (titled per language), when, from which page. */
export const inquiryDownloadSchema = z.object({
  documentId: z.string(),
  title: z.record(z.string(), z.string()).nullable(),
  documentVersion: z.string(),
  at: z.string(),
  language: z.string(),
  itemId: z.string().nullable(),
});
export type InquiryDownload = z.infer<typeof inquiryDownloadSchema>;

/** The answer of GET /api/staff/inquiries/{id} and of every change to it; a reply adds how its e-mail went. */
export const inquiryAnswerSchema = z.object({
  inquiry: inquiryDetailSchema,
  downloads: z.array(inquiryDownloadSchema),
  delivery: z.enum(['sent', 'failed']).optional(),
});
export type InquiryAnswer = z.infer<typeof inquiryAnswerSchema>;

/** The answer of GET /api/staff/inquiries. */
export const inboxAnswerSchema = z.object({
  inquiries: z.array(inquirySummarySchema),
  total: z.number().int().nonnegative(),
  truncated: z.boolean(),
  now: z.string(),
});
export type InboxAnswer = z.infer<typeof inboxAnswerSchema>;

/** A row of the CSV export: the inbox row and the message. */
export const inquiryCsvRowSchema = inquirySummarySchema.extend({ message: inquiryDetailSchema.shape.message });
export type InquiryCsvRow = z.infer<typeof inquiryCsvRowSchema>;

export function summarize(inquiry: InquiryListItem, nowMs: number): InquirySummary {
  return {
    id: inquiry.idempotencyKey,
    reference: inquiry.reference,
    receivedAt: inquiry.receivedAt,
    status: inquiry.status,
    owner: inquiry.owner ?? null,
    name: inquiry.name ?? null,
    company: inquiry.company ?? null,
    email: inquiry.email ?? null,
    country: inquiry.country,
    language: inquiry.language,
    sector: inquiry.sector ?? null,
    investmentSize: inquiry.investmentSize ?? null,
    itemId: inquiry.itemId ?? null,
    type: inquiry.type ?? null,
    firstReplyAt: inquiry.firstReplyAt ?? null,
    answeredAt: inquiry.answeredAt ?? null,
    erased: Boolean(inquiry.erasedAt),
    version: versionOf(inquiry),
    clock: promiseClock(inquiry, nowMs),
  };
}

export function inquiryDetail(inquiry: InquiryRecord, nowMs: number): InquiryDetail {
  return {
    ...summarize(inquiry, nowMs),
    message: inquiry.message ?? null,
    consent: inquiry.consent ?? null,
    history: inquiry.history ?? [],
    erasedAt: inquiry.erasedAt ?? null,
    ...promiseDates(inquiry.receivedAt),
  };
}

export function inquiryCsvRow(inquiry: InquiryListItem, nowMs: number): InquiryCsvRow {
  return { ...summarize(inquiry, nowMs), message: inquiry.message ?? null };
}

type Reasons = Partial<Record<InquiryField, string>>;

const FINGERPRINT = 'a hash that tells a retry from another inquiry under the same key; it says nothing to a person';
const UPDATED_AT = 'the history says who changed what and when, in more detail';
const EXPIRES_AT = "DynamoDB's instruction to delete the item (the retention rule, lib/domain/retention.ts), not a fact of the inquiry";

/**
 * Record fields each view leaves out, and why. Every field not named here must show in the view:
 * test/functions/inquiry-views.test.ts holds each view to the record schema, so a new field fails it
 * until someone decides where it shows.
 */
export const NOT_IN_SUMMARY = {
  message: 'long text: the inquiry view shows it, and the search reads it on the server',
  consent: 'evidence kept for data protection, shown in the inquiry view',
  history: 'lists read no history; the inquiry view shows it',
  fingerprint: FINGERPRINT,
  updatedAt: UPDATED_AT,
  expiresAt: EXPIRES_AT,
} as const satisfies Reasons;

export const NOT_IN_DETAIL = { fingerprint: FINGERPRINT, updatedAt: UPDATED_AT, expiresAt: EXPIRES_AT } as const satisfies Reasons;

export const NOT_IN_CSV = {
  idempotencyKey: 'an internal key; the reference names the inquiry to people',
  consent: 'evidence kept for data protection in the system, not a figure to work with; the inquiry view shows it',
  version: 'a counter that keeps concurrent changes apart, meaningless outside the console',
  history: 'notes and replies are long and may be personal; they stay in the console',
  erasedAt: 'an erased inquiry already shows as empty personal cells',
  fingerprint: FINGERPRINT,
  updatedAt: UPDATED_AT,
  expiresAt: EXPIRES_AT,
} as const satisfies Reasons;
