// The changes staff make to an inquiry (owner, status, notes, replies, delivery results) and the requests that ask for them.
import { z } from 'zod';
import type { FieldError } from '../../errors.ts';
import { expiryAfter, RETENTION } from '../../retention.ts';
import { checkWith } from '../../validation.ts';
import { INQUIRY_STATUSES, canChangeStatus, type InquiryStatus } from '../inquiry-status.ts';
import { answerLanguage } from '../reply-language.ts';
import { REPLY_LANGUAGES } from '../../site.ts';
import type { HistoryEntry, InquiryRecord } from '../record.ts';
import type { StaffActor } from '../staff-access.ts';
import { commit, entry, type ChangeContext } from './history.ts';
import { STAFF_LIMITS } from './limits.ts';

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

export const checkOwnerChange = (raw: unknown) => checkWith(ownerChangeSchema, raw);
export const checkStatusChange = (raw: unknown) => checkWith(statusChangeSchema, raw);
export const checkNote = (raw: unknown) => checkWith(noteSchema, raw);
export const checkReply = (raw: unknown) => checkWith(replySchema, raw);

// ── Changes ─────────────────────────────────────────────────────────────────────────────────────

/** A change staff may not make in the inquiry's present state: answered 409 with the field and code. */
export class ChangeRefused extends Error {
  override readonly name = 'ChangeRefused';
  constructor(readonly error: FieldError) {
    super(`${error.field ?? ''}:${error.code}`);
  }
}

function statusStep(from: InquiryStatus, to: InquiryStatus, ctx: ChangeContext): HistoryEntry {
  if (!canChangeStatus(from, to)) throw new ChangeRefused({ field: 'status', code: 'not_allowed' });
  return entry(ctx, { type: 'status', from, to });
}

function refuseErased(inquiry: InquiryRecord): void {
  if (inquiry.erasedAt) throw new ChangeRefused({ code: 'not_allowed' });
}

export function changeOwner(inquiry: InquiryRecord, to: StaffActor | null, ctx: ChangeContext): InquiryRecord {
  refuseErased(inquiry);
  const from = inquiry.owner ?? null;
  if ((from?.id ?? null) === (to?.id ?? null)) return inquiry;
  const entries: HistoryEntry[] = [entry(ctx, { type: 'owner', from, to })];
  const patch: Partial<InquiryRecord> = to ? { owner: to } : {};
  // Taking a new inquiry is starting work on it.
  if (to && inquiry.status === 'new') {
    entries.push(statusStep('new', 'in-progress', ctx));
    patch.status = 'in-progress';
  }
  const next = commit(inquiry, entries, patch, ctx);
  if (!to) delete next.owner;
  return next;
}

export function changeStatus(inquiry: InquiryRecord, to: InquiryStatus, ctx: ChangeContext): InquiryRecord {
  refuseErased(inquiry);
  if (inquiry.status === to) return inquiry;
  const step = statusStep(inquiry.status, to, ctx);
  const patch: Partial<InquiryRecord> = { status: to };
  if (to === 'answered' && !inquiry.answeredAt) patch.answeredAt = ctx.now;
  return commit(inquiry, [step], patch, ctx);
}

export function addNote(inquiry: InquiryRecord, text: string, ctx: ChangeContext): InquiryRecord {
  refuseErased(inquiry);
  return commit(inquiry, [entry(ctx, { type: 'note', text })], {}, ctx);
}

/** Statuses a reply can be written from: a closed or spam inquiry is reopened (or restored) first. */
export const REPLYABLE: readonly InquiryStatus[] = ['new', 'in-progress', 'answered'];

/**
 * A reply is one change: the text (kept in the history), the first-reply time, the owner if nobody had
 * it, and the status steps it implies (new → in-progress, and → answered when it answers in full).
 */
export function addReply(
  inquiry: InquiryRecord,
  reply: { text: string; subject: string; answers: boolean },
  ctx: ChangeContext,
): { next: InquiryRecord; replyId: string } {
  refuseErased(inquiry);
  if (!REPLYABLE.includes(inquiry.status)) throw new ChangeRefused({ field: 'status', code: 'not_allowed' });
  const replyId = ctx.newId();
  const entries: HistoryEntry[] = [];
  const patch: Partial<InquiryRecord> = {};
  if (!inquiry.owner) {
    entries.push(entry(ctx, { type: 'owner', from: null, to: ctx.by }));
    patch.owner = ctx.by;
  }
  let status = inquiry.status;
  if (status === 'new') {
    entries.push(statusStep('new', 'in-progress', ctx));
    status = 'in-progress';
  }
  entries.push(
    entry(
      ctx,
      { type: 'reply', text: reply.text, subject: reply.subject, language: answerLanguage(inquiry.language, REPLY_LANGUAGES) },
      replyId,
    ),
  );
  if (reply.answers && status === 'in-progress') {
    entries.push(statusStep('in-progress', 'answered', ctx));
    status = 'answered';
    if (!inquiry.answeredAt) patch.answeredAt = ctx.now;
  }
  patch.status = status;
  // Kept as long as the privacy notice says, counted from this reply.
  patch.expiresAt = expiryAfter(ctx.now, RETENTION.inquiryMonthsAfterLastReply);
  if (!inquiry.firstReplyAt) patch.firstReplyAt = ctx.now;
  return { next: commit(inquiry, entries, patch, ctx), replyId };
}

export function recordDelivery(inquiry: InquiryRecord, replyId: string, result: 'sent' | 'failed', ctx: ChangeContext): InquiryRecord {
  return commit(inquiry, [entry(ctx, { type: 'delivery', replyId, result })], {}, ctx);
}
