// The staff console's domain rules without storage: the reply promise's clock, status steps of a reply, erasure, dashboard arithmetic.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, promiseClock, promiseDates } from '#domain/inquiries/promise.ts';
import type { InquiryRecord as StaffInquiry } from '#domain/inquiries/record.ts';
import { addReply, changeOwner } from '#domain/inquiries/staff/changes.ts';
import { eraseInquiry, mentionsEmail } from '#domain/inquiries/staff/erasure.ts';
import { foldForSearch } from '#domain/text/search-folding.ts';
import { dashboardFigures, dashboardPeriod, isoWeek, median } from '#domain/inquiries/dashboard.ts';

/** Vietnam time (UTC+7) written as an instant. */
const vn = (local: string) => Date.parse(`${local}+07:00`);
const iso = (local: string) => new Date(vn(local)).toISOString();

describe('the reply promise', () => {
  it('counts two working days in Vietnam, Monday to Friday', () => {
    expect(addWorkingDays(vn('2026-03-02T10:00:00'), 2)).toBe(vn('2026-03-04T10:00:00')); // Mon → Wed
    expect(addWorkingDays(vn('2026-03-05T15:00:00'), 2)).toBe(vn('2026-03-09T15:00:00')); // Thu → Mon
    expect(addWorkingDays(vn('2026-03-06T15:00:00'), 2)).toBe(vn('2026-03-10T15:00:00')); // Fri → Tue
    expect(addWorkingDays(vn('2026-03-07T10:00:00'), 2)).toBe(vn('2026-03-11T00:00:00')); // Sat → end of Tue
    expect(addWorkingDays(vn('2026-03-08T23:30:00'), 2)).toBe(vn('2026-03-11T00:00:00')); // Sun → end of Tue
    // Friday 23:30 in Vietnam is still Friday there, though it is Friday 16:30 UTC.
    expect(addWorkingDays(vn('2026-03-06T23:30:00'), 2)).toBe(vn('2026-03-10T23:30:00'));
  });

  it('gives a full answer seven calendar days', () => {
    expect(promiseDates(iso('2026-03-06T15:00:00')).answerDue).toBe(iso('2026-03-13T15:00:00'));
  });

  it('runs the first-reply clock, then the answer clock, and says whether both were kept', () => {
    const receivedAt = iso('2026-03-02T10:00:00');
    expect(promiseClock({ status: 'new', receivedAt }, vn('2026-03-03T10:00:00'))).toEqual({
      stage: 'first-reply',
      dueAt: iso('2026-03-04T10:00:00'),
      overdue: false,
      remainingMs: 86_400_000,
    });
    expect(promiseClock({ status: 'new', receivedAt }, vn('2026-03-04T10:00:01'))).toMatchObject({ stage: 'first-reply', overdue: true });
    const replied = { status: 'in-progress' as const, receivedAt, firstReplyAt: iso('2026-03-03T09:00:00') };
    expect(promiseClock(replied, vn('2026-03-05T10:00:00'))).toMatchObject({
      stage: 'answer',
      dueAt: iso('2026-03-09T10:00:00'),
      overdue: false,
    });
    expect(promiseClock(replied, vn('2026-03-10T10:00:00'))).toMatchObject({ stage: 'answer', overdue: true });
    expect(promiseClock({ ...replied, status: 'answered', answeredAt: iso('2026-03-06T10:00:00') }, vn('2026-04-01T00:00:00'))).toEqual({
      stage: 'done',
      kept: true,
    });
    expect(promiseClock({ ...replied, status: 'answered', answeredAt: iso('2026-03-10T10:00:00') }, vn('2026-04-01T00:00:00'))).toEqual({
      stage: 'done',
      kept: false,
    });
    expect(promiseClock({ status: 'spam', receivedAt }, vn('2026-04-01T00:00:00'))).toEqual({ stage: 'none' });
  });
});

const base: StaffInquiry = {
  idempotencyKey: 'k',
  reference: 'CM-2026-ABCDEF',
  status: 'new',
  receivedAt: '2026-03-02T03:00:00.000Z',
  name: 'Aiko',
  email: 'aiko@example.jp',
  company: 'Tanaka',
  message: 'Hello',
  fingerprint: 'f',
  country: 'JP',
  language: 'ja',
  itemId: 'ip-khanh-an',
};
let n = 0;
const ctx = { by: { id: 's', name: 'lan' }, now: '2026-03-02T05:00:00.000Z', newId: () => `id-${++n}` };

