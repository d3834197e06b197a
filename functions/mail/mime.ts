// Builds an RFC 5322 message (multipart text + HTML, UTF-8): the same bytes go to SES and to the local mail folder.
import { randomBytes } from 'node:crypto';
import type { MailMessage } from './mailer.ts';

/** RFC 2047 encoded word, so non-ASCII subjects (日本語, العربية) survive every mail server. */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** Header values never carry a line break: that is how header injection works. */
function headerValue(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('mail header values must be a single line');
  return value;
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** A message id is made of the characters of a mail id only: nothing a header could be broken with. */
function messageIdPart(id: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new Error('mail ids are letters, digits, dot, hyphen and underscore only');
  return id;
}

export function buildMime(message: MailMessage, now: Date = message.date ? new Date(message.date) : new Date()): string {
  const boundary = `=_invest_${randomBytes(12).toString('hex')}`;
  const domain = message.from.replace(/^.*@/, '').replace(/>.*$/, '') || 'localhost';
  const headers = [
    `From: ${headerValue(message.from)}`,
    `To: ${headerValue(message.to)}`,
    ...(message.replyTo ? [`Reply-To: ${headerValue(message.replyTo)}`] : []),
    `Subject: ${encodeHeader(headerValue(message.subject))}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${message.id ? messageIdPart(message.id) : randomBytes(16).toString('hex')}@${domain}>`,
    `Content-Language: ${headerValue(message.language)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body)].join('\r\n');
  return [...headers, '', part('text/plain', message.text), part('text/html', message.html), `--${boundary}--`, ''].join('\r\n');
}
