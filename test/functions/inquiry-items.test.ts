// Reading stored inquiries from dynalite: every read is parsed with the record schema; older records read, malformed ones fail by name.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inquiryRecordSchema } from '#domain/inquiries/record.ts';
import { dynamoInquiryStore } from '../../functions/storage/dynamodb.ts';
import { MalformedItemError } from '../../functions/storage/items.ts';
import { outboxSchema } from '../../functions/storage/outbox-item.ts';
import { StorageUnavailableError } from '../../functions/storage/ports.ts';
import { dynamoStaffInquiryStore } from '../../functions/storage/staff-dynamodb.ts';
import { postInquiry, scanAll, startTestStack, validInquiry, type TestStack } from './helpers.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.cleanup());

const put = (item: Record<string, unknown>) => stack.db.send(new PutCommand({ TableName: stack.names.tables.inquiries, Item: item }));

describe('stored inquiries', () => {
  it('read back exactly as the public API wrote them, through both stores', async () => {
    const key = crypto.randomUUID();
    expect(
      (
        await postInquiry(stack.api.url, validInquiry({ company: 'Tanaka Shoji', sector: 'renewable-energy', investmentSize: '10m-50m' }), {
          key,
        })
      ).status,
    ).toBe(201);
    await stack.mailWorker.idle();
    const item = (await scanAll(stack.db, stack.names.tables.inquiries)).find((candidate) => candidate.idempotencyKey === key)!;
    // Beside the record, the item holds only its mail outbox (functions/storage/outbox-item.ts), which no record read returns.
    const { mailOwed, mailLeases, mailSettled, ...stored } = item;
    expect(outboxSchema.strict().parse({ mailOwed, mailLeases, mailSettled })).toEqual({ mailLeases: {}, mailSettled: expect.any(Object) });
    expect(inquiryRecordSchema.strict().parse(stored)).toEqual(stored);
    expect(await dynamoStaffInquiryStore(stack.db, stack.names).get(key)).toEqual(stored);
    expect(await dynamoInquiryStore(stack.db, stack.names).findByIdempotencyKey(key)).toEqual(stored);
  });

  it('read when they predate the staff fields, the type and the consent record', async () => {
    const key = crypto.randomUUID();
    const old = {
      idempotencyKey: key,
      reference: 'CM-2025-ABCDEF',
      status: 'new',
      receivedAt: '2025-11-02T03:00:00.000Z',
      name: 'Old Timer',
      email: 'old@example.com',
      message: 'From before the console',
      fingerprint: 'f',
      country: 'VN',
      language: 'vi',
    };
    await put(old);
    const store = dynamoStaffInquiryStore(stack.db, stack.names);
    expect(await store.get(key)).toEqual(old);
    const listed = (await store.list({ statuses: ['new'] })).find((item) => item.idempotencyKey === key);
    const { fingerprint: _fingerprint, ...withoutFingerprint } = old;
    expect(listed).toEqual(withoutFingerprint);
  });

  it('that are malformed fail with an error naming the item and the field, not as an outage and not silently', async () => {
    const key = crypto.randomUUID();
    const receivedAt = '2026-03-02T03:00:00.000Z';
    await put({
      idempotencyKey: key,
      reference: 'CM-2026-ZZZZZZ',
      status: 'open',
      receivedAt,
      owner: 'lan',
      country: 'VN',
      language: 'vi',
    });
    const store = dynamoStaffInquiryStore(stack.db, stack.names);
    const failure = await store.get(key).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MalformedItemError);
    expect(failure).not.toBeInstanceOf(StorageUnavailableError);
    expect(String((failure as Error).message)).toMatch(new RegExp(`inquiries item ${key}: status: .*; owner: `));
    await expect(dynamoInquiryStore(stack.db, stack.names).findByIdempotencyKey(key)).rejects.toBeInstanceOf(MalformedItemError);
    // The item is in the by-status index only under its own (invalid) status, so a list of every valid status still reads.
    await expect(store.list()).resolves.toBeInstanceOf(Array);
    await put({ idempotencyKey: key, reference: 'CM-2026-ZZZZZZ', status: 'new', receivedAt, country: 7, language: 'vi' });
    await expect(store.list({ statuses: ['new'] })).rejects.toThrow(/inquiries item .*country/);
  });
});
