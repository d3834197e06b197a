// The audit log of what reaches beyond one inquiry (erasures and CSV exports), and what an erasure reports.
import { z } from 'zod';
import { staffActorSchema } from '../staff-access.ts';

export const auditEntrySchema = z.object({
  at: z.string(),
  by: staffActorSchema,
  /** An erasure is recorded when it starts ('erasure-started') and when it is done ('erasure'), under one id. */
  action: z.enum(['erasure-started', 'erasure', 'export']),
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

/**
 * Erasures that started and never finished (a failure half-way, a function stopped): each is an open obligation, shown
 * to admins until the same address is erased again. Erasing is idempotent, so running it again completes the rest.
 */
export function unfinishedErasures(entries: readonly AuditEntry[]): AuditEntry[] {
  const finished = new Set(entries.filter((entry) => entry.action === 'erasure').map((entry) => entry.details.erasure));
  return entries.filter((entry) => entry.action === 'erasure-started' && !finished.has(entry.details.erasure));
}
