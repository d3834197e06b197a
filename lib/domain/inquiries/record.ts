// The stored inquiry, defined once: the storage item, what the public API writes, and (in staff/views.ts) every staff view derive from this schema.
import { z } from 'zod';
import { inquiryStatusSchema } from './inquiry-status.ts';
import { staffActorSchema } from './staff-access.ts';

/** What was consented to, when and in which language: the record data-protection law asks for. */
export const consentRecordSchema = z.object({ version: z.string(), at: z.string(), language: z.string() });
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

const entry = { id: z.string(), at: z.string(), by: staffActorSchema };

/**
 * One change, appended and never edited: who, when, what. Texts of notes and replies are the only
 * parts that may carry the investor's data, so erasure removes exactly those (and marks the entry).
 */
export const historyEntrySchema = z.discriminatedUnion('type', [
  z.object({ ...entry, type: z.literal('status'), from: inquiryStatusSchema, to: inquiryStatusSchema }),
  z.object({ ...entry, type: z.literal('owner'), from: staffActorSchema.nullable(), to: staffActorSchema.nullable() }),
  z.object({ ...entry, type: z.literal('note'), text: z.string().optional(), erased: z.literal(true).optional() }),
  z.object({
    ...entry,
    type: z.literal('reply'),
    text: z.string().optional(),
    subject: z.string().optional(),
    language: z.string(),
    erased: z.literal(true).optional(),
  }),
  z.object({ ...entry, type: z.literal('delivery'), replyId: z.string(), result: z.enum(['sent', 'failed']) }),
  z.object({ ...entry, type: z.literal('erased') }),
]);
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * An inquiry as stored, at any point of its life. Personal fields are optional because erasure removes
 * them; the staff fields are optional because an inquiry nobody has touched has none (version 0). Codes
 * such as language and sector stay plain strings: a value later retired from the site's configuration
 * must not make an old inquiry unreadable.
 */
export const inquiryRecordSchema = z.object({
  /** The key of the item and the inquiry's id in the console: the Idempotency-Key it was sent with. */
  idempotencyKey: z.string().min(1),
  reference: z.string().min(1),
  status: inquiryStatusSchema,
  receivedAt: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
  company: z.string().optional(),
  message: z.string().optional(),
  /** Hash of the submitted fields: a retry with the same key must carry the same body. */
  fingerprint: z.string().optional(),
  country: z.string(),
  language: z.string(),
  sector: z.string().optional(),
  investmentSize: z.string().optional(),
  itemId: z.string().optional(),
  type: z.string().optional(),
  consent: consentRecordSchema.optional(),
  /** Raised by one on every staff change; absent on an inquiry no one has touched (version 0). */
  version: z.number().int().nonnegative().optional(),
  owner: staffActorSchema.optional(),
  history: z.array(historyEntrySchema).optional(),
  firstReplyAt: z.string().optional(),
  answeredAt: z.string().optional(),
  updatedAt: z.string().optional(),
  erasedAt: z.string().optional(),
  /** When DynamoDB deletes the inquiry (epoch seconds): RETENTION months after the last reply, or after receipt. */
  expiresAt: z.number().int().optional(),
});
export type InquiryRecord = z.infer<typeof inquiryRecordSchema>;
export type InquiryField = keyof InquiryRecord;

/** Personal fields: what an erasure removes from an inquiry. */
export const PERSONAL_FIELDS = ['name', 'email', 'company', 'message', 'fingerprint'] as const satisfies readonly InquiryField[];

/** The record as the public API first writes it: everything the visitor gave and its consent, nothing staff add. */
export const receivedInquirySchema = inquiryRecordSchema
  .omit({ version: true, owner: true, history: true, firstReplyAt: true, answeredAt: true, updatedAt: true, erasedAt: true })
  .required({ name: true, email: true, message: true, fingerprint: true, consent: true });
export type ReceivedInquiry = z.infer<typeof receivedInquirySchema>;

/** What lists read: everything an inbox row, a filter, a search and the dashboard need; the history stays behind. */
export const inquiryListItemSchema = inquiryRecordSchema.omit({ history: true, fingerprint: true, consent: true });
export type InquiryListItem = z.infer<typeof inquiryListItemSchema>;
export const LIST_FIELDS = inquiryListItemSchema.keyof().options;

export const versionOf = (inquiry: Pick<InquiryRecord, 'version'>) => inquiry.version ?? 0;
