// The dashboard's figures from inquiries and downloads: counts by country, sector, item and week, reply times, promises kept, the funnel.
import { z } from 'zod';
import { fromOfficeClock, toOfficeClock } from '../office-time.ts';
import { answerKept, firstReplyKept, promiseDates } from './promise.ts';
import type { InquiryListItem } from './record.ts';
import { checkWith } from '../validation.ts';

export interface Count {
  key: string;
  count: number;
}

export interface WeekCount {
  /** ISO week, e.g. "2026-W07", counted in the office's time zone. */
  week: string;
  /** The Monday it starts on (YYYY-MM-DD). */
  start: string;
  count: number;
}

export interface Share {
  kept: number;
  /** Inquiries whose promise has been decided: kept, or missed, or past due without a reply. */
  of: number;
}

export interface DashboardFigures {
  from: string;
  to: string;
  inquiries: number;
  byCountry: Count[];
  bySector: Count[];
  byItem: Count[];
  byWeek: WeekCount[];
  byStatus: Count[];
  medianHoursToFirstReply: number | null;
  firstReplyWithinPromise: Share;
  answerWithinPromise: Share;
  downloadsByDocument: Count[];
  funnel: { downloads: number; identifiedDownloaders: number; inquiries: number; inquiriesAfterDownload: number; answered: number };
}

/** The answer of GET /api/staff/dashboard: the figures, and each document's title per language for naming the downloads. */
export type DashboardAnswer = DashboardFigures & { documentTitles: Record<string, Record<string, string>> };

/** A download as the dashboard needs it: no lead details beyond the (lower-cased) e-mail used to link it to inquiries. */
export interface DownloadFact {
  documentId: string;
  at: string;
  leadEmail?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const dashboardQuerySchema = z.strictObject({
  from: z.string().regex(DATE).optional(),
  to: z.string().regex(DATE).optional(),
});
export const checkDashboardQuery = (raw: unknown) => checkWith(dashboardQuerySchema, raw);

const DAY_MS = 86_400_000;
const DEFAULT_WEEKS = 12;

/** The period as instants: from the start of `from` to the end of `to`, in the office's time zone; the 12 weeks up to today by default. */
export function dashboardPeriod(
  query: { from?: string | undefined; to?: string | undefined },
  nowMs: number,
): { fromMs: number; toMs: number; from: string; to: string } {
  const today = new Date(toOfficeClock(nowMs)).toISOString().slice(0, 10);
  const to = query.to ?? today;
  // By default whole weeks: from the Monday eleven weeks before the week of `to`.
  const monday = isoWeek(fromOfficeClock(Date.parse(`${to}T12:00:00Z`))).start;
  const from = query.from ?? new Date(Date.parse(`${monday}T00:00:00Z`) - (DEFAULT_WEEKS - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  const fromMs = fromOfficeClock(Date.parse(`${from}T00:00:00Z`));
  const toMs = fromOfficeClock(Date.parse(`${to}T00:00:00Z`) + DAY_MS) - 1;
  return fromMs <= toMs ? { fromMs, toMs, from, to } : { fromMs: toMs, toMs: fromMs, from: to, to: from };
}

/** ISO 8601 week of an instant in the office's time zone, and the Monday it starts on. */
export function isoWeek(ms: number): { week: string; start: string } {
  const local = new Date(toOfficeClock(ms));
  const day = (local.getUTCDay() + 6) % 7; // Monday = 0
  const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - day * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, start: new Date(monday).toISOString().slice(0, 10) };
}

function countBy<T>(items: T[], key: (item: T) => string | undefined): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Spam is left out of every figure: it is not an investor's question. */
export function dashboardFigures(
  allInquiries: InquiryListItem[],
  downloads: DownloadFact[],
  period: { fromMs: number; toMs: number; from: string; to: string },
  nowMs: number,
): DashboardFigures {
  const inPeriod = (at: string) => {
    const ms = Date.parse(at);
    return ms >= period.fromMs && ms <= period.toMs;
  };
  const inquiries = allInquiries.filter((i) => i.status !== 'spam' && inPeriod(i.receivedAt));
  const periodDownloads = downloads.filter((d) => inPeriod(d.at));

  const weeks = new Map<string, WeekCount>();
  for (let ms = period.fromMs; ms <= period.toMs + 6 * DAY_MS; ms += 7 * DAY_MS) {
    const { week, start } = isoWeek(Math.min(ms, period.toMs));
    if (!weeks.has(week)) weeks.set(week, { week, start, count: 0 });
  }
  for (const inquiry of inquiries) {
    const { week, start } = isoWeek(Date.parse(inquiry.receivedAt));
    const entry = weeks.get(week) ?? { week, start, count: 0 };
    entry.count++;
    weeks.set(week, entry);
  }

  const hours = inquiries.filter((i) => i.firstReplyAt).map((i) => (Date.parse(i.firstReplyAt!) - Date.parse(i.receivedAt)) / 3_600_000);
  const share = (kept: (i: InquiryListItem) => boolean | undefined, due: (i: InquiryListItem) => string): Share => {
    let k = 0;
    let of = 0;
    for (const inquiry of inquiries) {
      const result = kept(inquiry);
      if (result === undefined && Date.parse(due(inquiry)) > nowMs) continue; // still within its time
      of++;
      if (result) k++;
    }
    return { kept: k, of };
  };

  const downloaders = new Set(downloads.filter((d) => d.leadEmail).map((d) => d.leadEmail!));
  const periodDownloaders = new Set(periodDownloads.filter((d) => d.leadEmail).map((d) => d.leadEmail!));
  return {
    from: period.from,
    to: period.to,
    inquiries: inquiries.length,
    byCountry: countBy(inquiries, (i) => i.country),
    bySector: countBy(inquiries, (i) => i.sector ?? 'unspecified'),
    byItem: countBy(inquiries, (i) => i.itemId ?? 'none'),
    byWeek: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
    byStatus: countBy(inquiries, (i) => i.status),
    medianHoursToFirstReply: median(hours),
    firstReplyWithinPromise: share(firstReplyKept, (i) => promiseDates(i.receivedAt).firstReplyDue),
    answerWithinPromise: share(answerKept, (i) => promiseDates(i.receivedAt).answerDue),
    downloadsByDocument: countBy(periodDownloads, (d) => d.documentId),
    funnel: {
      downloads: periodDownloads.length,
      identifiedDownloaders: periodDownloaders.size,
      inquiries: inquiries.length,
      inquiriesAfterDownload: inquiries.filter((i) => i.email && downloaders.has(i.email.toLowerCase())).length,
      answered: inquiries.filter((i) => i.answeredAt).length,
    },
  };
}
