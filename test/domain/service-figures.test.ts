// The inquiry service's public figures from a known set of inquiries: months in the office's time zone, spam left out,
// medians and promise shares right, and nothing published from fewer than five inquiries.
import { describe, expect, it } from 'vitest';
import { MIN_INQUIRIES, serviceFigures, serviceFiguresSchema, type ServiceFact } from '#domain/inquiries/service-figures.ts';

const NOW = Date.parse('2026-11-20T03:00:00Z');
/** Received on a Monday 09:00 in the office (02:00 UTC), first reply `hours` later (or none). */
const inquiry = (day: string, hours: number | null, status: ServiceFact['status'] = 'answered'): ServiceFact => {
  const receivedAt = `${day}T02:00:00.000Z`;
  return {
    status,
    receivedAt,
    ...(hours === null ? {} : { firstReplyAt: new Date(Date.parse(receivedAt) + hours * 3_600_000).toISOString() }),
  };
};

describe('the inquiry service figures', () => {
  // October 2026: six inquiries received on Monday the 5th; replies after 4, 8, 20, 30 and 100 hours, one never.
  const october = [4, 8, 20, 30, 100, null].map((hours) => inquiry('2026-10-05', hours, hours === null ? 'new' : 'answered'));
  // November: three inquiries and two spam messages.
  const november = [
    inquiry('2026-11-02', 5),
    inquiry('2026-11-02', 6),
    inquiry('2026-11-09', 7),
    inquiry('2026-11-09', null, 'spam'),
    inquiry('2026-11-10', null, 'spam'),
  ];
  const figures = serviceFigures([...october, ...november, inquiry('2025-10-01', 1)], NOW);

  it('covers the twelve months up to this one, oldest first, and is what the public page reads', () => {
    expect(figures.months.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(figures.total).toMatchObject({ from: '2025-12', to: '2026-11' });
    expect(serviceFiguresSchema.parse(JSON.parse(JSON.stringify(figures)))).toEqual(figures);
  });

  it('counts a month of at least five inquiries, with its median first reply and the share within the promise', () => {
    const month = figures.months.find((m) => m.month === '2026-10')!;
    expect(month.received).toBe(6);
    expect(month.medianHoursToFirstReply).toBe(20);
    // Due two working days later (Wednesday 09:00, 48 h): 4, 8, 20 and 30 h kept, 100 h missed, the unanswered one past due.
    expect(month.firstReplyWithinPromise).toEqual({ kept: 4, of: 6 });
  });

  it(`withholds every figure made from fewer than ${MIN_INQUIRIES} inquiries, spam not counted`, () => {
    const month = figures.months.find((m) => m.month === '2026-11')!;
    expect(month).toEqual({ month: '2026-11', received: null, medianHoursToFirstReply: null, firstReplyWithinPromise: null });
    expect(figures.months.find((m) => m.month === '2026-03')!.received).toBeNull();
    // Nine inquiries in the year; eight replied (4, 5, 6, 7, 8, 20, 30 and 100 hours: median 7.5), nine decided.
    expect(figures.total).toMatchObject({ received: 9, medianHoursToFirstReply: 7.5, firstReplyWithinPromise: { kept: 7, of: 9 } });
  });

  it('leaves out what is older than the twelve months and what is still within its time', () => {
    const recent = Array.from({ length: 5 }, () => inquiry('2026-11-19', null, 'new'));
    const fresh = serviceFigures(recent, NOW).months.at(-1)!;
    expect(fresh.received).toBe(5);
    expect(fresh.firstReplyWithinPromise).toBeNull();
    expect(serviceFigures([inquiry('2025-10-01', 1)], NOW).total.received).toBeNull();
  });

  it('holds no personal data: only dates and counts', () => {
    const text = JSON.stringify(serviceFigures([{ ...inquiry('2026-10-05', 3), name: 'Aiko', email: 'a@example.jp' } as ServiceFact], NOW));
    expect(text).not.toMatch(/Aiko|example\.jp/);
  });
});
