// The whole local back end in one call: DynamoDB, S3 with the documents, and the API, wired as on AWS. Used by `npm run dev` and the tests.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Hono } from 'hono';
import { createApp, healthRoutes } from '../api/app.ts';
import type { JWTVerifyGetKey } from 'jose';
import { DEFAULT_LIMITS, LOCAL_MAIL, type DownloadDeps, type InquiryDeps } from '../api/deps.ts';
import { downloadRoutes } from '../api/downloads.ts';
import { serviceFigureRoutes } from '../api/service-figures.ts';
import { inquiryRoutes } from '../api/inquiries.ts';
import { prettyLog, type Log } from '../api/log.ts';
import type { StaffAuthConfig } from '../api/staff-auth.ts';
import { staffRoutes } from '../api/staff.ts';
import { loadDocumentFolders, type DocumentOnDisk } from '#content-files/documents.ts';
import { readTranslationReport } from '#content-files/translations.ts';
import type { TranslationReport } from '#domain/translation/translation-status.ts';
import { DOWNLOAD_URL_SECONDS } from '#domain/catalog/documents.ts';
import type { Mailer } from '../mail/mailer.ts';
import { LOCAL_PREFIX, resourceNames, type ResourceNames } from '../resources.ts';
import { createDocumentClient, createDynamoClient, createS3Client } from '../storage/clients.ts';
import { dynamoDownloadEventStore, dynamoInquiryStore, dynamoRateLimiter } from '../storage/dynamodb.ts';
import { memoryCatalog } from '../storage/ports.ts';
import { ensureTables, uploadDocuments } from '../storage/provision.ts';
import { s3DocumentFiles } from '../storage/s3.ts';
import { dynamoServiceFiguresStore } from '../storage/service-figures-dynamodb.ts';
import { publishServiceFigures } from '../service-figures/publish.ts';
import type { ServiceFigures } from '#domain/inquiries/service-figures.ts';
import { dynamoAuditLog, dynamoStaffDirectory, dynamoStaffDownloadStore, dynamoStaffInquiryStore } from '../storage/staff-dynamodb.ts';
import { startCognito, type LocalCognito, type SeedAccount } from './cognito.ts';
import { folderMailArchive, folderMailer, type WrittenMail } from './mail-folder.ts';
import { startMailWorker, type LocalMailWorker, type LocalMailWorkerOptions } from './mail-worker.ts';
import { dynamoMailOutbox } from '../storage/outbox-dynamodb.ts';
import { localClientAddress } from './client-address.ts';
import { LOCAL_S3_CREDENTIALS, startApiServer, startDynamo, startS3, type Running } from './servers.ts';

/** Any region will do locally; it only has to be the same for signing and checking. */
const LOCAL_REGION = 'us-east-1';
const LOCAL_DYNAMO_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
/** The repository's content folder, which the local stack reports on unless told otherwise. */
const CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');

export interface LocalAppOptions {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  names: ResourceNames;
  documents: DocumentOnDisk[];
  mailer: Mailer;
  /** The folder the mailer writes to, so an erasure deletes the person's kept mail too. */
  mailDir?: string;
  log: Log;
  now?: () => number;
  limits?: { inquiries?: InquiryDeps['limits']; downloads?: DownloadDeps['limits'] };
  urlSeconds?: number;
  /** Told when an inquiry owes mail: the local mail worker's trigger (startLocalStack wires it; without it only a sweep sends). */
  mailOwed?: (idempotencyKey: string) => void;
  /** The user pool the staff routes trust: cognito-local's, or a test's own issuer and keys. Without one, no staff routes. */
  staffAuth?: StaffAuthConfig;
  staffKeys?: JWTVerifyGetKey;
  /** The translation report the staff routes answer with (on AWS, the one bundled beside the staff function); needed with staffAuth. */
  translations?: TranslationReport;
}

export function localClients(
  dynamodbEndpoint: string,
  s3Endpoint: string,
): { raw: DynamoDBClient; db: DynamoDBDocumentClient; s3: S3Client } {
  const raw = createDynamoClient({ endpoint: dynamodbEndpoint, region: LOCAL_REGION, credentials: LOCAL_DYNAMO_CREDENTIALS });
  return {
    raw,
    db: createDocumentClient(raw),
    s3: createS3Client({ endpoint: s3Endpoint, region: LOCAL_REGION, credentials: LOCAL_S3_CREDENTIALS }),
  };
}

