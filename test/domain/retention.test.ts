// Retention as the privacy notice promises: the expiry written into each inquiry (24 months after it arrived, then
// after each reply) and each download record (12 months), in calendar months, in DynamoDB's epoch seconds.
import { describe, expect, it } from 'vitest';
import type { InquiryRecord } from '#domain/inquiries/record.ts';
import { addReply } from '#domain/inquiries/staff/changes.ts';
import { expiryAfter, RETENTION } from '#domain/retention.ts';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('retention', () => {
  it('counts calendar months, ending a short month on its last day', () => {
    expect(iso(expiryAfter('2026-03-02T03:00:00.000Z', 24))).toBe('2028-03-02T03:00:00.000Z');
    expect(iso(expiryAfter('2026-03-31T10:00:00.000Z', 1))).toBe('2026-04-30T10:00:00.000Z');
    expect(iso(expiryAfter('2028-02-29T00:00:00.000Z', 12))).toBe('2029-02-28T00:00:00.000Z');
  });

  it('keeps an inquiry 24 months after its last reply, whatever it was set to before', () => {
    const inquiry: InquiryRecord = {
      idempotencyKey: 'k',
      reference: 'CM-2026-ABCDEF',
      status: 'new',
      receivedAt: '2026-03-02T03:00:00.000Z',
      country: 'JP',
      language: 'ja',
      expiresAt: expiryAfter('2026-03-02T03:00:00.000Z', RETENTION.inquiryMonthsAfterLastReply),
    };
    const ctx = { by: { id: 's', name: 'lan' }, now: '2026-09-15T08:00:00.000Z', newId: () => 'r1' };
    const { next } = addReply(inquiry, { text: 'Yes', subject: 'Re', answers: true }, ctx);
    expect(iso(next.expiresAt!)).toBe('2028-09-15T08:00:00.000Z');
  });
});