describe('changes', () => {
  it('a reply to a new inquiry takes it, starts it, answers it and notes the first reply', () => {
    const { next, replyId } = addReply(base, { text: 'Answer', subject: 'Re', answers: true }, ctx);
    expect(next).toMatchObject({ status: 'answered', owner: ctx.by, firstReplyAt: ctx.now, answeredAt: ctx.now, version: 1 });
    expect(next.history!.map((e) => e.type)).toEqual(['owner', 'status', 'reply', 'status']);
    expect(next.history!.find((e) => e.id === replyId)?.type).toBe('reply');
    // A first reply that does not answer in full keeps the inquiry in progress.
    const partial = addReply(base, { text: 'We are looking', subject: 'Re', answers: false }, ctx).next;
    expect(partial).toMatchObject({ status: 'in-progress', firstReplyAt: ctx.now });
    expect(partial.answeredAt).toBeUndefined();
  });

  it('giving an inquiry back leaves no owner; the same owner again is no change', () => {
    const taken = changeOwner(base, ctx.by, ctx);
    expect(changeOwner(taken, ctx.by, ctx)).toBe(taken);
    const back = changeOwner(taken, null, ctx);
    expect(back.owner).toBeUndefined();
    expect(back.version).toBe(2);
  });

  it('erasure keeps anonymous facts and removes every text', () => {
    const replied = addReply(base, { text: 'Dear Aiko', subject: 'Re', answers: true }, ctx).next;
    const erased = eraseInquiry(replied, ctx);
    expect(JSON.stringify(erased)).not.toMatch(/Aiko|aiko@|Tanaka|Hello/);
    expect(erased).toMatchObject({
      country: 'JP',
      language: 'ja',
      itemId: 'ip-khanh-an',
      status: 'answered',
      receivedAt: base.receivedAt,
      erasedAt: ctx.now,
    });
  });

  it('erasure finds an address in a text only as a whole address, in any case', () => {
    for (const text of ['To: bob@example.com', 'To: "Bob" <BOB@Example.com>', 'Write to bob@example.com.', 'mailto:bob@example.com"'])
      expect(mentionsEmail(text, 'bob@example.com'), text).toBe(true);
    for (const text of [
      'To: jimbob@example.com',
      'bob@example.com.vn',
      'bob.smith@example.com',
      'x-bob@example.community',
      'bob at example.com',
    ])
      expect(mentionsEmail(text, 'bob@example.com'), text).toBe(false);
  });

  it('search ignores case and Vietnamese accents', () => {
    expect(foldForSearch('Nguyễn Đình Chiểu')).toBe('nguyen dinh chieu');
  });
});

describe('dashboard arithmetic', () => {
  it('weeks, medians and the default period', () => {
    expect(isoWeek(vn('2026-01-01T12:00:00'))).toEqual({ week: '2026-W01', start: '2025-12-29' });
    expect(isoWeek(vn('2026-03-08T23:00:00'))).toEqual({ week: '2026-W10', start: '2026-03-02' });
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const period = dashboardPeriod({}, vn('2026-03-11T10:00:00'));
    expect(period).toMatchObject({ from: '2025-12-22', to: '2026-03-11' });
  });

  it('leaves spam out and counts promises only once decided', () => {
    const now = vn('2026-03-20T00:00:00');
    const period = dashboardPeriod({ from: '2026-03-01', to: '2026-03-19' }, now);
    const figures = dashboardFigures(
      [
        { ...base, status: 'answered', firstReplyAt: '2026-03-02T07:00:00.000Z', answeredAt: '2026-03-02T07:00:00.000Z' },
        { ...base, idempotencyKey: 'b', status: 'new', receivedAt: '2026-03-05T03:00:00.000Z', country: 'KR', email: 'dl@example.kr' },
        { ...base, idempotencyKey: 'c', status: 'new', receivedAt: '2026-03-19T03:00:00.000Z', sector: 'wind-power' },
        { ...base, idempotencyKey: 'd', status: 'spam' },
      ],
      [
        { documentId: 'guide', at: '2026-03-04T00:00:00.000Z', leadEmail: 'dl@example.kr' },
        { documentId: 'guide', at: '2026-03-04T01:00:00.000Z' },
      ],
      period,
      now,
    );
    expect(figures.inquiries).toBe(3);
    expect(figures.byCountry).toEqual([
      { key: 'JP', count: 2 },
      { key: 'KR', count: 1 },
    ]);
    expect(figures.medianHoursToFirstReply).toBe(4);
    // The second missed its first reply; the third is still within its time.
    expect(figures.firstReplyWithinPromise).toEqual({ kept: 1, of: 2 });
    expect(figures.answerWithinPromise).toEqual({ kept: 1, of: 2 });
    expect(figures.funnel).toEqual({ downloads: 2, identifiedDownloaders: 1, inquiries: 3, inquiriesAfterDownload: 1, answered: 1 });
  });
});
