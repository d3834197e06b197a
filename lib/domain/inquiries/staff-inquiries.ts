// An inquiry as staff work on it: its history, the changes they may make (owner, status, notes, replies), filters, and erasure.
import { foldForSearch } from '../text/search-folding.ts';
import { z } from 'zod';
import { COUNTRY_CODES } from './countries.ts';
import type { Checked, FieldError } from '../errors.ts';
import { INQUIRY_STATUSES, canChangeStatus, isOpen, type InquiryStatus } from './inquiry-status.ts';
import { isOverdue, promiseClock, type PromiseClock } from './promise.ts';
import { LANGUAGES } from '../site.ts';
import type { StaffActor } from './staff-access.ts';
import { checkWith } from '../validation.ts';

export const STAFF_LIMITS = { note: 5000, reply: 20_000, search: 200, listMax: 1000 } as const;

interface EntryBase {
  id: string;
  at: string;
  by: StaffActor;
}

/**
 * One change, appended and never edited: who, when, what. Texts of notes and replies are the only
 * parts that may carry the investor's data, so erasure removes exactly those (and marks the entry).
 */
export type HistoryEntry = EntryBase &
  (
    | { type: 'status'; from: InquiryStatus; to: InquiryStatus }
    | { type: 'owner'; from: StaffActor | null; to: StaffActor | null }
    | { type: 'note'; text?: string; erased?: true }
    | { type: 'reply'; text?: string; subject?: string; language: string; erased?: true }
    | { type: 'delivery'; replyId: string; result: 'sent' | 'failed' }
    | { type: 'erased' }
  );

/** Personal fields: what an erasure removes from an inquiry. */
export const PERSONAL_FIELDS = ['name', 'email', 'company', 'message', 'fingerprint'] as const;

/** The stored inquiry seen from the console: the public record plus what staff add to it. */
export interface StaffInquiry {
  idempotencyKey: string;
  reference: string;
  status: InquiryStatus;
  receivedAt: string;
  name?: string;
  email?: string;
  company?: string;
  message?: string;
  fingerprint?: string;
  country: string;
  language: string;
  sector?: string;
  investmentSize?: string;
  itemId?: string;
  type?: string;
  consent?: { version: string; at: string; language: string };
  /** Raised by one on every staff change; absent on an inquiry no one has touched (version 0). */
  version?: number;
  owner?: StaffActor;
  history?: HistoryEntry[];
  firstReplyAt?: string;
  answeredAt?: string;
  updatedAt?: string;
  erasedAt?: string;
}

export const versionOf = (inquiry: Pick<StaffInquiry, 'version'>) => inquiry.version ?? 0;

// ── Requests ────────────────────────────────────────────────────────────────────────────────────

const version = z.number().int().nonnegative();
const body = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));

export const ownerChangeSchema = z.strictObject({
  version,
  /** "me" takes it, a staff member's id assigns it, null gives it back. */
  owner: z.union([z.literal('me'), z.string().min(1).max(200), z.null()]),
});
export const statusChangeSchema = z.strictObject({ version, status: z.enum(INQUIRY_STATUSES) });
export const noteSchema = z.strictObject({ version, text: body(STAFF_LIMITS.note) });
export const replySchema = z.strictObject({
  version,
  text: body(STAFF_LIMITS.reply),
  /** True when this reply answers the inquiry in full: it moves to "answered". */
  answers: z.boolean().default(true),
});
export const erasureSchema = z.strictObject({ email: z.string().trim().min(3).max(254).pipe(z.email()) });

export const checkOwnerChange = (raw: unknown) => checkWith(ownerChangeSchema, raw);
export const checkStatusChange = (raw: unknown) => checkWith(statusChangeSchema, raw);
export const checkNote = (raw: unknown) => checkWith(noteSchema, raw);
export const checkReply = (raw: unknown) => checkWith(replySchema, raw);
export const checkErasure = (raw: unknown) => checkWith(erasureSchema, raw);

// ── Changes ─────────────────────────────────────────────────────────────────────────────────────

/** A change staff may not make in the inquiry's present state: answered 409 with the field and code. */
export class ChangeRefused extends Error {
  override readonly name = 'ChangeRefused';
  constructor(readonly error: FieldError) {
    super(`${error.field ?? ''}:${error.code}`);
  }
}

export interface ChangeContext {
  by: StaffActor;
  now: string;
  newId: () => string;
}

function commit(inquiry: StaffInquiry, entries: HistoryEntry[], patch: Partial<StaffInquiry>, ctx: ChangeContext): StaffInquiry {
  return { ...inquiry, ...patch, history: [...(inquiry.history ?? []), ...entries], version: versionOf(inquiry) + 1, updatedAt: ctx.now };
}

function statusSteps(
  from: InquiryStatus,
  to: InquiryStatus,
  ctx: ChangeContext,
): { entries: HistoryEntry[]; patch: Partial<StaffInquiry> } {
  if (!canChangeStatus(from, to)) throw new ChangeRefused({ field: 'status', code: 'not_allowed' });
  return { entries: [{ id: ctx.newId(), at: ctx.now, by: ctx.by, type: 'status', from, to }], patch: { status: to } };
}

