// The domain core on its own: countries, references, statuses, schemas tied to site.json, documents metadata, escaping and mail building.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import siteJson from '../../content/site.json' with { type: 'json' };
import { readDocuments } from '#content-files/documents.ts';
import { COUNTRY_CODES, isCountryCode } from '#domain/inquiries/countries.ts';
import { checkDownloadRequest, documentFileSchema } from '#domain/catalog/documents.ts';
import { escapeHtml } from '#domain/text/escape.ts';
import { checkInquiry, checkInquiryFields, inquirySchema } from '#domain/inquiries/inquiry.ts';
import { INQUIRY_STATUSES, canChangeStatus, isOpen, nextStatuses } from '#domain/inquiries/inquiry-status.ts';
import { REFERENCE_ALPHABET, REFERENCE_PATTERN, newReference, parseReference } from '#domain/inquiries/reference.ts';
import { isRightToLeft } from '#domain/site.ts';
import { ACKNOWLEDGEMENT_TEXTS } from '../../functions/mail/acknowledgement-texts.ts';
import { buildMime } from '../../functions/mail/mime.ts';
import { TABLES, isExpired, resourceNames } from '../../functions/resources.ts';
import { createTableInput } from '../../functions/storage/provision.ts';
import { validInquiry } from './helpers.ts';

describe('countries', () => {
  it('are the 249 assigned ISO 3166-1 alpha-2 codes, each with a name every site language can show', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const language of siteJson.languages) {
      const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
      for (const code of COUNTRY_CODES) expect(names.of(code), `${code} in ${language}`).toBeTruthy();
    }
  });

  it('refuse codes that are not countries, and other spellings', () => {
    for (const code of ['EU', 'UN', 'XK', 'ZZ', 'AA', 'UK', 'jp', 'JPN', 'J', '']) expect(isCountryCode(code), code).toBe(false);
    for (const code of ['JP', 'KR', 'CN', 'SG', 'AE', 'MY', 'DE', 'VN']) expect(isCountryCode(code), code).toBe(true);
  });
});

describe('the inquiry schema', () => {
  it('takes its sectors, size ranges and languages from content/site.json', () => {
    for (const sector of siteJson.sectors) expect(checkInquiryFields(validInquiry({ sector })).ok, sector).toBe(true);
    for (const size of siteJson.investmentSizes) expect(checkInquiryFields(validInquiry({ investmentSize: size })).ok, size).toBe(true);
    for (const language of siteJson.languages) expect(checkInquiryFields(validInquiry({ language })).ok, language).toBe(true);
    expect(Object.keys(inquirySchema.shape).sort()).toEqual([
      'company',
      'consent',
      'consentVersion',
      'country',
      'email',
      'investmentSize',
      'itemId',
      'language',
      'message',
      'name',
      'sector',
      'startedAt',
      'type',
      'website',
    ]);
  });

  it('accepts the optional inquiry type of a correction and refuses any other', () => {
    expect(checkInquiryFields(validInquiry({ type: 'correction' })).ok).toBe(true);
    expect(checkInquiryFields(validInquiry({ type: 'complaint' }))).toEqual({
      ok: false,
      errors: [{ field: 'type', code: 'not_allowed' }],
    });
  });

  it('keeps neither the honeypot nor the start time in what it returns', () => {
    const checked = checkInquiry(validInquiry({ website: '', startedAt: 1 }), Date.now());
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.value).not.toHaveProperty('website');
      expect(checked.value).not.toHaveProperty('startedAt');
    }
  });

  it('does not call a client clock that runs ahead "too fast"', () => {
    const now = Date.now();
    expect(checkInquiry(validInquiry({ startedAt: now + 60_000 }), now).ok).toBe(true);
    expect(checkInquiry(validInquiry({ startedAt: now - 2_999 }), now)).toEqual({
      ok: false,
      errors: [{ field: 'startedAt', code: 'too_fast' }],
    });
    expect(checkInquiry(validInquiry({ startedAt: now - 3_000 }), now).ok).toBe(true);
  });
});

