// CSV export of inquiries for spreadsheets: RFC 4180 quoting by csv-stringify, and no cell a spreadsheet would run as a formula.
import { stringify } from 'csv-stringify/sync';
import { promiseDates } from '#domain/inquiries/promise.ts';
import type { InquiryCsvRow } from '#domain/inquiries/staff/views.ts';

/**
 * Spreadsheets treat a cell starting with = + - @ (or a tab or carriage return before one) as a formula,
 * which investor-typed text must never become (CSV injection). A leading apostrophe makes it text; the
 * apostrophe is shown in some programs, a small price for safety.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const INQUIRY_CSV_COLUMNS = [
  'reference',
  'received_at',
  'status',
  'owner',
  'name',
  'email',
  'company',
  'country',
  'language',
  'sector',
  'investment_size',
  'item',
  'type',
  'first_reply_at',
  'answered_at',
  'first_reply_due',
  'answer_due',
  'overdue',
  'message',
] as const;

export function inquiriesCsv(rows: InquiryCsvRow[]): string {
  const records = rows.map((row) => {
    const due = promiseDates(row.receivedAt);
    const overdue = (row.clock.stage === 'first-reply' || row.clock.stage === 'answer') && row.clock.overdue;
    const values = [
      row.reference,
      row.receivedAt,
      row.status,
      row.owner?.name ?? '',
      row.name ?? '',
      row.email ?? '',
      row.company ?? '',
      row.country,
      row.language,
      row.sector ?? '',
      row.investmentSize ?? '',
      row.itemId ?? '',
      row.type ?? '',
      row.firstReplyAt ?? '',
      row.answeredAt ?? '',
      due.firstReplyDue,
      due.answerDue,
      overdue ? 'yes' : 'no',
      row.message ?? '',
    ];
    return values.map(safeCell);
  });
  // CRLF rows and a byte-order mark: Excel then reads UTF-8 (Vietnamese, Japanese, Arabic) correctly.
  return stringify([[...INQUIRY_CSV_COLUMNS], ...records], { record_delimiter: 'windows', bom: true, quoted_match: /^\s|\s$/ });
}
