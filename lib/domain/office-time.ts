// The office's clock: its one time zone (content/site.json), and converting instants to and from its wall-clock time.
import { site } from './site.ts';

/** References, the reply promise's working days and the staff console's times all use this zone. */
export const OFFICE_TIME_ZONE: string = site.timeZone;

const HALF_DAY_MS = 43_200_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (negative west of Greenwich; moves with daylight saving). */
export function zoneOffsetMs(instantMs: number, timeZone: string = OFFICE_TIME_ZONE): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instantMs)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wall - wholeSecond;
}

/** The office's wall-clock time at an instant, written as a UTC timestamp: its getUTCDay() is the office's weekday. */
export function toOfficeClock(instantMs: number, timeZone: string = OFFICE_TIME_ZONE): number {
  return instantMs + zoneOffsetMs(instantMs, timeZone);
}

/**
 * The instant the office's wall clock shows `wallMs`. A wall time that happens twice (clocks going back) is the
 * earlier instant; one skipped by clocks going forward is taken at the old offset, so it lands just after the jump.
 */
export function fromOfficeClock(wallMs: number, timeZone: string = OFFICE_TIME_ZONE): number {
  // Offsets half a day either side bracket any one change (no zone changes twice within a day).
  const before = wallMs - zoneOffsetMs(wallMs - HALF_DAY_MS, timeZone);
  const after = wallMs - zoneOffsetMs(wallMs + HALF_DAY_MS, timeZone);
  const shows = (instant: number) => toOfficeClock(instant, timeZone) === wallMs;
  if (shows(before) && shows(after)) return Math.min(before, after);
  if (shows(after)) return after;
  return before;
}
