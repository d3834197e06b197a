// DynamoDB adapter of the mail outbox: the owed mails, leases and settlements kept as attributes of each inquiry item.
import { GetCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inquiryRecordSchema } from '#domain/inquiries/record.ts';
import type { ResourceNames } from '../resources.ts';
import { guarded, isConditionFailure } from './dynamodb.ts';
import { parseItem } from './items.ts';
import { OUTBOX_ATTRIBUTES, outboxSchema } from './outbox-item.ts';
import type { MailOutbox } from './ports.ts';

export function dynamoMailOutbox(db: DynamoDBDocumentClient, names: ResourceNames): MailOutbox {
  const TableName = names.tables.inquiries;
  const key = (idempotencyKey: string) => ({ idempotencyKey });
  /** A conditional update: true when it was made, false when its condition did not hold. */
  const update = async (operation: string, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>) => {
    try {
      await guarded(operation, () => db.send(new UpdateCommand({ TableName, ...input })));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  };
  return {
    async owed(idempotencyKey) {
      const out = await guarded('outbox.get', () => db.send(new GetCommand({ TableName, Key: key(idempotencyKey), ConsistentRead: true })));
      if (!out.Item) return undefined;
      const record = parseItem(inquiryRecordSchema, 'inquiries', out.Item, (item) => item.idempotencyKey);
      const outbox = parseItem(outboxSchema, 'inquiries', out.Item, (item) => item.idempotencyKey);
      return { record, owed: [...(outbox.mailOwed ?? [])].sort() };
    },
    claim: (idempotencyKey, mail, nowMs, leaseUntil) =>
      update('outbox.claim', {
        Key: key(idempotencyKey),
        UpdateExpression: 'SET #l.#m = :until',
        // Still owed, not erased since the worker read it, and either never taken or taken by a worker whose lease has
        // run out (it crashed or timed out). The claim is the last step before the send, so an erasure that lands
        // before it stops the mail.
        ConditionExpression: 'contains(#o, :mail) AND attribute_not_exists(#e) AND (attribute_not_exists(#l.#m) OR #l.#m < :now)',
        ExpressionAttributeNames: { '#o': OUTBOX_ATTRIBUTES.owed, '#l': OUTBOX_ATTRIBUTES.leases, '#m': mail, '#e': 'erasedAt' },
        ExpressionAttributeValues: { ':mail': mail, ':until': leaseUntil, ':now': nowMs },
      }),
    async release(idempotencyKey, mail, leaseUntil) {
      // Only our own lease: if it ran out and another worker took the mail, that worker's lease stays.
      await update('outbox.release', {
        Key: key(idempotencyKey),
        UpdateExpression: 'REMOVE #l.#m',
        ConditionExpression: '#l.#m = :until',
        ExpressionAttributeNames: { '#l': OUTBOX_ATTRIBUTES.leases, '#m': mail },
        ExpressionAttributeValues: { ':until': leaseUntil },
      });
    },
    settle: (idempotencyKey, mail, outcome, at) =>
      update('outbox.settle', {
        Key: key(idempotencyKey),
        UpdateExpression: 'DELETE #o :mails REMOVE #l.#m SET #s.#m = :outcome',
        ConditionExpression: 'contains(#o, :mail)',
        ExpressionAttributeNames: {
          '#o': OUTBOX_ATTRIBUTES.owed,
          '#l': OUTBOX_ATTRIBUTES.leases,
          '#s': OUTBOX_ATTRIBUTES.settled,
          '#m': mail,
        },
        ExpressionAttributeValues: { ':mails': new Set([mail]), ':mail': mail, ':outcome': `${outcome} ${at}` },
      }),
    async pending() {
      const keys: string[] = [];
      let start: Record<string, unknown> | undefined;
      // A scan for the few items that still owe mail: the table holds hundreds to a few thousand inquiries a year.
      do {
        const page = await guarded('outbox.scan', () =>
          db.send(
            new ScanCommand({
              TableName,
              ProjectionExpression: 'idempotencyKey',
              FilterExpression: 'attribute_exists(#o)',
              ExpressionAttributeNames: { '#o': OUTBOX_ATTRIBUTES.owed },
              ConsistentRead: true,
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          ),
        );
        for (const item of page.Items ?? []) if (typeof item.idempotencyKey === 'string') keys.push(item.idempotencyKey);
        start = page.LastEvaluatedKey;
      } while (start);
      return keys;
    },
  };
}
