// The audit log of what reaches beyond one inquiry (erasures and CSV exports), and what an erasure reports.
import { z } from 'zod';
import { staffActorSchema } from '../staff-access.ts';

export const auditEntrySchema = z.object({
  at: z.string(),
  by: staffActorSchema,
  action: z.enum(['erasure', 'export']),
  /** Counts, references and filters: never the erased or exported personal data. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What an erasure touched, answered to staff and kept in the audit log: counts and references, never whose data it was. */
export const erasureOutcomeSchema = z.object({
  inquiries: z.number().int().nonnegative(),
  downloads: z.number().int().nonnegative(),
  mails: z.number().int().nonnegative(),
  references: z.array(z.string()),
});
export type ErasureOutcome = z.infer<typeof erasureOutcomeSchema>;
