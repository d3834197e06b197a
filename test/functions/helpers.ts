// Shared test helpers: a local stack on free loopback ports with fixture documents, HTTP shortcuts, and readers for stored data and mail.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { silentLog } from '../../functions/api/log.ts';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../functions/local/stack.ts';
import type { TableName } from '../../functions/resources.ts';

export const GUIDE_PDF = Buffer.from(
  '%PDF-1.4\n% Ca Mau investment guide (test fixture)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
export const PRICE_CSV = Buffer.from('zone,price_usd_per_m2\nkhanh-an,60\n');

/** A content/documents folder as a publisher would write it: one public document, one that asks for lead details. */
export function writeFixtureDocuments(dir: string): void {
  writeFileSync(join(dir, 'investment-guide.pdf'), GUIDE_PDF);
  writeFileSync(
    join(dir, 'investment-guide.yaml'),
    [
      'id: investment-guide',
      'title:',
      '  en: Investment guide',
      '  ja: 投資ガイド',
      'language: en',
      'format: pdf',
      'version: 2',
      'date: 2026-01-15',
      'file: investment-guide.pdf',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'land-prices.csv'), PRICE_CSV);
  writeFileSync(
    join(dir, 'land-prices.yaml'),
    [
      'id: land-prices',
      'title:',
      '  en: Land lease prices',
      'language: en',
      'format: csv',
      'version: 1',
      'date: 2026-02',
      'file: land-prices.csv',
      'requiresLead: true',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'README.md'), 'Test fixtures.\n');
}

export interface TestStack extends LocalStack {
  root: string;
  documentsDir: string;
  cleanup(): Promise<void>;
}

/** Everything in memory or in a temporary folder, on ports the OS picks; limits high unless a test sets its own. */
export async function startTestStack(options: Partial<LocalStackOptions> = {}): Promise<TestStack> {
  const root = mkdtempSync(join(tmpdir(), 'camau-test-'));
  const documentsDir = join(root, 'documents');
  mkdirSync(documentsDir);
  writeFixtureDocuments(documentsDir);
  const stack = await startLocalStack({
    documentsDir,
    mailDir: join(root, 'mail'),
    ports: { api: 0, dynamodb: 0, s3: 0 },
    log: silentLog,
    limits: {
      inquiries: { perClient: { limit: 100_000, windowSeconds: 3600 }, perEmail: { limit: 100_000, windowSeconds: 3600 } },
      downloads: { perClient: { limit: 100_000, windowSeconds: 600 } },
    },
    ...options,
  });
  return {
    ...stack,
    root,
    documentsDir,
    async cleanup() {
      await stack.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function validInquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Aiko Tanaka',
    email: 'aiko@example.jp',
    company: 'Tanaka Seafoods',
    country: 'JP',
    sector: 'seafood-processing',
    investmentSize: '10m-50m',
    language: 'ja',
    message: 'We would like to know about land in Khanh An industrial park.',
    itemId: 'ip-khanh-an',
    consent: true,
    consentVersion: '2026-01',
    ...overrides,
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export async function send(baseUrl: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    ...rest,
    headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(rest.headers as Record<string, string>) },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** POST /api/inquiries with a fresh key unless one is given; `ip` becomes X-Forwarded-For, which the local server trusts from loopback. */
export function postInquiry(baseUrl: string, body: unknown, options: { key?: string | null; ip?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.key !== null) headers['Idempotency-Key'] = options.key ?? crypto.randomUUID();
  if (options.ip) headers['X-Forwarded-For'] = options.ip;
  return send(baseUrl, '/api/inquiries', { json: body, headers });
}

export async function scanAll(db: DynamoDBDocumentClient, tableName: string): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let start: Record<string, any> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

export async function countItems(stack: Pick<LocalStack, 'db' | 'names'>, table: TableName): Promise<number> {
  return (await scanAll(stack.db, stack.names.tables[table])).length;
}

export interface ReadMail {
  file: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

function decodeWord(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

/** Reads an .eml the way a mail client would: headers, then each base64 part of the multipart body. */
export function readEml(file: string): ReadMail {
  const raw = readFileSync(file, 'utf8');
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'] ?? '')?.[1];
  const parts: Record<string, string> = {};
  for (const part of rest.join('\r\n\r\n').split(`--${boundary}`)) {
    const type = /Content-Type: ([^;\r\n]+)/.exec(part)?.[1];
    const body = part.split('\r\n\r\n')[1];
    if (type && body !== undefined) parts[type] = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return {
    file,
    headers,
    subject: decodeWord(headers.subject ?? ''),
    text: parts['text/plain'] ?? '',
    html: parts['text/html'] ?? '',
    raw,
  };
}

export function readMails(dir: string): ReadMail[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => readEml(join(dir, name)));
}