/** The same route groups and adapters as the Lambda entries, pointed at the local stand-ins. */
export function createLocalApp(options: LocalAppOptions): Hono {
  const { db, s3 } = localClients(options.dynamodbEndpoint, options.s3Endpoint);
  const common = { now: options.now ?? Date.now, log: options.log, clientAddress: localClientAddress };
  const rateLimiter = dynamoRateLimiter(db, options.names);
  if (options.staffAuth && !options.translations)
    throw new Error('createLocalApp: staff routes need the translation report (readTranslationReport)');
  return createApp(options.log, [
    healthRoutes,
    inquiryRoutes({
      ...common,
      inquiries: dynamoInquiryStore(db, options.names),
      rateLimiter,
      limits: options.limits?.inquiries ?? DEFAULT_LIMITS.inquiries,
      ...(options.mailOwed ? { mailOwed: options.mailOwed } : {}),
    }),
    serviceFigureRoutes({ store: dynamoServiceFiguresStore(db, options.names) }),
    downloadRoutes({
      ...common,
      documents: memoryCatalog(options.documents.map((d) => d.meta)),
      files: s3DocumentFiles(s3, options.names.buckets.documents),
      downloads: dynamoDownloadEventStore(db, options.names),
      rateLimiter,
      limits: options.limits?.downloads ?? DEFAULT_LIMITS.downloads,
      urlSeconds: options.urlSeconds ?? DOWNLOAD_URL_SECONDS,
    }),
    ...(options.staffAuth
      ? [
          staffRoutes({
            ...common,
            auth: options.staffAuth,
            ...(options.staffKeys ? { keys: options.staffKeys } : {}),
            inquiries: dynamoStaffInquiryStore(db, options.names),
            downloads: dynamoStaffDownloadStore(db, options.names),
            audit: dynamoAuditLog(db, options.names),
            directory: dynamoStaffDirectory(db, options.names),
            documents: memoryCatalog(options.documents.map((d) => d.meta)),
            translations: options.translations!,
            mailer: options.mailer,
            mail: LOCAL_MAIL,
            ...(options.mailDir ? { mailArchive: folderMailArchive(options.mailDir) } : {}),
          }),
        ]
      : []),
  ]);
}

export interface LocalStackOptions {
  /** Folder for on-disk data (`.local`); absent = DynamoDB in memory, S3 and sign-in data in a temporary folder, removed on stop. */
  dataDir?: string;
  /** One folder or several (publishers' documents and the generated factsheets). */
  documentsDir: string | readonly string[];
  /** The content folder the staff console's translation report is made from at start; the repository's content/ by default. */
  contentDir?: string;
  mailDir: string;
  /** 0 picks a free port. */
  ports?: { api?: number; dynamodb?: number; s3?: number; cognito?: number };
  /** Trust this issuer instead of starting cognito-local (tests with their own signing keys). */
  staffAuth?: { config: StaffAuthConfig; keys?: JWTVerifyGetKey };
  /** Accounts cognito-local is seeded with; the one staff account of LOCAL_STAFF_ACCOUNT by default. */
  staffAccounts?: SeedAccount[];
  log?: Log;
  onMail?: (mail: WrittenMail) => void;
  now?: () => number;
  limits?: LocalAppOptions['limits'];
  /** Wraps the mail folder, e.g. with a mail service that fails for a while (fault tests). */
  wrapMailer?: (mailer: Mailer) => Mailer;
  /** The mail worker's sweep interval and retry waits (functions/local/mail-worker.ts has the defaults). */
  mailWorker?: LocalMailWorkerOptions;
}

export interface LocalStack {
  api: Running;
  dynamodb: Running;
  s3: Running;
  /** The local staff sign-in, unless the options named another issuer. */
  cognito?: LocalCognito;
  staffAuth: StaffAuthConfig;
  names: ResourceNames;
  documents: DocumentOnDisk[];
  translations: TranslationReport;
  db: DynamoDBDocumentClient;
  s3Client: S3Client;
  mailDir: string;
  /** Sends what stored inquiries owe, as the stream-driven mail function does on AWS. */
  mailWorker: LocalMailWorker;
  /** Publishes the inquiry service figures now, as the daily job does on AWS (the stack also does at start and then every few hours). */
  publishServiceFigures(): Promise<ServiceFigures>;
  stop(): Promise<void>;
}

/** How often the local stack publishes the inquiry service figures again while it runs (daily on AWS). */
export const SERVICE_FIGURES_EVERY_MS = 6 * 3_600_000;

