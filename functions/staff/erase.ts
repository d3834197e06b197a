// Erasing a person's data, found by e-mail: their inquiries, downloads and kept mail lose what identifies them, and the audit log says so.
import type { StaffActor } from '#domain/inquiries/staff-access.ts';
import type { ErasureOutcome } from '#domain/inquiries/staff/audit.ts';
import { eraseInquiry, sameEmail } from '#domain/inquiries/staff/erasure.ts';
import type { Log } from '../api/log.ts';
import type { MailArchive } from '../mail/mailer.ts';
import type { AuditLog, StaffDownloadStore, StaffInquiryStore } from '../storage/ports.ts';
import { changeWithRetry } from './changes.ts';

export interface ErasureDeps {
  inquiries: StaffInquiryStore;
  downloads: StaffDownloadStore;
  audit: AuditLog;
  /** Kept copies of sent mail, where there are any. */
  mailArchive?: MailArchive | undefined;
  log: Log;
  now: () => number;
  newId: () => string;
}

/**
 * Recorded before it starts and after it ends, under one id: a failure half-way leaves a started erasure in the audit
 * log, which the console shows until an admin resumes it with the same address. Every step is idempotent (an erased
 * inquiry has no address left to match), so resuming finishes what is left.
 */
export async function erasePerson(deps: ErasureDeps, email: string, by: StaffActor, resume?: string): Promise<ErasureOutcome> {
  const wanted = email.trim().toLowerCase();
  const now = new Date(deps.now()).toISOString();
  // Resuming finishes the erasure already on record; a new one is put on record before anything is touched.
  const erasure = resume ?? deps.newId();
  if (!resume) await deps.audit.record({ at: now, by, action: 'erasure-started', details: { erasure } });
  const references: string[] = [];
  for (const key of await deps.inquiries.keysByEmail(wanted)) {
    // Read again under the version check: the inquiry may have changed since the scan.
    const erased = await changeWithRetry(deps.inquiries, key, (inquiry) =>
      sameEmail(inquiry.email, wanted) ? eraseInquiry(inquiry, { by, now, newId: deps.newId }) : inquiry,
    );
    if (erased) references.push(erased.reference);
  }
  const downloads = await deps.downloads.eraseLead(wanted, now);
  const mails = (await deps.mailArchive?.erase(wanted)) ?? 0;
  const outcome: ErasureOutcome = { inquiries: references.length, downloads, mails, references };
  // The log says that an erasure happened, by whom and what it touched, never whose data it was.
  await deps.audit.record({ at: new Date(deps.now()).toISOString(), by, action: 'erasure', details: { ...outcome, erasure } });
  deps.log.info('staff.erasure', { inquiries: references.length, downloads, mails });
  return outcome;
}
