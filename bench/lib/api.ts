// API figures: inquiry throughput and latency on the local stack beside a bare one-put endpoint, bundle sizes, cold imports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { buildFunctions, type LambdaName } from '../../functions/build.ts';
import { startLocalStack } from '../../functions/local/stack.ts';
import { silentLog } from '../../functions/api/log.ts';
import { projectPath } from '#content-files/project-path.ts';
import { BUCKETS, TABLES } from '../../functions/resources.ts';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface ApiFigures {
  connections: number;
  seconds: number;
  inquiries: LoadResult;
  bare: LoadResult;
  bundles: Record<LambdaName, { bytes: number; gzipBytes: number; coldImportMs: number }>;
}

function inquiryBody(n: number): string {
  return JSON.stringify({
    name: `Bench Investor ${n}`,
    email: `bench${n}@example.com`,
    country: 'JP',
    language: 'ja',
    message: 'Benchmark inquiry about land in an industrial park.',
    consent: true,
    consentVersion: 'bench',
    // Old enough that the too-fast screen lets it through.
    startedAt: Date.now() - 60_000,
  });
}

async function load(
  url: string,
  connections: number,
  seconds: number,
  body: () => { headers: Record<string, string>; body: string },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => {
          const next = body();
          return { ...request, method: 'POST', headers: { 'content-type': 'application/json', ...next.headers }, body: next.body };
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** What the CDK stack sets on the functions, with placeholder values: importing a handler reads its configuration. */
const LAMBDA_ENV: Record<string, string> = {
  ...Object.fromEntries([...Object.values(TABLES), ...Object.values(BUCKETS)].map((resource) => [resource.envVar, `bench-${resource.id}`])),
  MAIL_FROM: 'bench@example.org',
  STAFF_EMAIL: 'staff@example.org',
  STAFF_AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_bench',
  STAFF_AUTH_CLIENT_ID: 'bench',
  AWS_REGION: 'ap-southeast-1',
};

function coldImportMs(file: string, runs = 5): number {
  const times = Array.from({ length: runs }, () =>
    Number(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`,
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, ...LAMBDA_ENV },
        },
      ).trim(),
    ),
  );
  return Math.round([...times].sort((a, b) => a - b)[Math.floor(runs / 2)]! * 10) / 10;
}

export async function measureApi(connections = 20, seconds = 10): Promise<ApiFigures> {
  const root = mkdtempSync(join(tmpdir(), 'invest-bench-'));
  const stack = await startLocalStack({
    documentsDir: [projectPath('content', 'documents')],
    mailDir: join(root, 'mail'),
    ports: { api: 0, dynamodb: 0, s3: 0 },
    log: silentLog,
  });
  // The baseline: the least an inquiry endpoint can do, one DynamoDB put, on the same server library and table.
  const bare = new Hono().post('/bare', async (c) => {
    const item = await c.req.json<Record<string, unknown>>();
    await stack.db.send(
      new PutCommand({ TableName: stack.names.tables.inquiries, Item: { idempotencyKey: crypto.randomUUID(), ...item } }),
    );
    return c.json({ status: 'received' }, 201);
  });
  const bareServer = serve({ fetch: bare.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => bareServer.once('listening', resolve));
  const barePort = (bareServer.address() as { port: number }).port;
  let n = 0;
  // Many investors, as in production: each request from its own address and e-mail, so the real rate limits apply
  // and none is reached. (One client sending thousands would only measure the rate limiter refusing it.)
  const next = () => {
    n++;
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    return { headers: { 'idempotency-key': crypto.randomUUID(), 'x-forwarded-for': address }, body: inquiryBody(n) };
  };
  try {
    // A short warm-up so both sides are measured with JIT-compiled code.
    await load(`${stack.api.url}/api/inquiries`, connections, 2, next);
    const inquiries = await load(`${stack.api.url}/api/inquiries`, connections, seconds, next);
    await load(`http://127.0.0.1:${barePort}/bare`, connections, 2, next);
    const bareResult = await load(`http://127.0.0.1:${barePort}/bare`, connections, seconds, next);
    const outDir = join(root, 'lambda');
    const bundles = await buildFunctions(outDir);
    const sizes = Object.fromEntries(
      (Object.entries(bundles) as [LambdaName, string][]).map(([name, file]) => [
        name,
        { bytes: statSync(file).size, gzipBytes: gzipSync(readFileSync(file)).length, coldImportMs: coldImportMs(file) },
      ]),
    ) as ApiFigures['bundles'];
    return { connections, seconds, inquiries, bare: bareResult, bundles: sizes };
  } finally {
    bareServer.close();
    await stack.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
