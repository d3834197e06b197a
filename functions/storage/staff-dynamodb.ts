// DynamoDB adapters for the staff console: inquiries under version checks, downloads by lead, the audit log and the staff directory.
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { INQUIRY_STATUSES } from '#domain/inquiries/inquiry-status.ts';
import { LIST_FIELDS, inquiryListItemSchema, inquiryRecordSchema, versionOf, type InquiryRecord } from '#domain/inquiries/record.ts';
import { staffMemberSchema } from '#domain/inquiries/staff-access.ts';
import { auditEntrySchema, type AuditEntry } from '#domain/inquiries/staff/audit.ts';
import { sameEmail } from '#domain/inquiries/staff/erasure.ts';
import type { ResourceNames } from '../resources.ts';
import { guarded, isConditionFailure } from './dynamodb.ts';
import { downloadFactSchema, downloadRecordSchema, parseItem } from './items.ts';
import { VersionConflictError, type AuditLog, type StaffDirectory, type StaffDownloadStore, type StaffInquiryStore } from './ports.ts';

type Item = Record<string, unknown>;

/** Follows LastEvaluatedKey until the end: lists here are small (hundreds to a few thousand items a year). */
async function all(send: (start?: Item) => Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await send(start);
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const inquiryKey = (item: Item) => item.idempotencyKey;
const downloadKey = (item: Item) => `${String(item.documentId)}/${String(item.eventKey)}`;
/** What the erasure scan reads of a download: its key and the lead's e-mail. */
const leadKeySchema = downloadRecordSchema.pick({ documentId: true, eventKey: true }).extend({ lead: z.object({ email: z.string() }) });
/** The projection lists read: the fields of the list item's schema, so the query and the parse cannot disagree. */
const LIST_PROJECTION = Object.fromEntries(LIST_FIELDS.map((field, i) => [`#f${i}`, field]));

/** Every field of the record schema except the key: what a staff change may set or remove. */
const RECORD_FIELDS = inquiryRecordSchema.keyof().options.filter((field) => field !== 'idempotencyKey');

/**
 * A staff change as one update of the record's own fields: each field of `next` set, each one it lacks (erased
 * personal data) removed, and nothing else touched, so the mail outbox kept on the same item (outbox-item.ts) is
 * never overwritten by a change made from an older read of it.
 */
function replaceExpression(next: InquiryRecord) {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  RECORD_FIELDS.forEach((field, i) => {
    names[`#r${i}`] = field;
    const value = next[field];
    if (value === undefined) remove.push(`#r${i}`);
    else {
      values[`:r${i}`] = value;
      set.push(`#r${i} = :r${i}`);
    }
  });
  return {
    UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

export function dynamoStaffInquiryStore(db: DynamoDBDocumentClient, names: ResourceNames): StaffInquiryStore {
  const TableName = names.tables.inquiries;
  const get = async (id: string) => {
    const out = await guarded('inquiries.get', () =>
      db.send(new GetCommand({ TableName, Key: { idempotencyKey: id }, ConsistentRead: true })),
    );
    return out.Item && parseItem(inquiryRecordSchema, 'inquiries', out.Item, inquiryKey);
  };
  return {
    get,
    async list(options = {}) {
      const projection = LIST_PROJECTION;
      const statuses = options.statuses ?? INQUIRY_STATUSES;
      const lists = await Promise.all(
        statuses.map((status) =>
          guarded('inquiries.query', () =>
            all((start) =>
              db.send(
                new QueryCommand({
                  TableName,
                  IndexName: 'by-status',
                  KeyConditionExpression: options.receivedFrom ? '#s = :s AND #r >= :from' : '#s = :s',
                  ExpressionAttributeNames: { ...projection, '#s': 'status', ...(options.receivedFrom ? { '#r': 'receivedAt' } : {}) },
                  ExpressionAttributeValues: { ':s': status, ...(options.receivedFrom ? { ':from': options.receivedFrom } : {}) },
                  ProjectionExpression: Object.keys(projection).join(', '),
                  ...(start ? { ExclusiveStartKey: start } : {}),
                }),
              ),
            ),
          ),
        ),
      );
      return lists.flat().map((item) => parseItem(inquiryListItemSchema, 'inquiries', item, inquiryKey));
    },
    async replace(next, expectedVersion) {
      const change = replaceExpression(next);
      try {
        await guarded('inquiries.replace', () =>
          db.send(
            new UpdateCommand({
              TableName,
              Key: { idempotencyKey: next.idempotencyKey },
              UpdateExpression: change.UpdateExpression,
              // Never creates: the inquiry must exist, at exactly the version the change was made from.
              ConditionExpression: expectedVersion === 0 ? 'attribute_exists(idempotencyKey) AND attribute_not_exists(#v)' : '#v = :v',
              ExpressionAttributeNames: change.ExpressionAttributeNames,
              ExpressionAttributeValues: {
                ...change.ExpressionAttributeValues,
                ...(expectedVersion === 0 ? {} : { ':v': expectedVersion }),
              },
            }),
          ),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const current = await get(next.idempotencyKey);
        throw new VersionConflictError(current ? versionOf(current) : undefined);
      }
    },
    async keysByEmail(email) {
      // The table, not an index (updated only eventually): strongly consistent, so an inquiry stored a moment ago is
      // found. Only the key and the address are read; the address is compared here, whole and in any case.
      const items = await guarded('inquiries.scan-email', () =>
        all((start) =>
          db.send(
            new ScanCommand({
              TableName,
              ConsistentRead: true,
              ProjectionExpression: 'idempotencyKey, email',
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          ),
        ),
      );
      return items
        .filter((item) => sameEmail(typeof item.email === 'string' ? item.email : undefined, email))
        .map((item) => String(item.idempotencyKey));
    },
  };
}

export function dynamoStaffDownloadStore(db: DynamoDBDocumentClient, names: ResourceNames): StaffDownloadStore {
  const TableName = names.tables.downloads;
  return {
    async byLead(email) {
      const items = await guarded('downloads.by-lead', () =>
        all((start) =>
          db.send(
            new QueryCommand({
              TableName,
              IndexName: 'by-lead',
              KeyConditionExpression: 'leadEmail = :e',
              ExpressionAttributeValues: { ':e': email.trim().toLowerCase() },
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          ),
        ),
      );
      return items.map((item) => parseItem(downloadRecordSchema, 'downloads', item, downloadKey)).sort((a, b) => b.at.localeCompare(a.at));
    },
    async facts(fromIso) {
      const items = await guarded('downloads.scan', () =>
        all((start) =>
          db.send(
            new ScanCommand({
              TableName,
              ProjectionExpression: 'documentId, #at, leadEmail',
              FilterExpression: '#at >= :from',
              ExpressionAttributeNames: { '#at': 'at' },
              ExpressionAttributeValues: { ':from': fromIso },
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          ),
        ),
      );
      return items.map((item) => parseItem(downloadFactSchema, 'downloads', item, (i) => i.documentId));
    },
    async eraseLead(email, at) {
      // A scan rather than the index: erasure must also find downloads recorded before the index existed.
      const items = await guarded('downloads.scan', () =>
        all((start) =>
          db.send(
            new ScanCommand({
              TableName,
              ProjectionExpression: 'documentId, eventKey, #l.email',
              FilterExpression: 'attribute_exists(#l.email)',
              ExpressionAttributeNames: { '#l': 'lead' },
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          ),
        ),
      );
      const matches = items
        .map((item) => parseItem(leadKeySchema, 'downloads', item, downloadKey))
        .filter((item) => sameEmail(item.lead.email, email));
      for (const item of matches)
        await guarded('downloads.erase', () =>
          db.send(
            new UpdateCommand({
              TableName,
              Key: { documentId: item.documentId, eventKey: item.eventKey },
              UpdateExpression: 'REMOVE #l.#n, #l.email, #l.company, leadEmail SET erasedAt = :at',
              ConditionExpression: 'attribute_exists(eventKey)',
              ExpressionAttributeNames: { '#l': 'lead', '#n': 'name' },
              ExpressionAttributeValues: { ':at': at },
            }),
          ),
        );
      return matches.length;
    },
  };
}

export function dynamoAuditLog(db: DynamoDBDocumentClient, names: ResourceNames): AuditLog {
  const TableName = names.tables.auditLog;
  return {
    async record(entry) {
      const item = { month: entry.at.slice(0, 7), entryKey: `${entry.at}#${randomBytes(6).toString('hex')}`, ...entry };
      await guarded('audit.put', () =>
        db.send(new PutCommand({ TableName, Item: item, ConditionExpression: 'attribute_not_exists(entryKey)' })),
      );
    },
    async recent(limit, nowMs) {
      const entries: AuditEntry[] = [];
      // Month by month backwards, a year at most: the log is partitioned by month so it never grows one hot key.
      for (let back = 0; back < 12 && entries.length < limit; back++) {
        const date = new Date(nowMs);
        date.setUTCDate(1);
        date.setUTCMonth(date.getUTCMonth() - back);
        const month = date.toISOString().slice(0, 7);
        const out = await guarded('audit.query', () =>
          db.send(
            new QueryCommand({
              TableName,
              KeyConditionExpression: '#m = :m',
              ExpressionAttributeNames: { '#m': 'month' },
              ExpressionAttributeValues: { ':m': month },
              ScanIndexForward: false,
              Limit: limit - entries.length,
            }),
          ),
        );
        for (const item of out.Items ?? []) entries.push(parseItem(auditEntrySchema, 'audit-log', item, (i) => i.entryKey));
      }
      return entries;
    },
  };
}

export function dynamoStaffDirectory(db: DynamoDBDocumentClient, names: ResourceNames): StaffDirectory {
  const TableName = names.tables.staffMembers;
  return {
    async seen(member) {
      await guarded('staff.put', () =>
        db.send(new PutCommand({ TableName, Item: { id: member.id, name: member.name, lastSeenAt: member.lastSeenAt } })),
      );
    },
    async list() {
      const items = await guarded('staff.scan', () =>
        all((start) => db.send(new ScanCommand({ TableName, ...(start ? { ExclusiveStartKey: start } : {}) }))),
      );
      return items
        .map((item) => parseItem(staffMemberSchema, 'staff-members', item, (i) => i.id))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
