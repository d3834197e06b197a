// The CSV export: quoting that survives commas, quotes and line breaks, and no cell a spreadsheet would run as a formula.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { InquiryCsvRow as CsvInquiry } from '#domain/inquiries/staff/views.ts';
import { INQUIRY_CSV_COLUMNS, inquiriesCsv, safeCell } from '../../functions/api/csv.ts';
import { postInquiry, validInquiry } from './helpers.ts';
import { startStaffStack, staffCall, type StaffTestStack } from './staff-support.ts';

const row = (overrides: Partial<CsvInquiry> = {}): CsvInquiry => ({
  id: 'k',
  reference: 'CM-2026-ABCDEF',
  receivedAt: '2026-03-02T03:00:00.000Z',
  status: 'new',
  owner: null,
  name: 'Aiko',
  company: null,
  email: 'aiko@example.jp',
  country: 'JP',
  language: 'ja',
  sector: null,
  investmentSize: null,
  itemId: null,
  type: null,
  firstReplyAt: null,
  answeredAt: null,
  erased: false,
  version: 0,
  clock: { stage: 'first-reply', dueAt: '2026-03-04T03:00:00.000Z', overdue: true, remainingMs: -1 },
  message: 'Hello',
  ...overrides,
});

const parsed = (csv: string) => parse(csv, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+cmd|" /C calc"!A0', `'+1+cmd|" /C calc"!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['Tanaka Seafoods', 'Tanaka Seafoods'],
    ['a = b', 'a = b'],
    ['', ''],
  ])('%j becomes %j', (input, output) => {
    expect(safeCell(input)).toBe(output);
  });
});

describe('the inquiries CSV', () => {
  it('quotes commas, quotes and line breaks so every row reads back as written', () => {
    const message = 'Line one, with a comma\nLine "two"\r\nLine three; done';
    const csv = inquiriesCsv([
      row({ name: 'Tanaka, "Aiko"', company: 'Nguyễn & Co', message }),
      row({ reference: 'CM-2026-BCDEFG', message: 'plain' }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${INQUIRY_CSV_COLUMNS.join(',')}`);
    const rows = parsed(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      name: 'Tanaka, "Aiko"',
      company: 'Nguyễn & Co',
      message,
      overdue: 'yes',
      first_reply_due: '2026-03-04T03:00:00.000Z',
    });
    expect(rows[1]).toMatchObject({ reference: 'CM-2026-BCDEFG', message: 'plain' });
  });

  it('defuses formulas in every column an investor fills in', () => {
    const csv = inquiriesCsv([row({ name: '=1+2', company: '@cmd', email: '+x@example.org', message: '-10' })]);
    const [read] = parsed(csv);
    expect(read).toMatchObject({ name: "'=1+2", company: "'@cmd", email: "'+x@example.org", message: "'-10" });
    for (const value of Object.values(read!)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('GET /api/staff/inquiries.csv', () => {
  let stack: StaffTestStack;
  beforeAll(async () => {
    stack = await startStaffStack();
  });
  afterAll(async () => stack?.cleanup());

  it('exports the filtered inquiries as a safe attachment and logs who exported how many', async () => {
    const payload = '=HYPERLINK("http://evil.example","Open")';
    expect(
      (await postInquiry(stack.api.url, validInquiry({ name: payload, company: '+SUM(1,2)', message: 'Hello,\n"world"' }))).status,
    ).toBe(201);
    expect((await postInquiry(stack.api.url, validInquiry({ country: 'KR', language: 'ko' }))).status).toBe(201);
    // The export is for admins (the role matrix).
    const token = await stack.pool.token({ 'cognito:groups': ['admin'] });
    const answer = await staffCall(stack.api.url, 'GET', '/api/staff/inquiries.csv?country=JP', token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="inquiries-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const rows = parsed(answer.text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: `'${payload}`, company: "'+SUM(1,2)", message: 'Hello,\n"world"', country: 'JP', status: 'new' });
    const audit = (await staffCall(stack.api.url, 'GET', '/api/staff/audit', token)).body.entries;
    expect(audit[0]).toMatchObject({ action: 'export', by: { id: 'staff-1' }, details: { rows: 1, filters: { country: ['JP'] } } });
    expect(JSON.stringify(audit)).not.toContain('HYPERLINK');
  });
});
