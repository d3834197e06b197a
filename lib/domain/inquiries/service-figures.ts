// The inquiry service's public figures: inquiries received per month, the median time to a first reply and the share
// answered within the promise, with no personal data and no figure made from fewer than five inquiries.
import { z } from 'zod';
import { fromOfficeClock, toOfficeClock } from '../office-time.ts';
import { median } from './dashboard.ts';
import { firstReplyKept, promiseDates, REPLY_PROMISE } from './promise.ts';
import type { InquiryListItem } from './record.ts';

/** Below this many inquiries a figure is withheld: a small count can point at one person's question. */
export const MIN_INQUIRIES = 5;
/** How many calendar months the figures cover, the current one included. */
export const SERVICE_MONTHS = 12;

/** What the figures are made of: no name, address, text or country, only the clock. */
export type ServiceFact = Pick<InquiryListItem, 'status' | 'receivedAt' | 'firstReplyAt'>;

const share = z.strictObject({ kept: z.number().int().nonnegative(), of: z.number().int().nonnegative() });
const period = z.strictObject({
  /** Inquiries received (spam left out); null when fewer than MIN_INQUIRIES. */
  received: z.number().int().nonnegative().nullable(),
  /** Hours from receipt to the first reply, over the inquiries replied to; null when fewer than MIN_INQUIRIES were. */
  medianHoursToFirstReply: z.number().nonnegative().nullable(),
  /** Of the inquiries whose first-reply promise is decided (replied, or past due), how many were replied to in time; null when fewer than MIN_INQUIRIES are decided. */
  firstReplyWithinPromise: share.nullable(),
});

/** The published file: read by the public page and written by the daily job, so both hold to one shape. */
export const serviceFiguresSchema = z.strictObject({
  generatedAt: z.iso.datetime(),
  minimum: z.number().int().positive(),
  promise: z.strictObject({ firstReplyWorkingDays: z.number().int().positive() }),
  months: z.array(period.extend({ month: z.string().regex(/^\d{4}-\d{2}$/) })),
  total: period.extend({ from: z.string().regex(/^\d{4}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}$/) }),
});
export type ServiceFigures = z.infer<typeof serviceFiguresSchema>;
type Period = z.infer<typeof period>;

/** The office's calendar month of an instant, e.g. "2026-11". */
export function officeMonth(ms: number): string {
  return new Date(toOfficeClock(ms)).toISOString().slice(0, 7);
}

/** The months ending with the current one, oldest first. */
function lastMonths(nowMs: number, count: number): string[] {
  const [year, month] = officeMonth(nowMs).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

const atLeastMinimum = <T>(size: number, figure: () => T): T | null => (size >= MIN_INQUIRIES ? figure() : null);

function periodFigures(facts: ServiceFact[], nowMs: number): Period {
  const replied = facts.filter((fact) => fact.firstReplyAt);
  // Decided: replied to, or still unanswered past the promise; one still within its time is not counted either way.
  const decided = facts.filter((fact) => fact.firstReplyAt || Date.parse(promiseDates(fact.receivedAt).firstReplyDue) <= nowMs);
  return {
    received: atLeastMinimum(facts.length, () => facts.length),
    medianHoursToFirstReply: atLeastMinimum(replied.length, () => {
      const hours = median(replied.map((fact) => (Date.parse(fact.firstReplyAt!) - Date.parse(fact.receivedAt)) / 3_600_000));
      return Math.round(hours! * 10) / 10;
    }),
    firstReplyWithinPromise: atLeastMinimum(decided.length, () => ({
      kept: decided.filter((fact) => firstReplyKept(fact) === true).length,
      of: decided.length,
    })),
  };
}

export function serviceFigures(all: ServiceFact[], nowMs: number, monthCount = SERVICE_MONTHS): ServiceFigures {
  const months = lastMonths(nowMs, monthCount);
  const first = fromOfficeClock(Date.parse(`${months[0]}-01T00:00:00Z`));
  const facts = all.filter(
    (fact) => fact.status !== 'spam' && Date.parse(fact.receivedAt) >= first && Date.parse(fact.receivedAt) <= nowMs,
  );
  const byMonth = new Map<string, ServiceFact[]>();
  for (const fact of facts) {
    const month = officeMonth(Date.parse(fact.receivedAt));
    byMonth.set(month, [...(byMonth.get(month) ?? []), fact]);
  }
  return {
    generatedAt: new Date(nowMs).toISOString(),
    minimum: MIN_INQUIRIES,
    promise: { firstReplyWorkingDays: REPLY_PROMISE.firstReplyWorkingDays },
    months: months.map((month) => ({ month, ...periodFigures(byMonth.get(month) ?? [], nowMs) })),
    total: { from: months[0]!, to: months.at(-1)!, ...periodFigures(facts, nowMs) },
  };
}
