// The stale-status rule: a project still in progress whose status no source has confirmed for the configured number of months is shown as "not confirmed since <date>"; and when an item is due for review.

import type { LifecycleStatus } from './lifecycle.ts';

/**
 * Statuses that claim progress which can stop unnoticed (the Global Energy Monitor's trackers apply the same rule to
 * them). An operating plant or a cancelled project stays what it was without news; a construction site does not.
 */
export const PROGRESS_STATUSES: readonly LifecycleStatus[] = ['announced', 'pre-construction', 'construction'];

/** A day as YYYY-MM-DD, compared as text. */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The last day a partial date can mean: a status confirmed "in 2021" may have been confirmed as late as 31 December,
 * so it is not called stale before it can be. Undefined for "undated" or anything that is not a date.
 */
export function lastDayOf(partial: string): Day | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(partial);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 12 : Number(match[2]);
  const day = match[3] === undefined ? daysInMonth(year, month) : Number(match[3]);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The same day `months` months earlier, on the month's last day where it has fewer days (31 March − 1 month = 28 February). */
export function monthsBefore(today: Day, months: number): Day {
  if (!DAY.test(today)) throw new Error(`expected a day as YYYY-MM-DD, got "${today}"`);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`;
}

/** The same day `months` months later (the month's last day where it has fewer days): a first review date. */
export function monthsAfter(today: Day, months: number): Day {
  return monthsBefore(today, -months);
}

export interface StatusStanding {
  /** Shown as "not confirmed since <confirmedAsOf>" instead of the plain status. */
  stale: boolean;
  /** The date the status was last confirmed, as written in the facts (a partial date, or "undated"). */
  confirmedAsOf: string;
}

/**
 * Whether a status is stale on `today`: a progress status whose last confirmation (the latest day its date can
 * mean) lies more than `staleAfterMonths` months back. A progress status with no date at all is stale too: nothing
 * says it was ever confirmed.
 */
export function statusStanding(
  facts: { status: LifecycleStatus; statusAsOf: string },
  today: Day,
  staleAfterMonths: number,
): StatusStanding {
  const confirmedAsOf = facts.statusAsOf;
  if (!PROGRESS_STATUSES.includes(facts.status)) return { stale: false, confirmedAsOf };
  const confirmed = lastDayOf(confirmedAsOf);
  return { stale: confirmed === undefined || confirmed < monthsBefore(today, staleAfterMonths), confirmedAsOf };
}

/** The earliest day a status can have been confirmed on and still count as current: for "not confirmed since before <date>". */
export function staleCutoff(today: Day, staleAfterMonths: number): Day {
  return monthsBefore(today, staleAfterMonths);
}

/** An item is overdue for review once its review-by date (the latest day it can mean) has passed. */
export function reviewOverdue(reviewBy: string | undefined, today: Day): boolean {
  const last = reviewBy === undefined ? undefined : lastDayOf(reviewBy);
  return last !== undefined && last < today;
}

/** Today in UTC as YYYY-MM-DD: the day a build or a command runs, the "today" of the rule outside tests. */
export function todayUtc(now: Date = new Date()): Day {
  return now.toISOString().slice(0, 10);
}

/** Why an item needs an editor now. */
export type ReviewReason = 'overdue' | 'stale-status' | 'no-review-date';

export interface ReviewEntry {
  /** The item's folder, e.g. "catalog/energy/wind-hoa-binh-2". */
  folder: string;
  reasons: ReviewReason[];
  reviewBy?: string;
  status: LifecycleStatus;
  statusAsOf: string;
}

/** The items an editor should check on `today`: review date passed, status stale by the rule, or no review date at all. */
export function reviewList(
  items: readonly { folder: string; facts: { status: LifecycleStatus; statusAsOf: string; reviewBy?: string } }[],
  today: Day,
  staleAfterMonths: number,
): ReviewEntry[] {
  return items.flatMap(({ folder, facts }) => {
    const reasons: ReviewReason[] = [];
    if (reviewOverdue(facts.reviewBy, today)) reasons.push('overdue');
    if (statusStanding(facts, today, staleAfterMonths).stale) reasons.push('stale-status');
    if (facts.reviewBy === undefined) reasons.push('no-review-date');
    return reasons.length
      ? [
          {
            folder,
            reasons,
            ...(facts.reviewBy === undefined ? {} : { reviewBy: facts.reviewBy }),
            status: facts.status,
            statusAsOf: facts.statusAsOf,
          },
        ]
      : [];
  });
}
