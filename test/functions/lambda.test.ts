// The Lambda bundles, run by plain Node with API Gateway v2 events: the deployed code path, against dynalite and a stand-in SES endpoint.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { lambdaClientAddress } from '../../functions/api/aws.ts';
import { buildFunctions, type LambdaName } from '../../functions/build.ts';
import { TRANSLATION_REPORT_FILE } from '#content-files/translations.ts';
import { REFERENCE_PATTERN } from '#domain/inquiries/reference.ts';
import { startTestStack, validInquiry, type TestStack } from './helpers.ts';
import { startTestPool } from './staff-support.ts';

const run = promisify(execFile);

let stack: TestStack;
let outDir: string;
let bundles: Record<LambdaName, string>;
let ses: Server;
let sesUrl: string;
const sent: { path: string; body: any }[] = [];

beforeAll(async () => {
  // The local stack's own mail worker would sweep the same table; here the mail bundle alone must send.
  stack = await startTestStack({ mailWorker: { sweepMs: 3_600_000 } });
  outDir = mkdtempSync(join(tmpdir(), 'camau-lambda-'));
  bundles = await buildFunctions(outDir, [stack.documentsDir]);
  // SESv2's SendEmail is a JSON POST; this stand-in records it and answers like SES.
  ses = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      sent.push({ path: req.url ?? '', body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ MessageId: `m-${sent.length}` }));
    });
  });
  await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', () => resolve()));
  sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  // Bundling takes a few seconds; a stuck build should fail here, not hold the run for the global hook timeout.
}, 90_000);
afterAll(async () => {
  await new Promise((resolve) => ses?.close(resolve));
  await stack?.cleanup();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function event(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.org', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.org',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.20', userAgent: 'vitest' },
      requestId: 'request',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    body: body === undefined ? null : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

/** Runs a bundle's handler in a fresh Node process, as a Lambda cold start would. */
async function invoke(name: LambdaName, lambdaEvent: unknown, env: Record<string, string> = {}) {
  const runner = join(outDir, `run-${name}.mjs`);
  writeFileSync(
    runner,
    `const { handler } = await import(${JSON.stringify(`file://${bundles[name]}`)});\n` +
      `const result = await handler(JSON.parse(process.argv[2]), {});\nprocess.stdout.write('RESULT ' + JSON.stringify(result));\n`,
  );
  const { stdout } = await run(process.execPath, [runner, JSON.stringify(lambdaEvent)], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      INQUIRIES_TABLE: stack.names.tables.inquiries,
      DOWNLOADS_TABLE: stack.names.tables.downloads,
      RATE_LIMITS_TABLE: stack.names.tables.rateLimits,
      DOCUMENTS_BUCKET: stack.names.buckets.documents,
      ...env,
    },
  });
  const result = JSON.parse(stdout.slice(stdout.indexOf('RESULT ') + 7));
  return { ...result, json: result.body ? JSON.parse(result.body) : undefined, logs: stdout.slice(0, stdout.indexOf('RESULT ')) };
}

describe('the client address on Lambda', () => {
  const app = (env: Record<string, string | undefined>) => {
    const hono = new Hono();
    hono.get('/who', (c) => c.text(lambdaClientAddress(env)(c)));
    return hono;
  };
  const lambdaEnv = { requestContext: { http: { sourceIp: '198.51.100.1' } } };

  it("is API Gateway's source IP unless CloudFront's viewer address is trusted", async () => {
    const headers = { 'cloudfront-viewer-address': '203.0.113.9:51234' };
    expect(await (await app({}).request('/who', { headers }, lambdaEnv)).text()).toBe('198.51.100.1');
    expect(await (await app({ TRUST_VIEWER_ADDRESS: '1' }).request('/who', { headers }, lambdaEnv)).text()).toBe('203.0.113.9');
    const ipv6 = { 'cloudfront-viewer-address': '2001:db8::7:443' };
    expect(await (await app({ TRUST_VIEWER_ADDRESS: '1' }).request('/who', { headers: ipv6 }, lambdaEnv)).text()).toBe('2001:db8::7');
    expect(await (await app({ TRUST_VIEWER_ADDRESS: '1' }).request('/who', {}, lambdaEnv)).text()).toBe('198.51.100.1');
  });
});

describe('Lambda bundles', () => {
  it('health answers 200 {"status":"ok"}', async () => {
    const result = await invoke('health', event('GET', '/api/health'));
    expect(result.statusCode).toBe(200);
    expect(result.json).toEqual({ status: 'ok' });
  });

  it('inquiries stores the inquiry with its mails owed; the mail function, given the stream record, sends both through SES once', async () => {
    const key = crypto.randomUUID();
    const mailEnv = {
      AWS_ENDPOINT_URL_DYNAMODB: stack.dynamodb.url,
      AWS_ENDPOINT_URL_SESV2: sesUrl,
      MAIL_FROM: 'Ca Mau Invest <no-reply@invest.example.org>',
      STAFF_EMAIL: 'ir@invest.example.org',
    };
    const result = await invoke(
      'inquiries',
      event('POST', '/api/inquiries', validInquiry({ name: '<b>Aiko</b>' }), { 'idempotency-key': key }),
      { AWS_ENDPOINT_URL_DYNAMODB: stack.dynamodb.url },
    );
    expect(result.statusCode).toBe(201);
    expect(result.json.reference).toMatch(REFERENCE_PATTERN);
    const read = async () =>
      (await stack.db.send(new GetCommand({ TableName: stack.names.tables.inquiries, Key: { idempotencyKey: key }, ConsistentRead: true })))
        .Item;
    const item = await read();
    expect(item?.reference).toBe(result.json.reference);
    // The request path sent nothing: the mails are owed in the record it wrote.
    expect(sent).toHaveLength(0);
    expect(item?.mailOwed).toEqual(new Set(['acknowledgement', 'staff-notification']));

    // What the table's stream hands the mail function for a new inquiry (keys only are read), delivered twice as a retry would be.
    const streamEvent = {
      Records: [{ eventName: 'INSERT', dynamodb: { Keys: { idempotencyKey: { S: key } }, SequenceNumber: '100' } }],
    };
    const first = await invoke('mail', streamEvent, mailEnv);
    expect(first).toMatchObject({ batchItemFailures: [] });
    const again = await invoke('mail', streamEvent, mailEnv);
    expect(again).toMatchObject({ batchItemFailures: [] });
    const sweep = await invoke('mail', { source: 'aws.scheduler' }, mailEnv);
    expect(sweep).toMatchObject({ failed: 0 });

    const mails = sent.map((s) => Buffer.from(s.body.Content.Raw.Data, 'base64').toString('utf8'));
    expect(sent.every((s) => s.path === '/v2/email/outbound-emails')).toBe(true);
    expect(mails).toHaveLength(2);
    expect(mails.some((m) => m.includes('To: aiko@example.jp'))).toBe(true);
    expect(mails.some((m) => m.includes('To: ir@invest.example.org'))).toBe(true);
    const settled = await read();
    expect(settled?.mailOwed).toBeUndefined();
    expect(Object.keys(settled?.mailSettled ?? {}).sort()).toEqual(['acknowledgement', 'staff-notification']);
    // Logs are JSON lines with ids only: no name, e-mail or message.
    const logs = result.logs
      .trim()
      .split('\n')
      .map((line: string) => JSON.parse(line));
    expect(logs).toContainEqual(expect.objectContaining({ level: 'info', event: 'inquiry.received', reference: result.json.reference }));
    for (const output of [result.logs, first.logs, again.logs]) expect(output).not.toContain('aiko@example.jp');
    expect(first.logs).toContain('mail.sent');
  });

  it('inquiries answers 503 with Retry-After and a bare code when DynamoDB is unreachable', async () => {
    const result = await invoke('inquiries', event('POST', '/api/inquiries', validInquiry(), { 'idempotency-key': crypto.randomUUID() }), {
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    });
    expect(result.statusCode).toBe(503);
    expect(result.headers['retry-after']).toBe('5');
    expect(result.json).toEqual({ errors: [{ code: 'unavailable' }] });
  });

  it('staff answers the translation report bundled beside it, the same as the local stack', async () => {
    const pool = await startTestPool();
    try {
      const env = {
        STAFF_AUTH_ISSUER: pool.config.issuer,
        STAFF_AUTH_CLIENT_ID: pool.config.clientId,
        MAIL_FROM: 'no-reply@invest.example.org',
        STAFF_EMAIL: 'ir@invest.example.org',
      };
      const result = await invoke(
        'staff',
        event('GET', '/api/staff/translations', undefined, { authorization: `Bearer ${await pool.token()}` }),
        env,
      );
      expect(result.statusCode).toBe(200);
      expect(result.json).toEqual(JSON.parse(readFileSync(join(outDir, 'staff', TRANSLATION_REPORT_FILE), 'utf8')));
      // Both made from content/ by the same code; only the moment differs.
      expect({ ...result.json, generatedAt: null }).toEqual(JSON.parse(JSON.stringify({ ...stack.translations, generatedAt: null })));
      expect(result.json.entries.length).toBeGreaterThan(10);
      expect((await invoke('staff', event('GET', '/api/staff/translations'), env)).statusCode).toBe(401);
    } finally {
      await pool.close();
    }
  });

  it('downloads knows the documents bundled beside it', async () => {
    const unknown = await invoke('downloads', event('POST', '/api/downloads/no-such-document', { language: 'en' }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json).toEqual({ errors: [{ code: 'not_found' }] });
    const invalid = await invoke('downloads', event('POST', '/api/downloads/land-prices', { language: 'en' }));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json.errors[0]).toEqual({ field: 'name', code: 'required' });
  });
});
