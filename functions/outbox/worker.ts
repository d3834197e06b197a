// The mail worker: sends what one stored inquiry still owes, each mail under a lease, and marks each sent once.
import type { Log } from '../api/log.ts';
import type { MailSettings, Mailer } from '../mail/mailer.ts';
import type { MailOutbox } from '../storage/ports.ts';
import { composeMail, isInquiryMail } from './mails.ts';

export interface MailWorkerDeps {
  outbox: MailOutbox;
  mailer: Mailer;
  mail: MailSettings;
  log: Log;
  now: () => number;
  /**
   * How long a worker holds a mail it is sending; another worker may take it over only after this. Longer than
   * one send can take (the SES client gives up within seconds), short enough that a crashed worker's mail goes soon.
   */
  leaseMs?: number;
}

export const DEFAULT_LEASE_MS = 60_000;

/** What happened to each owed mail: sent now, skipped (erased first), busy (another worker holds it), failed. */
export type MailOutcome = 'sent' | 'skipped' | 'busy' | 'failed';

export interface DeliveryReport {
  outcomes: Record<string, MailOutcome>;
  /** True when a mail could not be sent and is still owed: the caller retries (the stream, the local trigger, the sweep). */
  retry: boolean;
}

/**
 * At-least-once per mail, never two at the same time: a mail is claimed (a conditional lease), sent, then settled
 * (a conditional update that succeeds once). A second send happens only when a worker stops between the mail
 * service accepting a message and the settle (a crash, or an answer lost past the client's timeout) and its lease
 * runs out; the resend carries the same mail id (functions/README.md says what that buys on SES and locally).
 * Storage failures propagate (StorageUnavailableError), so the caller retries the whole inquiry.
 */
export async function deliverOwed(deps: MailWorkerDeps, idempotencyKey: string): Promise<DeliveryReport> {
  const found = await deps.outbox.owed(idempotencyKey);
  const report: DeliveryReport = { outcomes: {}, retry: false };
  if (!found) return report;
  const { record } = found;
  for (const mail of found.owed) {
    const message = isInquiryMail(mail) ? composeMail(record, mail, deps.mail) : undefined;
    if (!message) {
      // Erased before its mail went (or a mail this code does not know): settled without sending, and said so.
      await deps.outbox.settle(idempotencyKey, mail, 'skipped', new Date(deps.now()).toISOString());
      deps.log.info('mail.skipped', { reference: record.reference, kind: mail });
      report.outcomes[mail] = 'skipped';
      continue;
    }
    const now = deps.now();
    const leaseUntil = now + (deps.leaseMs ?? DEFAULT_LEASE_MS);
    // The claim also fails if the inquiry was erased after the read above: the send follows it at once.
    if (!(await deps.outbox.claim(idempotencyKey, mail, now, leaseUntil))) {
      report.outcomes[mail] = 'busy';
      continue;
    }
    try {
      await deps.mailer.send(message);
    } catch (error) {
      // The log replaces any address in the error (SES names the recipient): functions/api/log.ts.
      deps.log.error('mail.failed', error, { reference: record.reference, kind: mail });
      await deps.outbox.release(idempotencyKey, mail, leaseUntil).catch(() => {});
      report.outcomes[mail] = 'failed';
      report.retry = true;
      continue;
    }
    // Sent: if this update fails (storage down), the lease runs out and the mail is sent again with the same id.
    await deps.outbox.settle(idempotencyKey, mail, 'sent', new Date(deps.now()).toISOString());
    deps.log.info('mail.sent', { reference: record.reference, kind: mail });
    report.outcomes[mail] = 'sent';
  }
  return report;
}
