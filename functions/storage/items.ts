// The shapes of stored items as zod schemas: every DynamoDB read is parsed with one, so a malformed item is an error that names it, never a silent cast.
import { z } from 'zod';
import { consentRecordSchema } from '#domain/inquiries/record.ts';
import type { DownloadFact } from '#domain/inquiries/dashboard.ts';

/** An item that does not have the shape its table promises: a fault in data or code, answered 500 and logged with the item's key. */
export class MalformedItemError extends Error {
  override readonly name = 'MalformedItemError';
  constructor(table: string, key: string, error: z.ZodError) {
    const where = error.issues.map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.message}`).join('; ');
    super(`malformed ${table} item ${key}: ${where}`);
  }
}

/** Parses one item; `keyOf` names it in the error (ids and keys only, never personal data). */
export function parseItem<S extends z.ZodType>(
  schema: S,
  table: string,
  item: unknown,
  keyOf: (item: Record<string, unknown>) => unknown,
): z.output<S> {
  const result = schema.safeParse(item);
  if (result.success) return result.data;
  const raw = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  throw new MalformedItemError(table, String(keyOf(raw) ?? '?'), result.error);
}

export const leadSchema = z.object({ name: z.string(), email: z.string(), company: z.string().optional(), country: z.string() });

export const downloadEventSchema = z.object({
  documentId: z.string(),
  documentVersion: z.string(),
  at: z.string(),
  language: z.string(),
  itemId: z.string().optional(),
  lead: leadSchema.optional(),
  consent: consentRecordSchema.optional(),
});
export type DownloadEvent = z.infer<typeof downloadEventSchema>;

/** A stored download as staff see it: erasure leaves the lead with only its country. */
export const downloadRecordSchema = downloadEventSchema.extend({
  eventKey: z.string(),
  lead: leadSchema.partial({ name: true, email: true }).optional(),
  erasedAt: z.string().optional(),
});
export type DownloadRecord = z.infer<typeof downloadRecordSchema>;

export const downloadFactSchema = z.object({
  documentId: z.string(),
  at: z.string(),
  leadEmail: z.string().optional(),
}) satisfies z.ZodType<DownloadFact>;
