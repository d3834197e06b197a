// The local stack itself: tables made from the shared definitions, data kept on disk, and `npm run dev`'s orchestrator starting and stopping cleanly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { TABLES, resourceNames, type TableName } from '../../functions/resources.ts';
import { startDynamo } from '../../functions/local/servers.ts';
import { localClients } from '../../functions/local/stack.ts';
import { ensureTables } from '../../functions/storage/provision.ts';
import { postInquiry, validInquiry } from './helpers.ts';

const root = resolve(import.meta.dirname, '../..');

describe('tables from the shared definitions', () => {
  it('are created as defined, left alone when they match, and refused with a fix when they do not', async () => {
    const dynamo = await startDynamo({ port: 0 });
    try {
      const { raw } = localClients(dynamo.url, 'http://127.0.0.1:9');
      const names = resourceNames();
      expect((await ensureTables(raw, names)).sort()).toEqual(Object.values(names.tables).sort());
      for (const [key, def] of Object.entries(TABLES) as [TableName, (typeof TABLES)[TableName]][]) {
        const table = (await raw.send(new DescribeTableCommand({ TableName: names.tables[key] }))).Table!;
        expect(table.TableStatus).toBe('ACTIVE');
        expect(table.KeySchema?.[0]).toEqual({ AttributeName: def.partitionKey.name, KeyType: 'HASH' });
        expect((table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName)).toEqual(def.globalIndexes.map((i) => i.name));
      }
      expect(await ensureTables(raw, names)).toEqual([]);

      const stale = resourceNames({}, 'stale-');
      await raw.send(
        new CreateTableCommand({
          TableName: stale.tables.inquiries,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        }),
      );
      await expect(ensureTables(raw, stale)).rejects.toThrow(/older definition.*delete \.local\/dynamodb/s);
    } finally {
      await dynamo.close();
    }
  });
});

describe('npm run dev (API part)', () => {
  it('starts every part on loopback, prints where each is, announces mail, keeps data on disk and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'camau-dev-'));
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/dev/start.ts'), '--api-only'], {
      cwd: root,
      env: { ...process.env, LOCAL_DATA_DIR: dataDir, API_PORT: '0', DYNAMODB_PORT: '0', S3_PORT: '0', COGNITO_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const waitFor = async (pattern: RegExp) => {
      // Start-up generates the factsheets and seeds the sign-in first: allow it a while on a slow machine.
      for (let i = 0; i < 1200 && !pattern.test(output); i++) await new Promise((r) => setTimeout(r, 50));
      expect(output).toMatch(pattern);
    };
    try {
      await waitFor(/Press Ctrl-C/);
      const urls = [...output.matchAll(/http:\/\/([\d.]+):(\d+)/g)];
      expect(urls.length).toBeGreaterThanOrEqual(3);
      for (const [, host] of urls) expect(host).toBe('127.0.0.1');
      expect(output).toMatch(/DynamoDB +http/);
      expect(output).toMatch(/S3 +http/);
      expect(output).toMatch(/Mail +/);
      // The staff sign-in runs on loopback, and the terminal says how to sign in.
      expect(output).toMatch(/Sign-in +http:\/\/127\.0\.0\.1:\d+ +\(cognito-local; pool local_\w+, app client \w+/);
      expect(output).toMatch(/Staff +.*user staff@invest\.localhost +password \S+/);
      const api = /API +(http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;

      expect((await fetch(`${api}/api/health`)).status).toBe(200);
      const key = crypto.randomUUID();
      const answer = await postInquiry(api, validInquiry(), { key });
      expect(answer.status).toBe(201);
      await waitFor(new RegExp(`\\[mail\\] acknowledgement: "[^"]*${answer.body.reference}`));
      // The development log names the reference, never the investor.
      for (const trace of ['aiko@example.jp', 'Aiko Tanaka', 'land in Khanh An']) expect(output).not.toContain(trace);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('Stopped: API, staff sign-in, S3 and DynamoDB.');
      await expect(fetch(`${api}/api/health`)).rejects.toThrow();

      // The inquiry outlives the process: dynalite kept it under the data folder.
      const dynamo = await startDynamo({ port: 0, path: join(dataDir, 'dynamodb') });
      try {
        const { db } = localClients(dynamo.url, 'http://127.0.0.1:9');
        const item = await db.send(
          new GetCommand({ TableName: resourceNames().tables.inquiries, Key: { idempotencyKey: key }, ConsistentRead: true }),
        );
        expect(item.Item?.reference).toBe(answer.body.reference);
      } finally {
        await dynamo.close();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