describe('reference numbers', () => {
  it('look like CM-2026-7K3Q9X and use no look-alike characters', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILOU]/);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const reference = newReference(new Date('2026-03-01T00:00:00Z'));
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(reference.startsWith('CM-2026-')).toBe(true);
      seen.add(reference);
    }
    // 30^6 possible codes: 2,000 draws collide about once in 370 runs, three collisions practically never.
    expect(2000 - seen.size).toBeLessThanOrEqual(2);
    // Every character of the alphabet turns up, so the random part spans all of it.
    const used = new Set([...seen].flatMap((reference) => [...reference.slice('CM-2026-'.length)]));
    expect([...used].sort().join('')).toBe([...REFERENCE_ALPHABET].sort().join(''));
  });

  it('carry the year in Vietnam, where staff work', () => {
    expect(newReference(new Date('2025-12-31T18:00:00Z')).startsWith('CM-2026-')).toBe(true);
    expect(newReference(new Date('2025-12-31T16:00:00Z')).startsWith('CM-2025-')).toBe(true);
  });

  it('skip random bytes that would favour the first characters (no modulo bias)', () => {
    // 256 is not a multiple of 30: bytes 240-255 must be thrown away, not folded onto "2" to "J".
    const calls = [Uint8Array.from({ length: 16 }, (_, i) => 240 + i), Uint8Array.from({ length: 16 }, (_, i) => 30 + i)];
    const reference = newReference(new Date('2026-06-01T00:00:00Z'), () => calls.shift()!);
    expect(reference).toBe(`CM-2026-${REFERENCE_ALPHABET.slice(0, 6)}`);
    expect(calls).toHaveLength(0);
  });

  it('are read back as a person types them', () => {
    expect(parseReference(' cm-2026-7k3q9x ')).toBe('CM-2026-7K3Q9X');
    expect(parseReference('CM-2026-7K3Q9O')).toBeUndefined();
    expect(parseReference('CM-26-7K3Q9X')).toBeUndefined();
  });
});

describe('the inquiry status lifecycle', () => {
  it('goes new → in-progress → answered → closed, with spam as a way out', () => {
    expect(INQUIRY_STATUSES).toEqual(['new', 'in-progress', 'answered', 'closed', 'spam']);
    expect(canChangeStatus('new', 'in-progress')).toBe(true);
    expect(canChangeStatus('in-progress', 'answered')).toBe(true);
    expect(canChangeStatus('answered', 'closed')).toBe(true);
    expect(canChangeStatus('new', 'spam')).toBe(true);
    expect(canChangeStatus('spam', 'new')).toBe(true);
  });

  it('does not skip steps or answer twice without reopening', () => {
    expect(canChangeStatus('new', 'answered')).toBe(false);
    expect(canChangeStatus('new', 'closed')).toBe(false);
    expect(canChangeStatus('closed', 'answered')).toBe(false);
    expect(canChangeStatus('answered', 'answered')).toBe(false);
    expect(nextStatuses('closed')).toEqual(['in-progress']);
    expect(INQUIRY_STATUSES.filter(isOpen)).toEqual(['new', 'in-progress']);
  });
});

describe('document metadata', () => {
  const good = { id: 'guide', title: { en: 'Guide' }, language: 'en', format: 'pdf', version: 3, date: '2026-01-15', file: 'guide.pdf' };

  it('accepts a publisher’s file and fills in defaults', () => {
    const parsed = documentFileSchema.parse(good);
    expect(parsed).toMatchObject({ version: '3', requiresLead: false });
  });

  it('names the field and the fix for each mistake', () => {
    const problems = (data: unknown) =>
      documentFileSchema.safeParse(data).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(problems({ ...good, format: 'pdf', file: 'guide.docx' })).toEqual([
      'file: the file\'s extension ".docx" does not match format "pdf"',
    ]);
    expect(problems({ ...good, title: { vi: 'Cẩm nang' } })[0]).toContain('English title');
    expect(problems({ ...good, file: 'my guide.pdf' })[0]).toMatch(/^file: expected a file name/);
    expect(problems({ ...good, format: 'exe', file: 'guide.exe' })[0]).toMatch(/^format: expected one of: pdf/);
    expect(problems({ ...good, colour: 'red' })[0]).toMatch(/colour/);
  });

  it('is checked against the files beside it when read from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'camau-docs-'));
    try {
      writeFileSync(join(dir, 'guide.pdf'), 'pdf bytes');
      writeFileSync(
        join(dir, 'guide.yaml'),
        'id: guide\ntitle: { en: Guide }\nlanguage: en\nformat: pdf\nversion: 1\ndate: "2026"\nfile: guide.pdf\n',
      );
      writeFileSync(
        join(dir, 'other.yaml'),
        'id: not-other\ntitle: { en: Other }\nlanguage: en\nformat: pdf\nversion: 1\ndate: "2026"\nfile: missing.pdf\n',
      );
      writeFileSync(
        join(dir, 'sized.yaml'),
        'id: sized\ntitle: { en: Sized }\nlanguage: en\nformat: pdf\nversion: 1\ndate: "2026"\nfile: guide.pdf\nsize: 5\ns3Key: documents/sized.pdf\n',
      );
      writeFileSync(join(dir, 'broken.yaml'), 'id: [unclosed\n');
      const { documents, problems } = readDocuments(dir);
      expect(documents.map((d) => d.meta)).toEqual([
        expect.objectContaining({ id: 'guide', size: 9, s3Key: 'documents/guide/1/guide.pdf' }),
        expect.objectContaining({ id: 'sized', s3Key: 'documents/sized.pdf' }),
      ]);
      expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
        'content/documents/broken.yaml (syntax)',
        'content/documents/other.yaml id',
        'content/documents/other.yaml file',
        'content/documents/sized.yaml size',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decides which download fields are asked for', () => {
    const lead = { language: 'en', name: 'A', email: 'a@example.com', country: 'SG', consent: true, consentVersion: '1' };
    expect(checkDownloadRequest({ requiresLead: false }, { language: 'en' }).ok).toBe(true);
    expect(checkDownloadRequest({ requiresLead: false }, lead).ok).toBe(false);
    expect(checkDownloadRequest({ requiresLead: true }, lead).ok).toBe(true);
    expect(checkDownloadRequest({ requiresLead: true }, { language: 'en' }).ok).toBe(false);
  });
});

