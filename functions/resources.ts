// The tables and buckets, defined once: the local stack, the tests and the CDK stack all create them from here.
/**
 * Plain data with no AWS import, so the CDK app maps it onto its constructs and the local stack onto
 * CreateTable calls; a key or index added here reaches every environment.
 */
import { site } from '#domain/site.ts';

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDefinition {
  /** Logical id in the CDK stack, and the table's name locally (after the prefix). */
  id: string;
  /** The environment variable that carries the deployed table's name to the functions. */
  envVar: string;
  purpose: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /**
   * Epoch seconds after which DynamoDB may delete an item. Deletion is late on AWS (up to days) and never
   * happens in dynalite, so no read may rely on it: readers filter with `isExpired`.
   */
  timeToLiveAttribute?: string;
  globalIndexes: IndexDefinition[];
  /** Holds personal data: kept with point-in-time recovery, erased item by item on request. */
  personalData: boolean;
  /**
   * A change stream for a function that reacts to writes. Keys only: the stream (kept 24 hours by DynamoDB) carries
   * no personal data, and the reader fetches the item's current state, so an erasure in between is respected.
   */
  stream?: 'keys-only';
}

export interface BucketDefinition {
  id: string;
  envVar: string;
  purpose: string;
  /** Never public: reads go through short-lived signed URLs only. */
  private: true;
}

export const TABLES = {
  inquiries: {
    id: 'inquiries',
    envVar: 'INQUIRIES_TABLE',
    purpose: 'Investor inquiries; each item is also the idempotency record of the request that created it.',
    partitionKey: { name: 'idempotencyKey', type: 'S' },
    globalIndexes: [
      { name: 'by-reference', partitionKey: { name: 'reference', type: 'S' } },
      { name: 'by-status', partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'receivedAt', type: 'S' } },
    ],
    // Deleted as the privacy notice promises (lib/domain/retention.ts): 24 months after the last reply.
    timeToLiveAttribute: 'expiresAt',
    personalData: true,
    // New inquiries start the mail function (functions/outbox/): the item is its own outbox of owed mails.
    stream: 'keys-only',
  },
  downloads: {
    id: 'downloads',
    envVar: 'DOWNLOADS_TABLE',
    purpose: 'One item per download: document, language, time, and lead details where the document asks for them.',
    partitionKey: { name: 'documentId', type: 'S' },
    sortKey: { name: 'eventKey', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
    // Sparse: only downloads with lead details carry `leadEmail` (lower-cased), so staff see an investor's downloads.
    globalIndexes: [{ name: 'by-lead', partitionKey: { name: 'leadEmail', type: 'S' }, sortKey: { name: 'eventKey', type: 'S' } }],
    personalData: true,
  },
  rateLimits: {
    id: 'rate-limits',
    envVar: 'RATE_LIMITS_TABLE',
    purpose: 'Counters of recent requests per client and per e-mail address (hashed), one item per time window.',
    partitionKey: { name: 'counter', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
    globalIndexes: [],
    personalData: false,
  },
  auditLog: {
    id: 'audit-log',
    envVar: 'AUDIT_LOG_TABLE',
    purpose:
      'What staff did that reaches beyond one inquiry (erasures, exports): who, when, what, never the erased data. Changes to an inquiry are in its own history.',
    partitionKey: { name: 'month', type: 'S' },
    sortKey: { name: 'entryKey', type: 'S' },
    globalIndexes: [],
    personalData: false,
  },
  staffMembers: {
    id: 'staff-members',
    envVar: 'STAFF_MEMBERS_TABLE',
    purpose: 'Staff who have signed in to the console (id and user name), so an inquiry can be assigned to them.',
    partitionKey: { name: 'id', type: 'S' },
    globalIndexes: [],
    personalData: true,
  },
  published: {
    id: 'published',
    envVar: 'PUBLISHED_TABLE',
    purpose:
      'Figures the site publishes about its own service, made by a job (the inquiry service figures): counts and dates, no personal data.',
    partitionKey: { name: 'name', type: 'S' },
    globalIndexes: [],
    personalData: false,
  },
} as const satisfies Record<string, TableDefinition>;

export const BUCKETS = {
  documents: {
    id: 'documents',
    envVar: 'DOCUMENTS_BUCKET',
    purpose: 'The downloadable documents from content/documents/, served only through signed URLs.',
    private: true,
  },
} as const satisfies Record<string, BucketDefinition>;

export type TableName = keyof typeof TABLES;
export type BucketName = keyof typeof BUCKETS;

/** Names used where no environment variable says otherwise (the local stack and the tests), after the site's id. */
export const LOCAL_PREFIX = `${site.id}-local-`;

export interface ResourceNames {
  tables: Record<TableName, string>;
  buckets: Record<BucketName, string>;
}

/** Deployed names come from the environment the CDK stack sets; anything missing falls back to the local name. */
export function resourceNames(env: Record<string, string | undefined> = {}, prefix = LOCAL_PREFIX): ResourceNames {
  const pick = <K extends string>(defs: Record<K, { id: string; envVar: string }>) =>
    Object.fromEntries(
      Object.entries<{ id: string; envVar: string }>(defs).map(([key, def]) => [key, env[def.envVar] || `${prefix}${def.id}`]),
    ) as Record<K, string>;
  return { tables: pick(TABLES), buckets: pick(BUCKETS) };
}

/** True once an item's TTL has passed, whether or not the database has deleted it yet. */
export function isExpired(item: { expiresAt?: unknown }, nowMs: number): boolean {
  return typeof item.expiresAt === 'number' && item.expiresAt * 1000 <= nowMs;
}
