// Replying to an inquiry: the reply is stored first, then e-mailed in the investor's language, then its delivery is recorded.
import { answerLanguage } from '#domain/inquiries/reply-language.ts';
import type { StaffActor } from '#domain/inquiries/staff-access.ts';
import { addReply, recordDelivery } from '#domain/inquiries/staff/changes.ts';
import type { InquiryRecord } from '#domain/inquiries/record.ts';
import { REPLY_LANGUAGES } from '#domain/site.ts';
import type { Log } from '../api/log.ts';
import type { MailSettings, Mailer } from '../mail/mailer.ts';
import { replyMail, replySubject } from '../mail/templates.ts';
import type { StaffInquiryStore } from '../storage/ports.ts';
import { changeInquiry, changeWithRetry } from './changes.ts';

export interface ReplyDeps {
  inquiries: StaffInquiryStore;
  mailer: Mailer;
  mail: MailSettings;
  log: Log;
  now: () => number;
  newId: () => string;
}

export interface ReplyRequest {
  id: string;
  /** The version the staff member replied from. */
  version: number;
  text: string;
  /** True when the reply answers the inquiry in full. */
  answers: boolean;
  by: StaffActor;
}

export interface ReplyOutcome {
  inquiry: InquiryRecord;
  delivery: 'sent' | 'failed';
}

/**
 * One conditional write stores the reply, so a second person replying from the same version gets a
 * StaleVersionError and no second e-mail goes out. A failed send is logged and recorded, never retried here:
 * a retry of a stored reply is a new request from a version that no longer exists.
 */
export async function replyToInquiry(deps: ReplyDeps, request: ReplyRequest): Promise<ReplyOutcome> {
  const stamp = () => ({ by: request.by, now: new Date(deps.now()).toISOString(), newId: deps.newId });
  let replyId = '';
  const stored = await changeInquiry(deps.inquiries, request.id, request.version, (inquiry) => {
    // The reply comes in the language staff answer in, which may not be the one the investor asked for.
    const language = answerLanguage(inquiry.language, REPLY_LANGUAGES);
    const made = addReply(
      inquiry,
      { text: request.text, subject: replySubject({ ...inquiry, language }), answers: request.answers },
      stamp(),
    );
    replyId = made.replyId;
    return made.next;
  });
  let delivery: ReplyOutcome['delivery'] = 'sent';
  try {
    const target = {
      reference: stored.reference,
      name: stored.name ?? '',
      email: stored.email ?? '',
      language: answerLanguage(stored.language, REPLY_LANGUAGES),
      message: stored.message ?? '',
    };
    await deps.mailer.send(replyMail(target, { text: request.text, staffName: request.by.name }, deps.mail));
    deps.log.info('inquiry.reply-sent', { reference: stored.reference });
  } catch (error) {
    delivery = 'failed';
    deps.log.error('mail.failed', error, { reference: stored.reference, kind: 'reply' });
  }
  const final = await changeWithRetry(deps.inquiries, stored.idempotencyKey, (inquiry) =>
    recordDelivery(inquiry, replyId, delivery, stamp()),
  );
  return { inquiry: final ?? stored, delivery };
}
