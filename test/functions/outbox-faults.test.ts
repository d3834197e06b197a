// Faults on the inquiry path against the local stack: lost answers, a hung database, a dead one, a failing mail service.
// In each: every stored inquiry gets its acknowledgement and staff notice, and no mail reaches the mailbox twice.
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { REQUEST_DEADLINE_MS } from '../../functions/api/app.ts';
import type { Log } from '../../functions/api/log.ts';
import { folderMailer } from '../../functions/local/mail-folder.ts';
import type { LocalMailWorker } from '../../functions/local/mail-worker.ts';
import { startApiServer, type Running } from '../../functions/local/servers.ts';
import { createLocalApp, localClients, localMailWorker } from '../../functions/local/stack.ts';
import type { MailMessage, Mailer } from '../../functions/mail/mailer.ts';
import { eraseInquiry } from '#domain/inquiries/staff/erasure.ts';
import type { ReceivedInquiry } from '#domain/inquiries/record.ts';
import { LOCAL_MAIL } from '../../functions/api/deps.ts';
import { INQUIRY_MAILS, mailId } from '../../functions/outbox/mails.ts';
import { mailHandler } from '../../functions/outbox/stream.ts';
import { dynamoInquiryStore } from '../../functions/storage/dynamodb.ts';
import { dynamoMailOutbox } from '../../functions/storage/outbox-dynamodb.ts';
import { dynamoStaffInquiryStore } from '../../functions/storage/staff-dynamodb.ts';
import { faultyDynamo, type Fault, type FaultyDynamo } from './faulty-dynamo.ts';
import { postInquiry, readEml, startTestStack, validInquiry, type TestStack } from './helpers.ts';

/** Each test waits on sweeps, retries and (for the hangs) the clients' timeouts: room for a busy shared machine. */
const SLOW = 90_000;

let stack: TestStack;
const errors: string[] = [];
const log: Log = { info: () => {}, error: (event) => errors.push(event) };

beforeAll(async () => {
  // The stack's own worker must not send for these tests' inquiries: each test runs its worker through its own faults.
  stack = await startTestStack({ mailWorker: { sweepMs: 3_600_000 } });
});
afterAll(async () => stack?.cleanup());

/** A mail service in front of a folder: counts what it accepted, and fails (before or after accepting) on demand. */
function mailService(dir: string) {
  const folder = folderMailer(dir);
  const service = {
    accepted: [] as string[],
    mode: 'up' as 'up' | 'down' | 'lose-answer',
    mailer: {
      async send(message: MailMessage) {
        if (service.mode === 'down') throw Object.assign(new Error(`refused mail to ${message.to}`), { name: 'ServiceUnavailable' });
        await folder.send(message);
        service.accepted.push(message.id ?? '?');
        if (service.mode === 'lose-answer') throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      },
    } satisfies Mailer,
  };
  return service;
}

interface Rig {
  dynamo: FaultyDynamo;
  api: Running;
  worker: LocalMailWorker;
  mail: ReturnType<typeof mailService>;
  mailDir: string;
  close(): Promise<void>;
}

/** The API and the mail worker, both reaching dynalite through a relay that can misbehave. */
async function rig(options: { leaseMs?: number } = {}): Promise<Rig> {
  const dynamo = await faultyDynamo(stack.dynamodb.port);
  const mailDir = mkdtempSync(join(stack.root, 'mail-'));
  const mail = mailService(mailDir);
  const worker = localMailWorker({
    db: localClients(dynamo.url, stack.s3.url).db,
    names: stack.names,
    mailer: mail.mailer,
    log,
    worker: { sweepMs: 200, retryDelaysMs: [50, 100] },
    leaseMs: options.leaseMs ?? 1500,
  });
  const app = createLocalApp({
    dynamodbEndpoint: dynamo.url,
    s3Endpoint: stack.s3.url,
    names: stack.names,
    documents: stack.documents,
    mailer: mail.mailer,
    log,
    mailOwed: worker.notify,
    // Every test here posts from one loopback address: the limits are not what is tested.
    limits: { inquiries: { perClient: { limit: 100_000, windowSeconds: 3600 }, perEmail: { limit: 100_000, windowSeconds: 3600 } } },
  });
  const api = await startApiServer(app, 0);
  return {
    dynamo,
    api,
    worker,
    mail,
    mailDir,
    async close() {
      await worker.stop();
      await api.close();
      await dynamo.close();
    },
  };
}

async function stored(key: string) {
  const out = await stack.db.send(
    new GetCommand({ TableName: stack.names.tables.inquiries, Key: { idempotencyKey: key }, ConsistentRead: true }),
  );
  return out.Item;
}

