// A storage failure is answered as what it is: one a retry may mend (a timeout, throttling) as 503 with Retry-After,
// one no retry mends (an item over DynamoDB's size limit) as 500 without it, never an invitation to retry forever.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guarded } from '../../functions/storage/dynamodb.ts';
import { StorageRejectedError, StorageUnavailableError } from '../../functions/storage/ports.ts';
import { postInquiry, validInquiry } from './helpers.ts';
import { startStaffStack, staffCall, type StaffTestStack } from './staff-support.ts';

const failWith = (error: object) => guarded('test', () => Promise.reject(Object.assign(new Error('x'), error)));

describe('storage failures', () => {
  it('are told apart: refused for good, or unavailable for now', async () => {
    await expect(failWith({ name: 'ValidationException', $fault: 'client' })).rejects.toBeInstanceOf(StorageRejectedError);
    await expect(failWith({ name: 'ThrottlingException', $fault: 'client' })).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(failWith({ name: 'ProvisionedThroughputExceededException', $fault: 'client' })).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await expect(failWith({ name: 'InternalServerError', $fault: 'server' })).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(failWith({ name: 'TimeoutError' })).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(failWith({ name: 'ConditionalCheckFailedException', $fault: 'client' })).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
  });
});

describe('an inquiry whose item reaches the size limit', () => {
  let stack: StaffTestStack;
  beforeAll(async () => {
    stack = await startStaffStack();
  });
  afterAll(async () => stack?.cleanup());

  it('refuses the change that would cross it with 500 and no Retry-After, and keeps what was stored', async () => {
    const api = stack.api.url;
    const lan = await stack.pool.token({ sub: 'staff-lan', username: 'lan.nguyen' });
    const key = crypto.randomUUID();
    expect((await postInquiry(api, validInquiry(), { key })).status).toBe(201);
    // A history already near the limit, as 80 notes of 5,000 characters would leave it (dynalite counts characters, DynamoDB UTF-8 bytes); the next note crosses it.
    const table = stack.names.tables.inquiries;
    const item = (await stack.db.send(new GetCommand({ TableName: table, Key: { idempotencyKey: key }, ConsistentRead: true }))).Item!;
    const by = { id: 'staff-lan', name: 'lan.nguyen' };
    const history = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, at: item.receivedAt, by, type: 'note', text: 'あ'.repeat(5000) }));
    const version = 80;
    await stack.db.send(new PutCommand({ TableName: table, Item: { ...item, history, version } }));
    const answer = await staffCall(api, 'POST', `/api/staff/inquiries/${key}/notes`, lan, { version, text: 'あ'.repeat(5000) });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('retry-after')).toBeNull();
    expect(answer.body).toEqual({ errors: [{ code: 'internal' }] });
    const stored = await staffCall(api, 'GET', `/api/staff/inquiries/${key}`, lan);
    expect(stored.body.inquiry.version).toBe(version);
  });
});
