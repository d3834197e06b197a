// The mail port: what the handlers hand over to be sent; SES on AWS, a folder on the local stack.
export interface MailMessage {
  /** Which kind of message this is, for file names and logs (never the recipient's data). */
  kind: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  /** The language of the text, for the Content-Language header and the HTML `lang`. */
  language: string;
  text: string;
  html: string;
  /**
   * A stable id for a message that may be attempted more than once (the outbox's mails): its Message-ID, and the
   * local folder's file name, so a second attempt of the same mail is a no-op there.
   */
  id?: string;
  /** ISO time the message is dated (the inquiry's arrival for its mails); now when absent. */
  date?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Addresses the functions send from and to; set by the stack, with local defaults. */
export interface MailSettings {
  from: string;
  staff: string;
}

/**
 * Where copies of sent mail are kept, so an erasure reaches them too: the local mail folder. On AWS,
 * SES keeps no copy of what it sends, so there is no archive there.
 */
export interface MailArchive {
  /** Deletes every kept message to or about this address; returns how many. */
  erase(email: string): Promise<number>;
}
