// The mails a stored inquiry owes (the investor's acknowledgement, the notice to staff): their names, ids and how each is made.
import { receivedInquirySchema, type InquiryRecord } from '#domain/inquiries/record.ts';
import type { MailMessage, MailSettings } from '../mail/mailer.ts';
import { acknowledgement, staffNotification } from '../mail/templates.ts';

/** Written into the inquiry in the same conditional write that stores it: the outbox is the record itself. */
export const INQUIRY_MAILS = ['acknowledgement', 'staff-notification'] as const;
export type InquiryMail = (typeof INQUIRY_MAILS)[number];

export const isInquiryMail = (value: string): value is InquiryMail => (INQUIRY_MAILS as readonly string[]).includes(value);

/**
 * One id per mail of an inquiry, the same on every attempt: the local mail folder keeps one file per id, and the
 * message carries it as its Message-ID (SES replaces that header with its own, see functions/README.md).
 */
export function mailId(idempotencyKey: string, mail: InquiryMail): string {
  return `${idempotencyKey}.${mail}`;
}

/**
 * The message for one owed mail, from the inquiry as it is stored now; undefined when the inquiry no longer holds
 * what the mail needs (erased before the mail went): such a mail is settled as skipped, never sent half-empty.
 */
export function composeMail(record: InquiryRecord, mail: InquiryMail, settings: MailSettings): MailMessage | undefined {
  if (record.erasedAt) return undefined;
  const parsed = receivedInquirySchema.safeParse(record);
  if (!parsed.success) return undefined;
  const message = mail === 'acknowledgement' ? acknowledgement(parsed.data, settings) : staffNotification(parsed.data, settings);
  return { ...message, id: mailId(record.idempotencyKey, mail), date: record.receivedAt };
}
