// The local mail port: each message becomes an .eml file (the bytes SES would get) plus an .html preview, announced in the terminal.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mentionsEmail } from '#domain/inquiries/staff/erasure.ts';
import type { MailArchive, MailMessage, Mailer } from '../mail/mailer.ts';
import { buildMime } from '../mail/mime.ts';

export interface WrittenMail {
  kind: string;
  to: string;
  subject: string;
  eml: string;
  html: string;
}

/** True when the file already existed: another attempt of the same mail got there first. */
async function createOnce(path: string, data: string): Promise<boolean> {
  try {
    await writeFile(path, data, { flag: 'wx' });
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return true;
    throw error;
  }
}

/**
 * A message with an id (the outbox's mails) is kept once under that id, whatever the number of attempts: the local
 * stand-in for an investor's mailbox showing one mail. Other messages get a name of their own on each send.
 */
export function folderMailer(dir: string, announce: (mail: WrittenMail) => void = () => {}): Mailer {
  let sequence = 0;
  return {
    async send(message: MailMessage) {
      // Asynchronous writes: a slow disk must not stall every other request on the event loop.
      await mkdir(dir, { recursive: true });
      const date = message.date ? new Date(message.date) : new Date();
      // Sortable by time, free of visitor text, and unique: per process, or per mail for messages with an id.
      const time = date.toISOString().replace(/[:.]/g, '-');
      const stem = message.id ? `${time}-${message.kind}-${message.id}` : `${time}-${String(++sequence).padStart(4, '0')}-${message.kind}`;
      const eml = join(dir, `${stem}.eml`);
      const html = join(dir, `${stem}.html`);
      // The preview first, then the message itself created exclusively: the .eml is what counts as the mail.
      await writeFile(html, message.html);
      if (message.id) {
        if (await createOnce(eml, buildMime(message, date))) return;
      } else
        await writeFile(eml, buildMime(message, date)).catch(async (error) => {
          await rm(html, { force: true });
          throw error;
        });
      announce({ kind: message.kind, to: message.to, subject: message.subject, eml, html });
    },
  };
}

/** Headers as written, plus every base64 body part decoded: what a search for an address must look at. */
function readableText(eml: string): string {
  const decoded = [...eml.matchAll(/\r\n\r\n([A-Za-z0-9+/=\r\n]+?)(?=\r\n--)/g)].map((m) =>
    Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64').toString('utf8'),
  );
  const words = eml.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
  return [words, ...decoded].join('\n');
}

/** The folder is the local stand-in's only copy of sent mail: erasure deletes each message to or about the person, found by the whole address. */
export function folderMailArchive(dir: string): MailArchive {
  return {
    async erase(email) {
      if (!existsSync(dir)) return 0;
      let erased = 0;
      for (const name of readdirSync(dir).filter((file) => file.endsWith('.eml'))) {
        const path = join(dir, name);
        if (!mentionsEmail(readableText(readFileSync(path, 'utf8')), email)) continue;
        rmSync(path, { force: true });
        rmSync(path.replace(/\.eml$/, '.html'), { force: true });
        erased++;
      }
      return erased;
    },
  };
}
