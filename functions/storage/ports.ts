// What the handlers need from storage, as small interfaces: the handlers depend on these, the adapters implement them.
import type { DocumentMeta } from '#domain/catalog/documents.ts';
import type { DownloadFact } from '#domain/inquiries/dashboard.ts';
import type { InquiryStatus } from '#domain/inquiries/inquiry-status.ts';
import type { InquiryListItem, InquiryRecord, ReceivedInquiry } from '#domain/inquiries/record.ts';
import type { StaffMember } from '#domain/inquiries/staff-access.ts';
import type { AuditEntry } from '#domain/inquiries/staff/audit.ts';
import type { DownloadEvent, DownloadRecord } from './items.ts';

export type { DownloadEvent, DownloadRecord } from './items.ts';

/**
 * Storage could not be reached or refused to work (network, throttling, missing table). Adapters
 * turn every unexpected storage failure into this, so the API answers 503 and never leaks the cause.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`storage unavailable during ${operation}`, options);
  }
}

/**
 * Storage refused an operation for good: an item over DynamoDB's size limit, a request it calls invalid. A retry
 * would fail the same way, so the API answers 500 without Retry-After rather than 503 (an invitation to retry).
 */
export class StorageRejectedError extends Error {
  override readonly name = 'StorageRejectedError';
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`storage refused ${operation}`, options);
  }
}

/** The stored record of another request with the same key: it may since have been worked on, or erased. */
export type CreateOutcome = { created: true } | { created: false; existing: InquiryRecord };

export interface InquiryStore {
  findByIdempotencyKey(idempotencyKey: string): Promise<InquiryRecord | undefined>;
  /**
   * One conditional write: the first request with a key creates the record, with the mails it owes marked in the
   * same item (the outbox); every later one gets it back, and no second set of owed mails can arise.
   */
  create(record: ReceivedInquiry, owedMails: readonly string[]): Promise<CreateOutcome>;
}

/** An inquiry and the mails it still owes, as the mail worker reads it (strongly consistent). */
export interface OwedMails {
  record: InquiryRecord;
  owed: string[];
}

/**
 * The outbox kept inside each inquiry item: which mails are owed, who is sending one now (a lease), which were
 * settled. Every change is a conditional update, so two workers never both send a mail while its lease holds, and a
 * mail is marked settled once.
 */
export interface MailOutbox {
  /** The inquiry with its owed mails; undefined when there is no such inquiry. */
  owed(idempotencyKey: string): Promise<OwedMails | undefined>;
  /**
   * Takes one owed mail until `leaseUntil` (epoch ms) if nobody holds it and the inquiry has not been erased; false
   * when it is settled, held by another, or erased since it was read (the next read settles it as skipped).
   */
  claim(idempotencyKey: string, mail: string, nowMs: number, leaseUntil: number): Promise<boolean>;
  /** Gives back a claimed mail after a failed send, so the next attempt need not wait for the lease to run out. */
  release(idempotencyKey: string, mail: string, leaseUntil: number): Promise<void>;
  /** Marks a mail done (sent, or skipped because the inquiry was erased first); false when it was already settled. */
  settle(idempotencyKey: string, mail: string, outcome: 'sent' | 'skipped', at: string): Promise<boolean>;
  /** The keys of inquiries that still owe mail: the sweep's work list. */
  pending(): Promise<string[]>;
}

export type RateOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /**
   * Counts `member` under `counter` in the current window. The same member counted twice counts once,
   * so retries of one submission (same idempotency key) never use up a visitor's allowance.
   */
  hit(counter: string, member: string, rule: RateRule, nowMs: number): Promise<RateOutcome>;
}

export interface DownloadEventStore {
  record(event: DownloadEvent): Promise<void>;
}

/** The documents the site offers; read from content/documents/ at build or start, so lookups need no I/O. */
export interface DocumentCatalog {
  get(id: string): DocumentMeta | undefined;
  list(): readonly DocumentMeta[];
}

export interface SignedDownload {
  url: string;
  expiresAt: string;
}

export interface DocumentFiles {
  exists(key: string): Promise<boolean>;
  /** A GET URL for the file that lives `seconds` from `now` and tells the browser the file's name and type. */
  signedUrl(document: DocumentMeta, seconds: number, now: Date): Promise<SignedDownload>;
}

export function memoryCatalog(documents: readonly DocumentMeta[]): DocumentCatalog {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  return { get: (id) => byId.get(id), list: () => documents };
}

// ── What the staff console needs ───────────────────────────────────────────────────────────────

/** A conditional write found another version than the one the change was made from: someone else changed it first. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  constructor(readonly current: number | undefined) {
    super(current === undefined ? 'the item is gone' : `the item is at version ${current}`);
  }
}

export interface StaffInquiryStore {
  /** Strongly consistent: a change is always made from the latest version. */
  get(id: string): Promise<InquiryRecord | undefined>;
  /** Every inquiry with one of `statuses` (all when absent) received at or after `receivedFrom`, without their histories. */
  list(options?: { statuses?: readonly InquiryStatus[]; receivedFrom?: string }): Promise<InquiryListItem[]>;
  /** Writes `next` only if the stored inquiry is still at `expectedVersion`; otherwise throws VersionConflictError. */
  replace(next: InquiryRecord, expectedVersion: number): Promise<void>;
  /**
   * The keys of every inquiry that gives this address (any case), read from the table itself with strong consistency:
   * an erasure must not depend on an index that may not yet show an inquiry written a moment ago.
   */
  keysByEmail(email: string): Promise<string[]>;
}

export interface StaffDownloadStore {
  /** Downloads whose lead gave this e-mail (any case). */
  byLead(email: string): Promise<DownloadRecord[]>;
  /** Every download at or after `fromIso`, reduced to what the dashboard counts. */
  facts(fromIso: string): Promise<DownloadFact[]>;
  /** Removes name, e-mail and company from every download by this e-mail; keeps document, time, language, item and country. Returns how many. */
  eraseLead(email: string, at: string): Promise<number>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** The latest entries first. */
  recent(limit: number, nowMs: number): Promise<AuditEntry[]>;
}

export interface StaffDirectory {
  seen(member: StaffMember): Promise<void>;
  list(): Promise<StaffMember[]>;
}
