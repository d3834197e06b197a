// The stale-status rule and review dates, with a fixed "today".
import { describe, expect, it } from 'vitest';
import { lastDayOf, monthsAfter, monthsBefore, reviewOverdue, staleCutoff, statusStanding, todayUtc } from '#domain/catalog/staleness.ts';

const TODAY = '2026-12-02';
const standing = (status: Parameters<typeof statusStanding>[0]['status'], statusAsOf: string, months = 24) =>
  statusStanding({ status, statusAsOf }, TODAY, months);

describe('dates of the rule', () => {
  it('takes the last day a partial date can mean', () => {
    expect(lastDayOf('2021')).toBe('2021-12-31');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2025-02')).toBe('2025-02-28');
    expect(lastDayOf('2021-03-15')).toBe('2021-03-15');
    expect(lastDayOf('undated')).toBeUndefined();
  });

  it('counts months back, keeping to the shorter month', () => {
    expect(monthsBefore(TODAY, 24)).toBe('2024-12-02');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
    expect(staleCutoff(TODAY, 6)).toBe('2026-06-02');
    expect(() => monthsBefore('2026-12', 1)).toThrow(/YYYY-MM-DD/);
  });

  it('takes today in UTC', () => {
    expect(todayUtc(new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-02');
  });
});

describe('a stale status', () => {
  it('is a progress status not confirmed for the configured months', () => {
    expect(standing('construction', '2020-07')).toEqual({ stale: true, confirmedAsOf: '2020-07' });
    expect(standing('announced', '2021')).toMatchObject({ stale: true });
    expect(standing('pre-construction', '2025-11')).toMatchObject({ stale: false });
  });

  it('counts from the last day its date can mean, and changes on the day the period ends', () => {
    // "2024" may mean 31 December 2024: not stale on 2 December 2026 with 24 months.
    expect(standing('construction', '2024')).toMatchObject({ stale: false });
    expect(standing('construction', '2024-12-02')).toMatchObject({ stale: false });
    expect(standing('construction', '2024-12-01')).toMatchObject({ stale: true });
    expect(standing('construction', '2024-11')).toMatchObject({ stale: true });
  });

  it('follows the configured period', () => {
    expect(standing('construction', '2025-11', 1)).toMatchObject({ stale: true });
    expect(standing('construction', '2020-07', 120)).toMatchObject({ stale: false });
  });

  it('never applies to a status that stays true without news', () => {
    for (const status of ['operating', 'shelved', 'cancelled', 'retired'] as const)
      expect(standing(status, '2008')).toMatchObject({ stale: false });
  });

  it('applies to a progress status with no date', () => {
    expect(standing('construction', 'undated')).toEqual({ stale: true, confirmedAsOf: 'undated' });
  });
});

describe('review dates', () => {
  it('are overdue once passed, a partial date at its end', () => {
    expect(reviewOverdue('2026-12-01', TODAY)).toBe(true);
    expect(reviewOverdue('2026-12-02', TODAY)).toBe(false);
    expect(reviewOverdue('2026-12', TODAY)).toBe(false);
    expect(reviewOverdue('2026-11', TODAY)).toBe(true);
    expect(reviewOverdue(undefined, TODAY)).toBe(false);
  });
});

describe('a first review date', () => {
  it('lies the given months ahead', () => {
    expect(monthsAfter('2026-12-02', 6)).toBe('2027-06-02');
    expect(monthsAfter('2026-08-31', 6)).toBe('2027-02-28');
  });
});
