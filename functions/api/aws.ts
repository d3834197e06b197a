// Dependencies of the route groups on AWS, read from the environment the CDK stack sets on each function.
import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { getConnInfo } from 'hono/aws-lambda';
import type { TranslationReport } from '#domain/translation/translation-status.ts';
import { DOWNLOAD_URL_SECONDS, documentMetaSchema } from '#domain/catalog/documents.ts';
import { sesMailer } from '../mail/ses.ts';
import { resourceNames } from '../resources.ts';
import { createDocumentClient, createS3Client } from '../storage/clients.ts';
import { dynamoDownloadEventStore, dynamoInquiryStore, dynamoRateLimiter } from '../storage/dynamodb.ts';
import { dynamoMailOutbox } from '../storage/outbox-dynamodb.ts';
import { memoryCatalog } from '../storage/ports.ts';
import type { MailWorkerDeps } from '../outbox/worker.ts';
import type { PublishDeps } from '../service-figures/publish.ts';
import { dynamoServiceFiguresStore } from '../storage/service-figures-dynamodb.ts';
import { s3DocumentFiles } from '../storage/s3.ts';
import { dynamoAuditLog, dynamoStaffDirectory, dynamoStaffDownloadStore, dynamoStaffInquiryStore } from '../storage/staff-dynamodb.ts';
import { DEFAULT_LIMITS, type CommonDeps, type DownloadDeps, type InquiryDeps, type StaffDeps } from './deps.ts';
import { jsonLog } from './log.ts';
import { staffAuthFromEnv } from './staff-auth.ts';

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set; the CDK stack sets it on every function that needs it.`);
  return value;
}

/**
 * Behind CloudFront, API Gateway's source IP is an edge server's. When the stack forwards CloudFront's
 * viewer-address header (and only CloudFront can reach the API), set TRUST_VIEWER_ADDRESS=1 to use it.
 */
export function lambdaClientAddress(env: Env): (c: Context) => string {
  const trustViewer = env.TRUST_VIEWER_ADDRESS === '1';
  return (c) => {
    const viewer = trustViewer ? c.req.header('cloudfront-viewer-address') : undefined;
    // "203.0.113.7:46532" or "[2001:db8::1]:46532" / "2001:db8::1:46532": the part before the last colon.
    if (viewer) return viewer.slice(0, viewer.lastIndexOf(':')).replace(/^\[|\]$/g, '') || viewer;
    return getConnInfo(c).remote.address ?? 'unknown';
  };
}

export function commonFromEnv(env: Env = process.env): CommonDeps {
  return { now: Date.now, log: jsonLog(), clientAddress: lambdaClientAddress(env) };
}

export function inquiryDepsFromEnv(env: Env = process.env): InquiryDeps {
  const names = resourceNames(env);
  const db = createDocumentClient();
  return {
    ...commonFromEnv(env),
    inquiries: dynamoInquiryStore(db, names),
    rateLimiter: dynamoRateLimiter(db, names),
    limits: DEFAULT_LIMITS.inquiries,
  };
}

/** The mail function: reads and settles the outbox on the inquiries table, sends through SES. */
export function mailWorkerDepsFromEnv(env: Env = process.env): MailWorkerDeps {
  const names = resourceNames(env);
  return {
    now: Date.now,
    log: jsonLog(),
    outbox: dynamoMailOutbox(createDocumentClient(), names),
    mailer: sesMailer(undefined, env.SES_CONFIGURATION_SET || undefined),
    mail: { from: required(env, 'MAIL_FROM'), staff: required(env, 'STAFF_EMAIL') },
  };
}

function bundledDocuments(env: Env, catalogUrl: URL) {
  return documentMetaSchema.array().parse(JSON.parse(readFileSync(env.DOCUMENT_CATALOG || catalogUrl, 'utf8')));
}

/** The translation report bundled beside the staff function (translation-status.json, written by functions/build.ts from content/). */
export function bundledTranslationReport(reportUrl: URL | string): TranslationReport {
  const report = JSON.parse(readFileSync(reportUrl, 'utf8')) as Partial<TranslationReport>;
  if (
    typeof report.sourceLanguage !== 'string' ||
    !Array.isArray(report.languages) ||
    !Array.isArray(report.entries) ||
    !Array.isArray(report.summary)
  )
    throw new Error(`${String(reportUrl)} is not a translation report: rebuild the bundle with functions/build.ts`);
  return report as TranslationReport;
}

/** The staff console's function: the tables it works on, the user pool it trusts, mail for replies (SES keeps no copies to erase). */
export function staffDepsFromEnv(
  env: Env = process.env,
  catalogUrl = new URL('./documents.json', import.meta.url),
  reportUrl = new URL('./translation-status.json', import.meta.url),
): StaffDeps {
  const names = resourceNames(env);
  const db = createDocumentClient();
  return {
    ...commonFromEnv(env),
    auth: staffAuthFromEnv(env),
    inquiries: dynamoStaffInquiryStore(db, names),
    downloads: dynamoStaffDownloadStore(db, names),
    audit: dynamoAuditLog(db, names),
    directory: dynamoStaffDirectory(db, names),
    documents: memoryCatalog(bundledDocuments(env, catalogUrl)),
    translations: bundledTranslationReport(reportUrl),
    mailer: sesMailer(undefined, env.SES_CONFIGURATION_SET || undefined),
    mail: { from: required(env, 'MAIL_FROM'), staff: required(env, 'STAFF_EMAIL') },
  };
}

/** The catalog is bundled beside the handler (documents.json, written by functions/build.ts from content/documents/). */
export function downloadDepsFromEnv(env: Env = process.env, catalogUrl = new URL('./documents.json', import.meta.url)): DownloadDeps {
  const names = resourceNames(env);
  const db = createDocumentClient();
  const documents = bundledDocuments(env, catalogUrl);
  return {
    ...commonFromEnv(env),
    documents: memoryCatalog(documents),
    files: s3DocumentFiles(createS3Client(), required(env, 'DOCUMENTS_BUCKET')),
    downloads: dynamoDownloadEventStore(db, names),
    rateLimiter: dynamoRateLimiter(db, names),
    limits: DEFAULT_LIMITS.downloads,
    urlSeconds: DOWNLOAD_URL_SECONDS,
  };
}

/** The inquiry service figures: the daily job reads the inquiries' clock and writes the published table; the route reads it. */
export function serviceFiguresDepsFromEnv(env: Env = process.env): PublishDeps {
  return { store: dynamoServiceFiguresStore(createDocumentClient(), resourceNames(env)), now: Date.now, log: jsonLog() };
}
