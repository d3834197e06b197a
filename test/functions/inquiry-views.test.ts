// Every field of the stored inquiry is either shown by each staff view (inbox row, inquiry view, CSV) or listed with a reason why not.
import { describe, expect, it } from 'vitest';
import { inquiryRecordSchema, type InquiryField, type InquiryRecord } from '#domain/inquiries/record.ts';
import {
  NOT_IN_CSV,
  NOT_IN_DETAIL,
  NOT_IN_SUMMARY,
  inquiryCsvRow,
  inquiryCsvRowSchema,
  inquiryDetail,
  inquiryDetailSchema,
  inquirySummarySchema,
  summarize,
} from '#domain/inquiries/staff/views.ts';
import { inquiriesCsv } from '../../functions/api/csv.ts';

const NOW = Date.parse('2026-03-04T00:00:00.000Z');
const lan = { id: 'staff-1', name: 'Lan' };
const minh = { id: 'staff-2', name: 'Minh' };

// Typed Required<…>: a field added to the schema fails to compile here until both fixtures give it a value.
const full: Required<InquiryRecord> = {
  idempotencyKey: '0b7c5a52-0000-4000-8000-000000000001',
  reference: 'CM-2026-ABCDEF',
  status: 'in-progress',
  receivedAt: '2026-03-02T03:00:00.000Z',
  name: 'Aiko Tanaka',
  email: 'aiko@example.jp',
  company: 'Tanaka Shoji',
  message: 'Is the land in Khanh An still free?',
  fingerprint: 'print-1',
  country: 'JP',
  language: 'ja',
  sector: 'renewable-energy',
  investmentSize: '10m-50m',
  itemId: 'ip-khanh-an',
  type: 'question',
  consent: { version: '2026-01', at: '2026-03-02T03:00:00.000Z', language: 'ja' },
  version: 2,
  owner: lan,
  history: [{ id: 'h1', at: '2026-03-02T04:00:00.000Z', by: lan, type: 'note', text: 'Called back' }],
  firstReplyAt: '2026-03-02T05:00:00.000Z',
  answeredAt: '2026-03-03T05:00:00.000Z',
  updatedAt: '2026-03-03T05:00:00.000Z',
  erasedAt: '2026-03-03T06:00:00.000Z',
  expiresAt: 1_835_000_000,
};

/** A value for every field that differs from `full`'s. */
const other: Required<InquiryRecord> = {
  idempotencyKey: '0b7c5a52-0000-4000-8000-000000000002',
  reference: 'CM-2026-GHJKMN',
  status: 'answered',
  receivedAt: '2026-03-01T03:00:00.000Z',
  name: 'Park Ji-ho',
  email: 'park@example.kr',
  company: 'Hanbit',
  message: 'Wind power supply chain',
  fingerprint: 'print-2',
  country: 'KR',
  language: 'ko',
  sector: 'seafood-processing',
  investmentSize: 'under-1m',
  itemId: 'ip-hoa-trung',
  type: 'correction',
  consent: { version: '2026-02', at: '2026-03-01T03:00:00.000Z', language: 'ko' },
  version: 5,
  owner: minh,
  history: [{ id: 'h2', at: '2026-03-01T04:00:00.000Z', by: minh, type: 'status', from: 'new', to: 'in-progress' }],
  firstReplyAt: '2026-03-01T05:00:00.000Z',
  answeredAt: '2026-03-02T06:00:00.000Z',
  updatedAt: '2026-03-02T06:00:00.000Z',
  erasedAt: '2026-03-02T07:00:00.000Z',
  expiresAt: 1_836_000_000,
};

const FIELDS = Object.keys(inquiryRecordSchema.shape) as InquiryField[];
const REQUIRED = new Set(FIELDS.filter((field) => !inquiryRecordSchema.shape[field].safeParse(undefined).success));

const VIEWS: { name: string; notShown: Partial<Record<InquiryField, string>>; render: (record: InquiryRecord) => unknown }[] = [
  { name: 'the inbox row (NOT_IN_SUMMARY)', notShown: NOT_IN_SUMMARY, render: (record) => summarize(record, NOW) },
  { name: 'the inquiry view (NOT_IN_DETAIL)', notShown: NOT_IN_DETAIL, render: (record) => inquiryDetail(record, NOW) },
  { name: 'the CSV export (NOT_IN_CSV)', notShown: NOT_IN_CSV, render: (record) => inquiriesCsv([inquiryCsvRow(record, NOW)]) },
];

/** A view shows a field when changing or (for an optional field) removing it changes what the view gives. */
function shows(render: (record: InquiryRecord) => unknown, field: InquiryField): boolean {
  const seen = JSON.stringify(render(full));
  const changed = JSON.stringify(render({ ...full, [field]: other[field] }));
  if (changed !== seen) return true;
  if (REQUIRED.has(field)) return false;
  const { [field]: _removed, ...without } = full;
  return JSON.stringify(render(without as InquiryRecord)) !== seen;
}

describe('the staff views of a stored inquiry', () => {
  it('are tested with fixtures that set every field of the record schema to valid, different values', () => {
    for (const fixture of [full, other]) {
      expect(Object.keys(fixture).sort()).toEqual([...FIELDS].sort());
      expect(inquiryRecordSchema.parse(fixture)).toEqual(fixture);
    }
    for (const field of FIELDS) expect(JSON.stringify(other[field]), field).not.toBe(JSON.stringify(full[field]));
  });

  for (const view of VIEWS)
    it(`${view.name}: shows every field not listed as left out, and leaves out every listed one`, () => {
      const missing = FIELDS.filter((field) => !(field in view.notShown) && !shows(view.render, field));
      const listedButShown = FIELDS.filter((field) => field in view.notShown && shows(view.render, field));
      expect(missing, 'shown nowhere and not listed with a reason').toEqual([]);
      expect(listedButShown, 'listed as left out, yet shown').toEqual([]);
      for (const reason of Object.values(view.notShown)) expect(reason?.length).toBeGreaterThan(10);
    });

  it('give exactly the answer types the islands read', () => {
    for (const record of [full, other]) {
      expect(inquirySummarySchema.strict().parse(summarize(record, NOW))).toEqual(summarize(record, NOW));
      expect(inquiryDetailSchema.strict().parse(inquiryDetail(record, NOW))).toEqual(inquiryDetail(record, NOW));
      expect(inquiryCsvRowSchema.strict().parse(inquiryCsvRow(record, NOW))).toEqual(inquiryCsvRow(record, NOW));
    }
    // Absent facts are null, not missing: every key of the answer is always there.
    const bare = {
      idempotencyKey: 'k',
      reference: 'CM-2026-ABCDEF',
      status: 'new',
      receivedAt: full.receivedAt,
      country: 'JP',
      language: 'ja',
    } as const;
    const detail = inquiryDetail(bare, NOW);
    expect(inquiryDetailSchema.strict().parse(detail)).toEqual(detail);
    expect(Object.keys(detail).sort()).toEqual(Object.keys(inquiryDetailSchema.shape).sort());
  });
});