/** Polls until `check` passes (the sweep runs every 200 ms), then returns; fails with the last error after `ms`. */
async function eventually(check: () => Promise<void> | void, ms = 40_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The promise: a stored inquiry has both its mails in the mailbox, one file per mail (the folder keeps one per id),
 * nothing left owed; an inquiry that was not stored has none. `accepted` is what the mail service took: each mail once,
 * unless the test lost the service's answer on purpose.
 */
async function expectMailedOnce(r: Rig, key: string, options: { resent?: string[] } = {}) {
  const item = await stored(key);
  expect(item, 'the inquiry is stored').toBeDefined();
  await eventually(async () => expect((await stored(key))?.mailOwed).toBeUndefined());
  const settled = (await stored(key))?.mailSettled ?? {};
  for (const mail of INQUIRY_MAILS) {
    const id = mailId(key, mail);
    const files = readdirSync(r.mailDir).filter((name) => name.endsWith(`${id}.eml`));
    expect(files, `${mail} in the mailbox once`).toHaveLength(1);
    expect(readEml(join(r.mailDir, files[0]!)).headers['message-id']).toMatch(new RegExp(`^<${id.replace(/\./g, '\\.')}@`));
    expect(String(settled[mail])).toMatch(/^sent /);
    const times = r.mail.accepted.filter((accepted) => accepted === id).length;
    // Resent only where the test made the worker lose track of a mail the service had taken.
    if (options.resent?.includes(mail)) expect(times, `${mail} taken by the mail service again`).toBeGreaterThanOrEqual(2);
    else expect(times, `${mail} taken by the mail service once`).toBe(1);
  }
  expect(item?.reference).toMatch(/^CM-/);
}

const isInquiryPut = (call: { operation: string; table?: string }) =>
  call.operation === 'PutItem' && call.table === stack.names.tables.inquiries;

describe('a write whose answer is lost', () => {
  it(
    "the SDK's own retry finds the record it wrote: one inquiry, answered 201, mailed once",
    async () => {
      const r = await rig();
      try {
        let lost = 0;
        r.dynamo.fault = (call): Fault => (isInquiryPut(call) && lost++ === 0 ? 'lose-answer' : 'pass');
        const key = crypto.randomUUID();
        const answer = await postInquiry(r.api.url, validInquiry({ email: 'lost-once@example.jp' }), { key });
        expect(answer.status).toBe(201);
        expect(lost).toBe(2);
        await r.worker.idle();
        await expectMailedOnce(r, key);
      } finally {
        await r.close();
      }
    },
    SLOW,
  );

  it(
    'every attempt loses its answer: 503 to the visitor, the inquiry is stored and mailed anyway, the retry gets its reference',
    async () => {
      const r = await rig();
      try {
        let losing = true;
        r.dynamo.fault = (call): Fault => (losing && isInquiryPut(call) ? 'lose-answer' : 'pass');
        const key = crypto.randomUUID();
        const body = validInquiry({ email: 'lost-always@example.jp' });
        const answer = await postInquiry(r.api.url, body, { key });
        expect(answer.status).toBe(503);
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
        // Nobody told the worker; the sweep finds the owed mails in the record that did land.
        await expectMailedOnce(r, key);

        losing = false;
        const retry = await postInquiry(r.api.url, body, { key });
        expect(retry.status).toBe(201);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        expect(retry.body.reference).toBe((await stored(key))?.reference);
        await r.worker.idle();
        await expectMailedOnce(r, key);
      } finally {
        await r.close();
      }
    },
    SLOW,
  );
});

describe('a database that hangs', () => {
  it(
    'accepting connections and never answering: 503 with Retry-After within the request deadline, nothing stored, no mail',
    async () => {
      const r = await rig();
      try {
        r.dynamo.fault = () => 'hang';
        const key = crypto.randomUUID();
        const started = Date.now();
        const answer = await postInquiry(r.api.url, validInquiry({ email: 'hung@example.jp' }), { key });
        const took = Date.now() - started;
        expect(answer.status).toBe(503);
        expect(answer.body).toEqual({ errors: [{ code: 'unavailable' }] });
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
        // The promise is an answer before the deadline, not a speed: the slack is for a busy machine.
        expect(took).toBeLessThan(REQUEST_DEADLINE_MS + 1000);
        r.dynamo.fault = () => 'pass';
        expect(await stored(key)).toBeUndefined();
        await r.worker.sweep();
        await r.worker.idle();
        expect(readdirSync(r.mailDir)).toEqual([]);
      } finally {
        await r.close();
      }
    },
    SLOW,
  );

  it(
    'hanging after the write landed: 503 in time, then the mails go once and the retry gets the same reference',
    async () => {
      const r = await rig();
      try {
        let hanging = true;
        r.dynamo.fault = (call): Fault => (hanging && isInquiryPut(call) ? 'hang-after' : 'pass');
        const key = crypto.randomUUID();
        const body = validInquiry({ email: 'hung-after@example.jp' });
        const started = Date.now();
        const answer = await postInquiry(r.api.url, body, { key });
        expect(answer.status).toBe(503);
        expect(Date.now() - started).toBeLessThan(REQUEST_DEADLINE_MS + 1000);
        await expectMailedOnce(r, key);
        hanging = false;
        const retry = await postInquiry(r.api.url, body, { key });
        expect(retry.status).toBe(201);
        expect(retry.body.reference).toBe((await stored(key))?.reference);
        await r.worker.idle();
        await expectMailedOnce(r, key);
      } finally {
        await r.close();
      }
    },
    SLOW,
  );
});

describe('a database that dies and comes back', () => {
  it(
    'dying right after the inquiry is written: the worker fails, the sweep sends once it is back',
    async () => {
      const r = await rig();
      try {
        let dead = false;
        r.dynamo.fault = (call): Fault => {
          if (dead) return 'down';
          if (isInquiryPut(call)) dead = true; // this write goes through; everything after it finds the database gone
          return 'pass';
        };
        const key = crypto.randomUUID();
        const body = validInquiry({ email: 'died@example.jp' });
        const answer = await postInquiry(r.api.url, body, { key });
        expect(answer.status).toBe(201);
        await r.worker.idle();
        expect(readdirSync(r.mailDir).filter((name) => name.endsWith('.eml'))).toEqual([]);
        expect(errors).toContain('mail.worker.failed');
        // While it is down, new inquiries are refused with 503 and nothing is mailed.
        expect((await postInquiry(r.api.url, validInquiry({ email: 'refused@example.jp' }))).status).toBe(503);

        dead = false;
        r.dynamo.fault = () => 'pass';
        await expectMailedOnce(r, key);
        expect(readdirSync(r.mailDir).filter((name) => name.endsWith('.eml'))).toHaveLength(2);
      } finally {
        await r.close();
      }
    },
    SLOW,
  );

  it(
    'dying between the mail and its settlement: the lease runs out and the same mail id is sent again, kept once',
    async () => {
      const r = await rig({ leaseMs: 500 });
      try {
        let dead = false;
        let settles = 0;
        r.dynamo.fault = (call): Fault => {
          if (dead) return 'down';
          // The first settlement (after the acknowledgement went) is where the database dies.
          if (
            call.operation === 'UpdateItem' &&
            call.table === stack.names.tables.inquiries &&
            r.mail.accepted.length === 1 &&
            settles++ === 0
          ) {
            dead = true;
            return 'down';
          }
          return 'pass';
        };
        const key = crypto.randomUUID();
        expect((await postInquiry(r.api.url, validInquiry({ email: 'died-late@example.jp' }), { key })).status).toBe(201);
        await r.worker.idle();
        dead = false;
        r.dynamo.fault = () => 'pass';
        // The one window the guarantee cannot close: the service took the acknowledgement, nobody recorded it.
        await expectMailedOnce(r, key, { resent: ['acknowledgement'] });
      } finally {
        await r.close();
      }
    },
    SLOW,
  );
});

describe('a mail service that fails, then recovers', () => {
  it(
    'sends nothing while it is down, keeps the mails owed, and sends each once when it is back',
    async () => {
      const r = await rig();
      try {
        r.mail.mode = 'down';
        const keys = [crypto.randomUUID(), crypto.randomUUID()];
        for (const [n, key] of keys.entries())
          expect((await postInquiry(r.api.url, validInquiry({ email: `mail-down-${n}@example.jp` }), { key })).status).toBe(201);
        await r.worker.idle();
        await r.worker.sweep();
        await r.worker.idle();
        for (const key of keys) expect((await stored(key))?.mailOwed).toEqual(new Set(INQUIRY_MAILS));
        expect(readdirSync(r.mailDir).filter((name) => name.endsWith('.eml'))).toEqual([]);
        expect(errors).toContain('mail.failed');

        r.mail.mode = 'up';
        for (const key of keys) await expectMailedOnce(r, key);
        await r.worker.sweep();
        await r.worker.idle();
        expect(readdirSync(r.mailDir).filter((name) => name.endsWith('.eml'))).toHaveLength(4);
      } finally {
        await r.close();
      }
    },
    SLOW,
  );

  it(
    "losing the service's answer after it took a mail: sent again under the same id, one copy in the mailbox",
    async () => {
      const r = await rig();
      try {
        r.mail.mode = 'lose-answer';
        const key = crypto.randomUUID();
        expect((await postInquiry(r.api.url, validInquiry({ email: 'mail-lost@example.jp' }), { key })).status).toBe(201);
        await r.worker.idle();
        r.mail.mode = 'up';
        await expectMailedOnce(r, key, { resent: ['acknowledgement', 'staff-notification'] });
      } finally {
        await r.close();
      }
    },
    SLOW,
  );
});

describe('the outbox beside staff work', () => {
  it(
    'a staff change made while mails are owed leaves them owed; an inquiry erased before its mails went gets none',
    async () => {
      const r = await rig();
      try {
        r.mail.mode = 'down';
        const [taken, erased] = [crypto.randomUUID(), crypto.randomUUID()];
        for (const [n, key] of [taken, erased].entries())
          expect((await postInquiry(r.api.url, validInquiry({ email: `staff-side-${n}@example.jp` }), { key })).status).toBe(201);
        await r.worker.idle();
        const store = dynamoStaffInquiryStore(stack.db, stack.names);
        const at = new Date().toISOString();
        const current = (await store.get(taken))!;
        // A change written from a read that knows nothing of the outbox (the record schema has no such fields).
        await store.replace({ ...current, status: 'in-progress', version: 1, updatedAt: at }, 0);
        const toErase = (await store.get(erased))!;
        await store.replace(eraseInquiry(toErase, { by: { id: 'staff-test', name: 'test' }, now: at, newId: () => 'e1' }), 0);
        expect((await stored(taken))?.mailOwed).toEqual(new Set(INQUIRY_MAILS));
        // Runs that read (or claimed) before the erasure finish their failing sends before the service comes back.
        await r.worker.idle();

        r.mail.mode = 'up';
        await expectMailedOnce(r, taken);
        expect((await stored(taken))?.status).toBe('in-progress');
        await eventually(async () => expect((await stored(erased))?.mailOwed).toBeUndefined());
        expect(Object.values((await stored(erased))?.mailSettled ?? {}).map((value) => String(value).split(' ')[0])).toEqual([
          'skipped',
          'skipped',
        ]);
        expect(readdirSync(r.mailDir).filter((name) => name.includes(erased))).toEqual([]);
      } finally {
        await r.close();
      }
    },
    SLOW,
  );
});

describe('the mail function on a stream batch', () => {
  it(
    'reports the first record whose mail failed, so Lambda retries from there; a retry sends only what is still owed',
    async () => {
      const r = await rig();
      try {
        // Only the handler sends here: the rig's own worker (and its sweep) is stopped.
        await r.worker.stop();
        // Two inquiries written as the API writes them, with nobody told: on AWS only the stream is.
        const store = dynamoInquiryStore(stack.db, stack.names);
        const fresh = [crypto.randomUUID(), crypto.randomUUID()];
        const at = new Date().toISOString();
        for (const [n, key] of fresh.entries()) {
          const record: ReceivedInquiry = {
            idempotencyKey: key,
            fingerprint: `f${n}`,
            reference: `CM-2026-BATCH${n}`,
            status: 'new',
            receivedAt: at,
            name: 'Batch Test',
            email: `batch-${n}@example.jp`,
            message: 'About land.',
            country: 'JP',
            language: 'ja',
            consent: { version: '2026-01', at, language: 'ja' },
          };
          expect(await store.create(record, INQUIRY_MAILS)).toEqual({ created: true });
        }
        const handler = mailHandler({
          outbox: dynamoMailOutbox(stack.db, stack.names),
          mailer: r.mail.mailer,
          mail: LOCAL_MAIL,
          log,
          now: Date.now,
        });
        const batch = {
          Records: fresh.map((key, n) => ({
            eventName: 'INSERT',
            dynamodb: { Keys: { idempotencyKey: { S: key } }, SequenceNumber: String(100 + n) },
          })),
        };
        r.mail.mode = 'down';
        expect(await handler(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] });
        r.mail.mode = 'up';
        expect(await handler(batch)).toEqual({ batchItemFailures: [] });
        expect(await handler(batch)).toEqual({ batchItemFailures: [] });
        for (const key of fresh) await expectMailedOnce(r, key);
        expect(await handler({ source: 'aws.scheduler' })).toMatchObject({ failed: 0 });
      } finally {
        await r.close();
      }
    },
    SLOW,
  );
});
