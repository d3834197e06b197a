// The two e-mails an inquiry sends: the investor's acknowledgement in their language, and the notice to staff.
import { fillPlaceholders } from '#domain/text/placeholders.ts';
import { escapeHtml } from '#domain/text/escape.ts';
import { REPLY_WITHIN_WORKING_DAYS } from '#domain/inquiries/inquiry.ts';
import { answerLanguage } from '#domain/inquiries/reply-language.ts';
import { languageNameIn } from '#domain/languages.ts';
import { REPLY_LANGUAGES, site, isRightToLeft, languageTag } from '#domain/site.ts';
import type { ReceivedInquiry } from '#domain/inquiries/record.ts';
import { ACKNOWLEDGEMENT_TEXTS } from './acknowledgement-texts.ts';
import { REPLY_TEXTS } from './reply-texts.ts';
import type { MailMessage, MailSettings } from './mailer.ts';

type Values = Record<string, string>;

/** Fills `{name}` placeholders; in HTML every value is escaped, because every value may come from a visitor. */
const fill = (template: string, values: Values, html: boolean): string =>
  fillPlaceholders(template, values, { braces: 'single', ...(html ? { escape: escapeHtml } : {}) });

function htmlDocument(language: string, body: string): string {
  const dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  return `<!doctype html>\n<html lang="${escapeHtml(languageTag(language))}" dir="${dir}"><head><meta charset="utf-8"></head>\n<body style="font-family:sans-serif;line-height:1.5">\n${body}\n</body></html>\n`;
}

