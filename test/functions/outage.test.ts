// DynamoDB down before or in the middle of a request: 503 with Retry-After, nothing half-written, nothing internal in the answer.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createApp, healthRoutes } from '../../functions/api/app.ts';
import { DEFAULT_LIMITS } from '../../functions/api/deps.ts';
import { inquiryRoutes } from '../../functions/api/inquiries.ts';
import type { Log } from '../../functions/api/log.ts';
import { localClientAddress } from '../../functions/local/client-address.ts';
import { folderMailer } from '../../functions/local/mail-folder.ts';
import { startApiServer, type Running } from '../../functions/local/servers.ts';
import { createLocalApp, localClients } from '../../functions/local/stack.ts';
import { dynamoInquiryStore, dynamoRateLimiter } from '../../functions/storage/dynamodb.ts';
import { postInquiry, readMails, send, startTestStack, validInquiry, type TestStack } from './helpers.ts';

let stack: TestStack;
const logged: string[] = [];
const recordingLog: Log = { info: () => {}, error: (event, error) => logged.push(`${event}: ${(error as Error)?.message}`) };

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.cleanup());

/** A port that was free a moment ago and has nothing listening on it now. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP relay in front of dynalite that can be cut like a network outage, and mended. */
async function relay(target: number): Promise<{ url: string; cut(): Promise<void>; mend(): void; close(): Promise<void> }> {
  let down = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    mend() {
      down = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function expectUnavailable(answer: { status: number; headers: Headers; body: unknown; text: string }) {
  expect(answer.status).toBe(503);
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(answer.body).toEqual({ errors: [{ code: 'unavailable' }] });
  // Nothing internal: no table names, endpoints, SDK errors or stack traces.
  for (const secret of ['camau-local', '127.0.0.1', 'ECONNREFUSED', 'Error', 'at ', 'dynamo']) expect(answer.text).not.toContain(secret);
}

describe('DynamoDB unreachable from the start', () => {
  let api: Running;
  beforeAll(async () => {
    const app = createLocalApp({
      dynamodbEndpoint: `http://127.0.0.1:${await deadPort()}`,
      s3Endpoint: stack.s3.url,
      names: stack.names,
      documents: stack.documents,
      mailer: folderMailer(stack.mailDir),
      log: recordingLog,
    });
    api = await startApiServer(app, 0);
  });
  afterAll(async () => api?.close());

  it('answers inquiries and downloads 503 with Retry-After, sends no mail, and logs the cause for us', async () => {
    await stack.mailWorker.idle();
    const mails = readMails(stack.mailDir).length;
    expectUnavailable(await postInquiry(api.url, validInquiry()));
    expectUnavailable(await send(api.url, '/api/downloads/investment-guide', { json: { language: 'en' } }));
    expect(readMails(stack.mailDir)).toHaveLength(mails);
    expect(logged.some((line) => line.startsWith('storage.unavailable'))).toBe(true);
  });

  it('still answers the health check, which does not depend on storage', async () => {
    expect((await send(api.url, '/api/health', { method: 'GET' })).status).toBe(200);
  });
});

describe('DynamoDB lost in the middle of a request', () => {
  it('answers 503, writes no inquiry and no mail; the retry with the same key then succeeds once', async () => {
    const network = await relay(stack.dynamodb.port);
    const { db } = localClients(network.url, stack.s3.url);
    const store = dynamoInquiryStore(db, stack.names);
    let cutBeforeWrite = true;
    const app = createApp(recordingLog, [
      healthRoutes,
      inquiryRoutes({
        now: Date.now,
        log: recordingLog,
        clientAddress: localClientAddress,
        // The look-up and the rate counters have gone through; the connection dies just before the write.
        inquiries: {
          findByIdempotencyKey: (key) => store.findByIdempotencyKey(key),
          async create(record, owed) {
            if (cutBeforeWrite) await network.cut();
            return store.create(record, owed);
          },
        },
        rateLimiter: dynamoRateLimiter(db, stack.names),
        limits: DEFAULT_LIMITS.inquiries,
        mailOwed: stack.mailWorker.notify,
      }),
    ]);
    const api = await startApiServer(app, 0);
    try {
      const key = crypto.randomUUID();
      const body = validInquiry({ email: 'outage@example.jp' });
      const mails = readMails(stack.mailDir).length;

      expectUnavailable(await postInquiry(api.url, body, { key }));
      await stack.mailWorker.idle();
      const direct = await stack.db.send(
        new GetCommand({ TableName: stack.names.tables.inquiries, Key: { idempotencyKey: key }, ConsistentRead: true }),
      );
      expect(direct.Item).toBeUndefined();
      expect(readMails(stack.mailDir)).toHaveLength(mails);

      network.mend();
      cutBeforeWrite = false;
      const retry = await postInquiry(api.url, body, { key });
      expect(retry.status).toBe(201);
      const again = await postInquiry(api.url, body, { key });
      expect(again.body.reference).toBe(retry.body.reference);
      await stack.mailWorker.idle();
      expect(readMails(stack.mailDir)).toHaveLength(mails + 2);
    } finally {
      await api.close();
      await network.close();
    }
  });
});
