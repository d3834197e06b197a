// The contact fields every form shares: an e-mail's local part within RFC 5321's 64 octets, and a download lead's
// name and company one line each, as the inquiry form's are.
import { describe, expect, it } from 'vitest';
import { checkDownloadRequest } from '#domain/catalog/documents.ts';
import { checkInquiryFields } from '#domain/inquiries/inquiry.ts';

const inquiry = (email: string) => ({
  name: 'Aiko Tanaka',
  email,
  country: 'JP',
  language: 'ja',
  message: 'About land.',
  consent: true,
  consentVersion: '2026-01',
});
const lead = (fields: Record<string, unknown>) =>
  checkDownloadRequest(
    { requiresLead: true },
    { language: 'en', email: 'a@example.org', country: 'JP', consent: true, consentVersion: '2026-01', ...fields },
  );

describe('contact fields', () => {
  it('refuse an e-mail whose local part is over 64 octets', () => {
    expect(checkInquiryFields(inquiry(`${'a'.repeat(64)}@example.org`)).ok).toBe(true);
    expect(checkInquiryFields(inquiry(`${'a'.repeat(65)}@example.org`))).toEqual({
      ok: false,
      errors: [{ field: 'email', code: 'invalid_email' }],
    });
  });

  it('keep a download lead’s name and company on one line', () => {
    expect(lead({ name: 'Aiko Tanaka', company: 'Tanaka Shoji' }).ok).toBe(true);
    expect(lead({ name: 'Aiko\nBcc: x@example.org' })).toEqual({ ok: false, errors: [{ field: 'name', code: 'invalid_format' }] });
    expect(lead({ name: 'Aiko', company: 'Tanaka\r\nShoji' })).toEqual({
      ok: false,
      errors: [{ field: 'company', code: 'invalid_format' }],
    });
  });
});