/** Paragraphs of visitor text: escaped first, then line breaks kept. */
function htmlText(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/**
 * The investor's acknowledgement. It does not quote the message: anyone can give any address in the form, and the
 * site must not carry a stranger's text to it. The name is all it repeats (one line, limited in length).
 */
export function acknowledgement(inquiry: ReceivedInquiry, settings: MailSettings): MailMessage {
  const language = ACKNOWLEDGEMENT_TEXTS[inquiry.language] ? inquiry.language : site.defaultLanguage;
  const t = ACKNOWLEDGEMENT_TEXTS[language] ?? ACKNOWLEDGEMENT_TEXTS.en!;
  const values: Values = {
    name: inquiry.name,
    reference: inquiry.reference,
    province: site.province[language] ?? site.province.en ?? '',
    site: site.siteName[language] ?? site.siteName.en ?? '',
    days: String(REPLY_WITHIN_WORKING_DAYS),
    // Staff may not answer in every language the form offers: the acknowledgement says which one the answer comes in.
    answerLanguage: languageNameIn(languageTag(language), languageTag(answerLanguage(inquiry.language, REPLY_LANGUAGES))),
    version: inquiry.consent.version,
  };
  const text = [
    fill(t.greeting, values, false),
    '',
    fill(t.received, values, false),
    '',
    `${t.reference}: ${inquiry.reference}`,
    '',
    fill(t.privacy, values, false),
    '',
    fill(t.signoff, values, false),
  ].join('\n');
  const html = htmlDocument(
    language,
    [
      `<p>${fill(t.greeting, values, true)}</p>`,
      `<p>${fill(t.received, values, true)}</p>`,
      `<p>${escapeHtml(t.reference)}: <strong>${escapeHtml(inquiry.reference)}</strong></p>`,
      `<p><small>${fill(t.privacy, values, true)}</small></p>`,
      `<p>${fill(t.signoff, values, true)}</p>`,
    ].join('\n'),
  );
  return {
    kind: 'acknowledgement',
    from: settings.from,
    to: inquiry.email,
    // Replies go to the people who answer, not to an unattended sender address.
    replyTo: settings.staff,
    subject: fill(t.subject, values, false),
    language,
    text,
    html,
  };
}

export function staffNotification(inquiry: ReceivedInquiry, settings: MailSettings): MailMessage {
  const rows: [string, string | undefined][] = [
    ['Reference', inquiry.reference],
    ['Received', inquiry.receivedAt],
    ['Name', inquiry.name],
    ['E-mail', inquiry.email],
    ['Company', inquiry.company],
    ['Country', inquiry.country],
    ['Sector', inquiry.sector],
    ['Investment size', inquiry.investmentSize],
    ['Answer in', inquiry.language],
    ['About item', inquiry.itemId],
    ['Consent', `version ${inquiry.consent.version}, ${inquiry.consent.at}`],
  ];
  const given = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const text = [
    `New inquiry ${inquiry.reference}. Answer it in the staff console within ${REPLY_WITHIN_WORKING_DAYS} working days.`,
    '',
    ...given.map(([label, value]) => `${label}: ${value}`),
    '',
    'Message:',
    inquiry.message,
  ].join('\n');
  const html = htmlDocument(
    'en',
    [
      `<p>New inquiry <strong>${escapeHtml(inquiry.reference)}</strong>. Answer it in the staff console within ${REPLY_WITHIN_WORKING_DAYS} working days.</p>`,
      '<table>',
      ...given.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
      '</table>',
      '<p>Message:</p>',
      `<blockquote>${htmlText(inquiry.message)}</blockquote>`,
    ].join('\n'),
  );
  return {
    kind: 'staff-notification',
    from: settings.from,
    to: settings.staff,
    // The subject carries no visitor text: mail clients show it in lists and notifications.
    subject: `New inquiry ${inquiry.reference} (${inquiry.country}, ${inquiry.language})`,
    language: 'en',
    text,
    html,
  };
}

/** What a staff reply needs of the inquiry: who to write to, in which language, and what they asked. */
export interface ReplyTarget {
  reference: string;
  name: string;
  email: string;
  language: string;
  message: string;
}

/** The subject a reply gets, in the investor's language; kept in the inquiry's history with the text. */
export function replySubject(inquiry: Pick<ReplyTarget, 'reference' | 'language'>): string {
  const t = REPLY_TEXTS[inquiry.language] ?? REPLY_TEXTS[site.defaultLanguage] ?? REPLY_TEXTS.en!;
  return fill(t.subject, { reference: inquiry.reference }, false);
}

/**
 * A staff member's reply: their text framed in the investor's language (greeting, reference, the
 * question quoted, how to have data erased). Every value, the staff text included, is escaped in HTML.
 */
export function replyMail(inquiry: ReplyTarget, reply: { text: string; staffName: string }, settings: MailSettings): MailMessage {
  const language = REPLY_TEXTS[inquiry.language] ? inquiry.language : site.defaultLanguage;
  const t = REPLY_TEXTS[language] ?? REPLY_TEXTS.en!;
  const values: Values = {
    name: inquiry.name,
    reference: inquiry.reference,
    staff: reply.staffName,
    site: site.siteName[language] ?? site.siteName.en ?? '',
  };
  const text = [
    fill(t.greeting, values, false),
    '',
    reply.text,
    '',
    fill(t.signoff, values, false),
    '',
    `${t.reference}: ${inquiry.reference}`,
    '',
    `${t.yourMessage}:`,
    ...inquiry.message.split(/\r?\n/).map((line) => `> ${line}`),
    '',
    fill(t.privacy, values, false),
  ].join('\n');
  const html = htmlDocument(
    language,
    [
      `<p>${fill(t.greeting, values, true)}</p>`,
      `<p>${htmlText(reply.text)}</p>`,
      `<p>${fill(t.signoff, values, true)}</p>`,
      `<p>${escapeHtml(t.reference)}: <strong>${escapeHtml(inquiry.reference)}</strong></p>`,
      `<p>${escapeHtml(t.yourMessage)}:</p>`,
      `<blockquote>${htmlText(inquiry.message)}</blockquote>`,
      `<p><small>${fill(t.privacy, values, true)}</small></p>`,
    ].join('\n'),
  );
  return {
    kind: 'reply',
    from: settings.from,
    to: inquiry.email,
    replyTo: settings.staff,
    subject: replySubject(inquiry),
    language,
    text,
    html,
  };
}
