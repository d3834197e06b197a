// DynamoDB adapters for inquiries, download events and rate counters: one conditional write per fact, no transactions.
import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inquiryRecordSchema } from '#domain/inquiries/record.ts';
import { expiryAfter, RETENTION } from '#domain/retention.ts';
import type { ResourceNames } from '../resources.ts';
import { parseItem } from './items.ts';
import { outboxAttributes } from './outbox-item.ts';
import { StorageRejectedError, StorageUnavailableError, type DownloadEventStore, type InquiryStore, type RateLimiter } from './ports.ts';

export function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

/** Every SDK failure other than a failed condition becomes StorageUnavailableError; the cause stays for the logs. */
/** Client faults that pass with time: DynamoDB's throttling and its own limits on request rates. */
const PASSING_CLIENT_FAULTS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'TransactionConflictException',
]);

/** A fault the service blames on the request itself (an item too large, a validation error), which no retry mends. */
export function isPermanentFault(error: unknown): boolean {
  const { name, $fault, $retryable } = (error ?? {}) as { name?: string; $fault?: string; $retryable?: unknown };
  return $fault === 'client' && !$retryable && !PASSING_CLIENT_FAULTS.has(name ?? '');
}

/**
 * One storage call with its failure named: a failed condition as it is (the caller decides), a permanent refusal as
 * StorageRejectedError, anything else (timeouts, lost connections, throttling, server faults) as unavailable.
 */
export async function guarded<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isConditionFailure(error)) throw error;
    if (isPermanentFault(error)) throw new StorageRejectedError(operation, { cause: error });
    throw new StorageUnavailableError(operation, { cause: error });
  }
}

export function dynamoInquiryStore(db: DynamoDBDocumentClient, names: ResourceNames): InquiryStore {
  const TableName = names.tables.inquiries;
  const find = async (idempotencyKey: string) => {
    // Strongly consistent: a retry right after the first write must see it.
    const out = await guarded('inquiries.get', () => db.send(new GetCommand({ TableName, Key: { idempotencyKey }, ConsistentRead: true })));
    return out.Item && parseItem(inquiryRecordSchema, 'inquiries', out.Item, (item) => item.idempotencyKey);
  };
  return {
    findByIdempotencyKey: find,
    async create(record, owedMails) {
      try {
        // The owed mails travel in the same conditional write: a stored inquiry always carries what it still owes.
        const Item = { ...record, ...outboxAttributes(owedMails) };
        await guarded('inquiries.put', () =>
          db.send(new PutCommand({ TableName, Item, ConditionExpression: 'attribute_not_exists(idempotencyKey)' })),
        );
        return { created: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = await find(record.idempotencyKey);
        // The condition failed, so the item existed a moment ago; its absence now means storage is inconsistent.
        if (!existing) throw new StorageUnavailableError('inquiries.put (record vanished)');
        return { created: false, existing };
      }
    },
  };
}

export function dynamoDownloadEventStore(db: DynamoDBDocumentClient, names: ResourceNames): DownloadEventStore {
  const TableName = names.tables.downloads;
  return {
    async record(event) {
      const eventKey = `${event.at}#${randomBytes(6).toString('hex')}`;
      const expiresAt = expiryAfter(event.at, RETENTION.downloadMonths);
      await guarded('downloads.put', () =>
        db.send(
          new PutCommand({
            TableName,
            // The lower-cased e-mail keys the sparse by-lead index: staff see an investor's downloads, and erase them.
            Item: { ...event, eventKey, expiresAt, ...(event.lead ? { leadEmail: event.lead.email.toLowerCase() } : {}) },
            ConditionExpression: 'attribute_not_exists(eventKey)',
          }),
        ),
      );
    },
  };
}

/**
 * Stored counter names keep the kind ("inquiry-email") and hash the rest: the counters must not become a
 * second store of addresses and e-mails.
 */
export function counterKey(counter: string, windowStart: number): string {
  const split = counter.indexOf(':');
  const kind = split < 0 ? 'counter' : counter.slice(0, split);
  return `${kind}#${createHash('sha256').update(counter).digest('base64url').slice(0, 22)}#${windowStart}`;
}

export function dynamoRateLimiter(db: DynamoDBDocumentClient, names: ResourceNames): RateLimiter {
  const TableName = names.tables.rateLimits;
  return {
    async hit(counter, member, rule, nowMs) {
      const windowMs = rule.windowSeconds * 1000;
      const windowStart = Math.floor(nowMs / windowMs) * windowMs;
      const windowEnd = windowStart + windowMs;
      // The window is part of the key, so an old window is never read again and its late TTL deletion does not matter.
      const key = counterKey(counter, windowStart);
      try {
        await guarded('rate.update', () =>
          db.send(
            new UpdateCommand({
              TableName,
              Key: { counter: key },
              UpdateExpression: 'ADD #members :member SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
              // A known member passes even when full: it is a retry of something already counted.
              ConditionExpression: 'attribute_not_exists(#members) OR contains(#members, :memberValue) OR size(#members) < :limit',
              ExpressionAttributeNames: { '#members': 'members' },
              ExpressionAttributeValues: {
                ':member': new Set([member]),
                ':memberValue': member,
                ':limit': rule.limit,
                ':expiresAt': Math.ceil(windowEnd / 1000) + 60,
              },
            }),
          ),
        );
        return { allowed: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - nowMs) / 1000)) };
      }
    },
  };
}