function refuseErased(inquiry: StaffInquiry): void {
  if (inquiry.erasedAt) throw new ChangeRefused({ code: 'not_allowed' });
}

export function changeOwner(inquiry: StaffInquiry, to: StaffActor | null, ctx: ChangeContext): StaffInquiry {
  refuseErased(inquiry);
  const from = inquiry.owner ?? null;
  if ((from?.id ?? null) === (to?.id ?? null)) return inquiry;
  const entries: HistoryEntry[] = [{ id: ctx.newId(), at: ctx.now, by: ctx.by, type: 'owner', from, to }];
  let patch: Partial<StaffInquiry> = to ? { owner: to } : {};
  // Taking a new inquiry is starting work on it.
  if (to && inquiry.status === 'new') {
    const step = statusSteps('new', 'in-progress', ctx);
    entries.push(...step.entries);
    patch = { ...patch, ...step.patch };
  }
  const next = commit(inquiry, entries, patch, ctx);
  if (!to) delete next.owner;
  return next;
}

export function changeStatus(inquiry: StaffInquiry, to: InquiryStatus, ctx: ChangeContext): StaffInquiry {
  refuseErased(inquiry);
  if (inquiry.status === to) return inquiry;
  const step = statusSteps(inquiry.status, to, ctx);
  const patch: Partial<StaffInquiry> = { ...step.patch };
  if (to === 'answered' && !inquiry.answeredAt) patch.answeredAt = ctx.now;
  return commit(inquiry, step.entries, patch, ctx);
}

export function addNote(inquiry: StaffInquiry, text: string, ctx: ChangeContext): StaffInquiry {
  refuseErased(inquiry);
  return commit(inquiry, [{ id: ctx.newId(), at: ctx.now, by: ctx.by, type: 'note', text }], {}, ctx);
}

/** Statuses a reply can be written from: a closed or spam inquiry is reopened (or restored) first. */
const REPLYABLE: readonly InquiryStatus[] = ['new', 'in-progress', 'answered'];

/**
 * A reply is one change: the text (kept in the history), the first-reply time, the owner if nobody had
 * it, and the status steps it implies (new → in-progress, and → answered when it answers in full).
 */
export function addReply(
  inquiry: StaffInquiry,
  reply: { text: string; subject: string; answers: boolean },
  ctx: ChangeContext,
): { next: StaffInquiry; replyId: string } {
  refuseErased(inquiry);
  if (!REPLYABLE.includes(inquiry.status)) throw new ChangeRefused({ field: 'status', code: 'not_allowed' });
  const replyId = ctx.newId();
  const entries: HistoryEntry[] = [];
  const patch: Partial<StaffInquiry> = {};
  if (!inquiry.owner) {
    entries.push({ id: ctx.newId(), at: ctx.now, by: ctx.by, type: 'owner', from: null, to: ctx.by });
    patch.owner = ctx.by;
  }
  let status = inquiry.status;
  if (status === 'new') {
    entries.push(...statusSteps('new', 'in-progress', ctx).entries);
    status = 'in-progress';
  }
  entries.push({
    id: replyId,
    at: ctx.now,
    by: ctx.by,
    type: 'reply',
    text: reply.text,
    subject: reply.subject,
    language: inquiry.language,
  });
  if (reply.answers && status === 'in-progress') {
    entries.push(...statusSteps('in-progress', 'answered', ctx).entries);
    status = 'answered';
    if (!inquiry.answeredAt) patch.answeredAt = ctx.now;
  }
  patch.status = status;
  if (!inquiry.firstReplyAt) patch.firstReplyAt = ctx.now;
  return { next: commit(inquiry, entries, patch, ctx), replyId };
}

export function recordDelivery(inquiry: StaffInquiry, replyId: string, result: 'sent' | 'failed', ctx: ChangeContext): StaffInquiry {
  return commit(inquiry, [{ id: ctx.newId(), at: ctx.now, by: ctx.by, type: 'delivery', replyId, result }], {}, ctx);
}

/**
 * Removes everything that identifies the person: name, e-mail, company, message, the fingerprint of
 * them, and the texts of notes and replies. What stays is anonymous: dates, item, country, language,
 * sector, size, status, who on staff did what, and the consent record's version and time.
 */
export function eraseInquiry(inquiry: StaffInquiry, ctx: ChangeContext): StaffInquiry {
  const next: StaffInquiry = { ...inquiry };
  for (const field of PERSONAL_FIELDS) delete next[field];
  next.history = (inquiry.history ?? []).map((entry): HistoryEntry => {
    if (entry.type === 'note') return { id: entry.id, at: entry.at, by: entry.by, type: 'note', erased: true };
    if (entry.type === 'reply') return { id: entry.id, at: entry.at, by: entry.by, type: 'reply', language: entry.language, erased: true };
    return entry;
  });
  next.history.push({ id: ctx.newId(), at: ctx.now, by: ctx.by, type: 'erased' });
  next.erasedAt = ctx.now;
  next.version = versionOf(inquiry) + 1;
  next.updatedAt = ctx.now;
  return next;
}