/** The local mail worker on the stack's own table: the same worker code as the mail function on AWS. */
export function localMailWorker(options: {
  db: DynamoDBDocumentClient;
  names: ResourceNames;
  mailer: Mailer;
  log: Log;
  now?: () => number;
  worker?: LocalMailWorkerOptions;
  leaseMs?: number;
}): LocalMailWorker {
  return startMailWorker(
    {
      outbox: dynamoMailOutbox(options.db, options.names),
      mailer: options.mailer,
      mail: LOCAL_MAIL,
      log: options.log,
      now: options.now ?? Date.now,
      ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    },
    options.worker,
  );
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? prettyLog();
  // Checked before anything starts: a wrong document file should fail fast with the file and field named.
  const documents = loadDocumentFolders(typeof options.documentsDir === 'string' ? [options.documentsDir] : options.documentsDir);
  // Made once, as functions/build.ts makes it for the staff bundle: restart to see content edits in the console.
  const translations = readTranslationReport(options.contentDir ?? CONTENT_DIR, options.now ? { now: options.now } : {});
  const names = resourceNames();
  const temporary = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), LOCAL_PREFIX));
  const started: Running[] = [];
  let mailWorker: LocalMailWorker | undefined;
  let figuresTimer: NodeJS.Timeout | undefined;
  /** The publication in progress, if any: the database must outlive it (dynalite throws on a request after it closes). */
  let publishing: Promise<unknown> | undefined;
  const stopAll = async () => {
    clearInterval(figuresTimer);
    await publishing;
    await mailWorker?.stop();
    for (const part of started.reverse()) await part.close().catch(() => {});
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  };
  try {
    const dynamodb = await startDynamo({
      port: options.ports?.dynamodb ?? 0,
      ...(options.dataDir ? { path: join(options.dataDir, 'dynamodb') } : {}),
    });
    started.push(dynamodb);
    const s3 = await startS3({
      port: options.ports?.s3 ?? 0,
      directory: join(options.dataDir ?? temporary!, 's3'),
      buckets: Object.values(names.buckets),
    });
    started.push(s3);

    const { raw, db, s3: s3Client } = localClients(dynamodb.url, s3.url);
    await ensureTables(raw, names);
    await uploadDocuments(s3Client, names.buckets.documents, documents);

    let cognito: LocalCognito | undefined;
    if (!options.staffAuth) {
      cognito = await startCognito({
        port: options.ports?.cognito ?? 0,
        dataDir: join(options.dataDir ?? temporary!, 'cognito'),
        ...(options.staffAccounts ? { accounts: options.staffAccounts } : {}),
      });
      started.push(cognito);
    }
    const staffAuth: StaffAuthConfig = options.staffAuth?.config ?? {
      issuer: cognito!.issuer,
      jwksUrl: cognito!.jwksUrl,
      clientId: cognito!.clientId,
      signInEndpoint: cognito!.endpoint,
    };

    const folder = folderMailer(options.mailDir, options.onMail);
    const mailer = options.wrapMailer ? options.wrapMailer(folder) : folder;
    mailWorker = localMailWorker({
      db,
      names,
      mailer,
      log,
      ...(options.now ? { now: options.now } : {}),
      ...(options.mailWorker ? { worker: options.mailWorker } : {}),
    });
    const app = createLocalApp({
      dynamodbEndpoint: dynamodb.url,
      s3Endpoint: s3.url,
      names,
      documents,
      translations,
      mailer,
      mailOwed: mailWorker.notify,
      mailDir: options.mailDir,
      log,
      staffAuth,
      ...(options.staffAuth?.keys ? { staffKeys: options.staffAuth.keys } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    const api = await startApiServer(app, options.ports?.api ?? 0);
    started.push(api);
    const figuresDeps = { store: dynamoServiceFiguresStore(db, names), now: options.now ?? Date.now, log };
    const publishFigures = () => {
      const run = publishServiceFigures(figuresDeps);
      publishing = run.catch(() => {});
      return run;
    };
    // In the background: a failure is logged and the next run tries again, as the schedule does on AWS.
    const publishInBackground = () => void publishFigures().catch((error) => log.error('service-figures.failed', error));
    publishInBackground();
    figuresTimer = setInterval(publishInBackground, SERVICE_FIGURES_EVERY_MS);
    figuresTimer.unref();
    return {
      api,
      dynamodb,
      s3,
      ...(cognito ? { cognito } : {}),
      staffAuth,
      names,
      documents,
      translations,
      db,
      s3Client,
      mailDir: options.mailDir,
      mailWorker,
      publishServiceFigures: publishFigures,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
