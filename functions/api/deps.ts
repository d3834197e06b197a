// What each route group needs from the outside world; Lambda entries and the local server fill these in.
import type { Context } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import { pick, site } from '#domain/site.ts';
import type { TranslationReport } from '#domain/translation/translation-status.ts';
import type { MailArchive, MailSettings, Mailer } from '../mail/mailer.ts';
import type {
  AuditLog,
  DocumentCatalog,
  DocumentFiles,
  DownloadEventStore,
  InquiryStore,
  RateLimiter,
  RateRule,
  StaffDirectory,
  StaffDownloadStore,
  StaffInquiryStore,
} from '../storage/ports.ts';
import type { Log } from './log.ts';
import type { StaffAuthConfig } from './staff-auth.ts';

export interface CommonDeps {
  now: () => number;
  log: Log;
  /** The visitor's address as this runtime knows it (API Gateway's source IP, or the local socket). */
  clientAddress: (c: Context) => string;
}

export interface InquiryDeps extends CommonDeps {
  inquiries: InquiryStore;
  rateLimiter: RateLimiter;
  limits: { perClient: RateRule; perEmail: RateRule };
  /**
   * Told after an inquiry is stored (or answered again) that it owes mail: the local stack's mail worker. On AWS
   * nothing is told; the table's stream starts the mail function. Never throws, never waited for.
   */
  mailOwed?: (idempotencyKey: string) => void;
}

export interface DownloadDeps extends CommonDeps {
  documents: DocumentCatalog;
  files: DocumentFiles;
  downloads: DownloadEventStore;
  rateLimiter: RateLimiter;
  limits: { perClient: RateRule };
  urlSeconds: number;
}

export interface StaffDeps extends CommonDeps {
  auth: StaffAuthConfig;
  /** The pool's keys; fetched from `auth.jwksUrl` when absent (tests may hand in their own). */
  keys?: JWTVerifyGetKey;
  inquiries: StaffInquiryStore;
  downloads: StaffDownloadStore;
  audit: AuditLog;
  directory: StaffDirectory;
  documents: DocumentCatalog;
  /** Which translations need work, made from content/ when the function was built (locally: when the stack started). */
  translations: TranslationReport;
  mailer: Mailer;
  mail: MailSettings;
  /** Kept copies of sent mail, where there are any (the local folder); erasure reaches them too. */
  mailArchive?: MailArchive;
  newId?: () => string;
}

/**
 * Generous for people, tight for scripts: an office behind one address can still send several
 * inquiries an hour, and one mailbox a few a day. The WAF rate rule stands in front of these on AWS.
 */
export const DEFAULT_LIMITS = {
  inquiries: { perClient: { limit: 10, windowSeconds: 3600 }, perEmail: { limit: 5, windowSeconds: 86_400 } },
  downloads: { perClient: { limit: 60, windowSeconds: 600 } },
} as const;

export const LOCAL_MAIL: MailSettings = {
  from: `${pick(site.siteName, site.defaultLanguage)} <no-reply@invest.localhost>`,
  staff: 'Investor relations <investor-relations@invest.localhost>',
};
