// The local mail port: each message becomes an .eml file (the bytes SES would get) plus an .html preview, announced in the terminal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MailMessage, Mailer } from '../mail/mailer.ts';
import { buildMime } from '../mail/mime.ts';

export interface WrittenMail {
  kind: string;
  to: string;
  subject: string;
  eml: string;
  html: string;
}

export function folderMailer(dir: string, announce: (mail: WrittenMail) => void = () => {}): Mailer {
  let sequence = 0;
  return {
    async send(message: MailMessage) {
      mkdirSync(dir, { recursive: true });
      const now = new Date();
      // Sortable by time, unique within a process, and free of visitor text.
      const stem = `${now.toISOString().replace(/[:.]/g, '-')}-${String(++sequence).padStart(4, '0')}-${message.kind}`;
      const eml = join(dir, `${stem}.eml`);
      const html = join(dir, `${stem}.html`);
      writeFileSync(eml, buildMime(message, now));
      writeFileSync(html, message.html);
      announce({ kind: message.kind, to: message.to, subject: message.subject, eml, html });
    },
  };
}
