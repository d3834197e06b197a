// SES adapter of the mail port: sends the same MIME message the local folder receives.
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { createSesClient } from '../storage/clients.ts';
import type { Mailer } from './mailer.ts';
import { buildMime } from './mime.ts';

export function sesMailer(client: SESv2Client = createSesClient(), configurationSet?: string): Mailer {
  return {
    async send(message) {
      await client.send(
        new SendEmailCommand({
          Content: { Raw: { Data: Buffer.from(buildMime(message), 'utf8') } },
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        }),
      );
    },
  };
}
