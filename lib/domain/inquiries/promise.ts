// The reply promise and its clock: acknowledged at once, a first human reply within 2 working days, a full answer within 7 days.
import { fromOfficeClock, toOfficeClock } from '../office-time.ts';
import type { InquiryStatus } from './inquiry-status.ts';

export const REPLY_PROMISE = {
  /** Monday to Friday, counted in the office's time zone (content/site.json); public holidays are not yet known to the clock. */
  firstReplyWorkingDays: 2,
  answerDays: 7,
} as const;

const DAY_MS = 86_400_000;

const isWeekend = (localMs: number) => {
  const day = new Date(localMs).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * The same time of day `days` working days later. Something that arrives on a Saturday or Sunday counts
 * as arriving at the start of Monday, so a Friday 15:00 inquiry is due Tuesday 15:00 and a Saturday one
 * at the end of Tuesday.
 */
export function addWorkingDays(fromMs: number, days: number): number {
  let local = toOfficeClock(fromMs);
  if (isWeekend(local)) {
    while (isWeekend(local)) local = Math.floor(local / DAY_MS) * DAY_MS + DAY_MS;
  }
  for (let added = 0; added < days; ) {
    local += DAY_MS;
    if (!isWeekend(local)) added++;
  }
  return fromOfficeClock(local);
}

export interface PromiseDates {
  firstReplyDue: string;
  answerDue: string;
}

export function promiseDates(receivedAt: string): PromiseDates {
  const received = Date.parse(receivedAt);
  return {
    firstReplyDue: new Date(addWorkingDays(received, REPLY_PROMISE.firstReplyWorkingDays)).toISOString(),
    answerDue: new Date(received + REPLY_PROMISE.answerDays * DAY_MS).toISOString(),
  };
}

/** What a row in the inbox shows: which promise is running, when it falls due, and whether it was kept. */
export type PromiseClock =
  | { stage: 'first-reply' | 'answer'; dueAt: string; overdue: boolean; remainingMs: number }
  | { stage: 'done'; kept: boolean }
  | { stage: 'none' };

export interface ClockFacts {
  status: InquiryStatus;
  receivedAt: string;
  firstReplyAt?: string | null | undefined;
  answeredAt?: string | null | undefined;
}

export function firstReplyKept(facts: ClockFacts): boolean | undefined {
  const { firstReplyDue } = promiseDates(facts.receivedAt);
  if (facts.firstReplyAt) return facts.firstReplyAt <= firstReplyDue;
  return undefined;
}

export function answerKept(facts: ClockFacts): boolean | undefined {
  const { answerDue } = promiseDates(facts.receivedAt);
  if (facts.answeredAt) return facts.answeredAt <= answerDue;
  return undefined;
}

/** Spam runs no clock; answered and closed inquiries show whether both promises were kept. */
export function promiseClock(facts: ClockFacts, nowMs: number): PromiseClock {
  if (facts.status === 'spam') return { stage: 'none' };
  const dates = promiseDates(facts.receivedAt);
  if (facts.status === 'answered' || facts.status === 'closed') {
    const first = facts.firstReplyAt ? facts.firstReplyAt <= dates.firstReplyDue : false;
    const answer = facts.answeredAt ? facts.answeredAt <= dates.answerDue : false;
    return { stage: 'done', kept: first && answer };
  }
  const [stage, dueAt] = facts.firstReplyAt ? (['answer', dates.answerDue] as const) : (['first-reply', dates.firstReplyDue] as const);
  const remainingMs = Date.parse(dueAt) - nowMs;
  // Even before a first reply, a missed full-answer date is what matters most.
  const overdue = remainingMs < 0 || Date.parse(dates.answerDue) < nowMs;
  return { stage, dueAt, overdue, remainingMs };
}

export function isOverdue(facts: ClockFacts, nowMs: number): boolean {
  const clock = promiseClock(facts, nowMs);
  return (clock.stage === 'first-reply' || clock.stage === 'answer') && clock.overdue;
}
