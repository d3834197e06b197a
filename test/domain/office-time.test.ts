// The office's clock: one time zone from content/site.json, and wall-clock conversions that hold across daylight saving.
import { describe, expect, it } from 'vitest';
import siteJson from '../../content/site.json' with { type: 'json' };
import { fromOfficeClock, OFFICE_TIME_ZONE, toOfficeClock, zoneOffsetMs } from '#domain/office-time.ts';
import { newReference, REFERENCE_PREFIX } from '#domain/inquiries/reference.ts';

const hours = (n: number) => n * 3_600_000;

describe('the office clock', () => {
  it('is the zone and reference prefix content/site.json names', () => {
    expect(OFFICE_TIME_ZONE).toBe(siteJson.timeZone);
    expect(REFERENCE_PREFIX).toBe(siteJson.referencePrefix);
    expect(newReference(new Date('2026-06-01T00:00:00Z')).startsWith(`${siteJson.referencePrefix}-2026-`)).toBe(true);
  });

  it('reads a zone offset, including daylight saving on either side of a change', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(hours(7));
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(hours(-5));
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(hours(-4));
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00.750Z'), 'Asia/Kolkata')).toBe(hours(5.5));
  });

  it('converts to wall-clock time and back, and moves a wall time skipped by the spring change to after the jump', () => {
    const zone = 'America/New_York';
    for (const iso of ['2026-03-07T15:30:00Z', '2026-03-09T15:30:00Z', '2026-11-02T04:00:00Z', '2026-12-31T23:59:59Z']) {
      const instant = Date.parse(iso);
      expect(fromOfficeClock(toOfficeClock(instant, zone), zone)).toBe(instant);
    }
    // 2026-03-08 02:30 does not exist in New York: clocks went from 02:00 to 03:00 (07:00Z).
    const skipped = fromOfficeClock(Date.parse('2026-03-08T02:30:00Z'), zone);
    expect(new Date(skipped).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });
});