describe('e-mail', () => {
  it('has an acknowledgement for every site language, each with all its placeholders', () => {
    expect(Object.keys(ACKNOWLEDGEMENT_TEXTS).sort()).toEqual([...siteJson.languages].sort());
    for (const [language, texts] of Object.entries(ACKNOWLEDGEMENT_TEXTS)) {
      expect(texts.subject, language).toContain('{reference}');
      expect(texts.greeting, language).toContain('{name}');
      expect(texts.received, language).toContain('{days}');
      expect(texts.privacy, language).toContain('{version}');
    }
    expect(isRightToLeft('ar')).toBe(true);
    expect(siteJson.languages.filter(isRightToLeft)).toEqual(['ar']);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('refuses header injection and encodes non-ASCII subjects', () => {
    const message = {
      kind: 'test',
      from: 'a@example.com',
      to: 'b@example.com',
      subject: 'ok',
      language: 'en',
      text: 't',
      html: '<p>t</p>',
    };
    expect(() => buildMime({ ...message, to: 'b@example.com\r\nBcc: c@example.com' })).toThrow(/single line/);
    expect(buildMime({ ...message, subject: '受付番号' })).toContain(`Subject: =?UTF-8?B?${Buffer.from('受付番号').toString('base64')}?=`);
  });
});

describe('table definitions', () => {
  it('describe every key and index attribute once', () => {
    const input = createTableInput(TABLES.inquiries, 'x-inquiries');
    expect(input.KeySchema).toEqual([{ AttributeName: 'idempotencyKey', KeyType: 'HASH' }]);
    expect(input.AttributeDefinitions?.map((a) => a.AttributeName).sort()).toEqual(['idempotencyKey', 'receivedAt', 'reference', 'status']);
    expect(input.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['by-reference', 'by-status']);
    expect(createTableInput(TABLES.downloads, 'x').KeySchema).toEqual([
      { AttributeName: 'documentId', KeyType: 'HASH' },
      { AttributeName: 'eventKey', KeyType: 'RANGE' },
    ]);
  });

  it('take deployed names from the environment and local names otherwise', () => {
    const names = resourceNames({ INQUIRIES_TABLE: 'Prod-Inquiries', DOCUMENTS_BUCKET: 'prod-docs' });
    expect(names.tables).toEqual({
      inquiries: 'Prod-Inquiries',
      downloads: 'camau-local-downloads',
      rateLimits: 'camau-local-rate-limits',
      auditLog: 'camau-local-audit-log',
      staffMembers: 'camau-local-staff-members',
      published: 'camau-local-published',
    });
    expect(names.buckets.documents).toBe('prod-docs');
  });

  it('treat an item past its TTL as gone even though the database still holds it', () => {
    const now = Date.now();
    expect(isExpired({ expiresAt: Math.floor(now / 1000) - 1 }, now)).toBe(true);
    expect(isExpired({ expiresAt: Math.floor(now / 1000) + 60 }, now)).toBe(false);
    expect(isExpired({}, now)).toBe(false);
  });
});