// ── Lists ───────────────────────────────────────────────────────────────────────────────────────

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(values.length));
const optionalQuery = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const days = z.coerce.number().int().min(0).max(3650);

/** The inbox's query string: every filter optional, unknown parameters refused like unknown fields. */
export const inquiryFilterSchema = z.strictObject({
  status: optionalQuery(list(INQUIRY_STATUSES)),
  /** "me", "none" (nobody has it) or a staff member's id. */
  owner: optionalQuery(z.string().min(1).max(200)),
  item: optionalQuery(z.string().min(1).max(100)),
  country: optionalQuery(list(COUNTRY_CODES)),
  language: optionalQuery(list(LANGUAGES)),
  /** Received at least / at most this many days ago. */
  minAgeDays: optionalQuery(days),
  maxAgeDays: optionalQuery(days),
  overdue: optionalQuery(z.enum(['true', 'false']).transform((v) => v === 'true')),
  q: optionalQuery(z.string().trim().max(STAFF_LIMITS.search)),
});
export type InquiryFilter = z.output<typeof inquiryFilterSchema>;

/** A bad entry in a comma list ("status=new,open") is reported against the parameter, once. */
export function checkInquiryFilter(raw: unknown): Checked<InquiryFilter> {
  const checked = checkWith(inquiryFilterSchema, raw);
  if (checked.ok) return checked;
  const seen = new Set<string>();
  const errors = checked.errors
    .map((error) => (error.field ? { ...error, field: error.field.split('.')[0]! } : error))
    .filter((error) => {
      const key = error.field ?? '';
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { ok: false, errors };
}

export function matchesFilter(inquiry: StaffInquiry, filter: InquiryFilter, me: StaffActor, nowMs: number): boolean {
  if (filter.status && !filter.status.includes(inquiry.status)) return false;
  if (filter.owner) {
    const owner = inquiry.owner?.id;
    if (filter.owner === 'none' ? owner !== undefined : owner !== (filter.owner === 'me' ? me.id : filter.owner)) return false;
  }
  if (filter.item && inquiry.itemId !== filter.item) return false;
  if (filter.country && !filter.country.includes(inquiry.country as (typeof COUNTRY_CODES)[number])) return false;
  if (filter.language && !filter.language.includes(inquiry.language as (typeof LANGUAGES)[number])) return false;
  const ageDays = (nowMs - Date.parse(inquiry.receivedAt)) / 86_400_000;
  if (filter.minAgeDays !== undefined && ageDays < filter.minAgeDays) return false;
  if (filter.maxAgeDays !== undefined && ageDays > filter.maxAgeDays) return false;
  if (filter.overdue !== undefined && isOverdue(inquiry, nowMs) !== filter.overdue) return false;
  if (filter.q) {
    const needle = foldForSearch(filter.q);
    const haystack = foldForSearch(
      [inquiry.reference, inquiry.name, inquiry.email, inquiry.company, inquiry.message, inquiry.itemId].filter(Boolean).join('\n'),
    );
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

const STATUS_ORDER: Record<InquiryStatus, number> = { new: 0, 'in-progress': 1, answered: 2, closed: 3, spam: 4 };

/** New first; open inquiries by how soon their promise falls due, the rest newest first. */
export function inboxOrder(nowMs: number) {
  return (a: StaffInquiry, b: StaffInquiry): number => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    if (isOpen(a.status)) {
      const due = (x: StaffInquiry) => {
        const clock = promiseClock(x, nowMs);
        return 'dueAt' in clock ? Date.parse(clock.dueAt) : Infinity;
      };
      return due(a) - due(b) || a.receivedAt.localeCompare(b.receivedAt);
    }
    return b.receivedAt.localeCompare(a.receivedAt);
  };
}

/** The inbox row: what a list needs, without the history. */
export interface InquirySummary {
  id: string;
  reference: string;
  receivedAt: string;
  status: InquiryStatus;
  owner: StaffActor | null;
  name: string | null;
  company: string | null;
  email: string | null;
  country: string;
  language: string;
  sector: string | null;
  investmentSize: string | null;
  itemId: string | null;
  type: string | null;
  firstReplyAt: string | null;
  answeredAt: string | null;
  erased: boolean;
  version: number;
  clock: PromiseClock;
}

export function summarize(inquiry: StaffInquiry, nowMs: number): InquirySummary {
  return {
    id: inquiry.idempotencyKey,
    reference: inquiry.reference,
    receivedAt: inquiry.receivedAt,
    status: inquiry.status,
    owner: inquiry.owner ?? null,
    name: inquiry.name ?? null,
    company: inquiry.company ?? null,
    email: inquiry.email ?? null,
    country: inquiry.country,
    language: inquiry.language,
    sector: inquiry.sector ?? null,
    investmentSize: inquiry.investmentSize ?? null,
    itemId: inquiry.itemId ?? null,
    type: inquiry.type ?? null,
    firstReplyAt: inquiry.firstReplyAt ?? null,
    answeredAt: inquiry.answeredAt ?? null,
    erased: Boolean(inquiry.erasedAt),
    version: versionOf(inquiry),
    clock: promiseClock(inquiry, nowMs),
  };
}
