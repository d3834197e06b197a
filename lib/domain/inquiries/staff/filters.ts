// The inbox's filters and order: the query string staff filter by, which inquiries match, and which come first.
import { z } from 'zod';
import type { Checked } from '../../errors.ts';
import { LANGUAGES } from '../../site.ts';
import { foldForSearch } from '../../text/search-folding.ts';
import { checkWith } from '../../validation.ts';
import { COUNTRY_CODES } from '../countries.ts';
import { INQUIRY_STATUSES, isOpen, type InquiryStatus } from '../inquiry-status.ts';
import { isOverdue, promiseClock } from '../promise.ts';
import type { InquiryListItem } from '../record.ts';
import type { StaffActor } from '../staff-access.ts';
import { STAFF_LIMITS } from './limits.ts';

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

const includes = (values: readonly string[] | undefined, value: string) => values === undefined || values.includes(value);

export function matchesFilter(inquiry: InquiryListItem, filter: InquiryFilter, me: StaffActor, nowMs: number): boolean {
  if (!includes(filter.status, inquiry.status)) return false;
  if (filter.owner) {
    const owner = inquiry.owner?.id;
    if (filter.owner === 'none' ? owner !== undefined : owner !== (filter.owner === 'me' ? me.id : filter.owner)) return false;
  }
  if (filter.item && inquiry.itemId !== filter.item) return false;
  if (!includes(filter.country, inquiry.country)) return false;
  if (!includes(filter.language, inquiry.language)) return false;
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
  return (a: InquiryListItem, b: InquiryListItem): number => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    if (isOpen(a.status)) {
      const due = (x: InquiryListItem) => {
        const clock = promiseClock(x, nowMs);
        return 'dueAt' in clock ? Date.parse(clock.dueAt) : Infinity;
      };
      return due(a) - due(b) || a.receivedAt.localeCompare(b.receivedAt);
    }
    return b.receivedAt.localeCompare(a.receivedAt);
  };
}
