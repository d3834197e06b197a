// POST /api/downloads/{documentId} against real dynalite and s3rver: signed URLs that work, expire, and refuse tampering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { DOWNLOAD_URL_SECONDS } from '#domain/catalog/documents.ts';
import { s3DocumentFiles } from '../../functions/storage/s3.ts';
import { GUIDE_PDF, PRICE_CSV, countItems, scanAll, send, startTestStack, type TestStack } from './helpers.ts';

let stack: TestStack;
let api: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = stack.api.url;
});
afterAll(async () => stack?.cleanup());

const download = (id: string, json: unknown) => send(api, `/api/downloads/${id}`, { json });
const lead = {
  language: 'vi',
  name: 'Nguyễn Văn A',
  email: 'a@example.vn',
  company: 'Cà Mau Seafood',
  country: 'VN',
  consent: true,
  consentVersion: '2026-01',
};

async function eventsFor(documentId: string) {
  return (await scanAll(stack.db, stack.names.tables.downloads)).filter((e) => e.documentId === documentId);
}

describe('a document that asks nothing', () => {
  it('answers a signed URL living at most 300 s that serves the file under its name', async () => {
    const before = Date.now();
    const answer = await download('investment-guide', { language: 'ja' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['expiresAt', 'url']);
    const url = new URL(answer.body.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(DOWNLOAD_URL_SECONDS);
    const expiresAt = Date.parse(answer.body.expiresAt);
    expect(expiresAt).toBeGreaterThan(before);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + DOWNLOAD_URL_SECONDS * 1000);

    const file = await fetch(answer.body.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(GUIDE_PDF);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="investment-guide.pdf"');
  });

  it('records the download (document, version, language, time) with an expiry and no personal data', async () => {
    const before = (await eventsFor('investment-guide')).length;
    expect((await download('investment-guide', { language: 'ko', itemId: 'ip-khanh-an' })).status).toBe(200);
    const events = await eventsFor('investment-guide');
    expect(events).toHaveLength(before + 1);
    const event = events.find((e) => e.language === 'ko')!;
    expect(event).toMatchObject({ documentId: 'investment-guide', documentVersion: '2', language: 'ko', itemId: 'ip-khanh-an' });
    expect(Math.abs(Date.parse(event.at) - Date.now())).toBeLessThan(60_000);
    // Deleted by DynamoDB 12 months after the download (the privacy notice's promise).
    expect(event.expiresAt * 1000 - Date.parse(event.at)).toBeGreaterThan(365 * 86_400_000 - 1000);
    expect(event.expiresAt * 1000 - Date.parse(event.at)).toBeLessThanOrEqual(366 * 86_400_000);
    expect(event).not.toHaveProperty('lead');
    expect(event).not.toHaveProperty('consent');
  });

  it('refuses lead details it does not need, and a language the site does not offer', async () => {
    const before = await countItems(stack, 'downloads');
    const extra = await download('investment-guide', { language: 'en', email: 'a@example.com' });
    expect(extra.status).toBe(400);
    expect(extra.body).toEqual({ errors: [{ field: 'email', code: 'unknown_field' }] });
    const language = await download('investment-guide', { language: 'de' });
    expect(language.body).toEqual({ errors: [{ field: 'language', code: 'not_allowed' }] });
    const missing = await download('investment-guide', {});
    expect(missing.body).toEqual({ errors: [{ field: 'language', code: 'required' }] });
    const item = await download('investment-guide', { language: 'en', itemId: 'Not An Id' });
    expect(item.body).toEqual({ errors: [{ field: 'itemId', code: 'invalid_format' }] });
    expect(await countItems(stack, 'downloads')).toBe(before);
  });
});

describe('a document that asks for lead details', () => {
  it('refuses the request without them, naming each missing field', async () => {
    const answer = await download('land-prices', { language: 'en' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'name', code: 'required' },
      { field: 'email', code: 'required' },
      { field: 'country', code: 'required' },
      { field: 'consent', code: 'required' },
      { field: 'consentVersion', code: 'required' },
    ]);
    const refused = await download('land-prices', { ...lead, consent: false });
    expect(refused.body).toEqual({ errors: [{ field: 'consent', code: 'must_be_true' }] });
  });

  it('records the lead and what was consented to, then serves the file', async () => {
    const answer = await download('land-prices', lead);
    expect(answer.status).toBe(200);
    const file = await fetch(answer.body.url);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PRICE_CSV);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [event] = await eventsFor('land-prices');
    expect(event).toMatchObject({
      language: 'vi',
      lead: { name: 'Nguyễn Văn A', email: 'a@example.vn', company: 'Cà Mau Seafood', country: 'VN' },
      consent: { version: '2026-01', language: 'vi', at: event?.at },
    });
  });
});

describe('signed URLs', () => {
  it('are refused by S3 once expired', async () => {
    const files = s3DocumentFiles(stack.s3Client, stack.names.buckets.documents);
    const doc = stack.documents.find((d) => d.meta.id === 'investment-guide')!.meta;
    const signed = await files.signedUrl(doc, 60, new Date(Date.now() - 120_000));
    expect(Date.parse(signed.expiresAt)).toBeLessThan(Date.now());
    const response = await fetch(signed.url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
  });

  it('never live longer than 300 s, whatever is asked', async () => {
    const files = s3DocumentFiles(stack.s3Client, stack.names.buckets.documents);
    const doc = stack.documents[0]!.meta;
    const signed = await files.signedUrl(doc, 86_400, new Date());
    expect(new URL(signed.url).searchParams.get('X-Amz-Expires')).toBe('300');
  });

  it('are refused by S3 when tampered with: another file, a longer life, another signature, or no signature', async () => {
    const answer = await download('investment-guide', { language: 'en' });
    const url = new URL(answer.body.url);

    const otherFile = new URL(url);
    otherFile.pathname = otherFile.pathname.replace('investment-guide/2/investment-guide.pdf', 'land-prices/1/land-prices.csv');
    expect(otherFile.pathname).toContain('land-prices.csv');

    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '604800');

    const signature = url.searchParams.get('X-Amz-Signature')!;
    const forged = new URL(url);
    forged.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);

    const renamed = new URL(url);
    renamed.searchParams.set('response-content-disposition', 'inline');

    for (const tampered of [otherFile, longer, forged, renamed]) {
      const response = await fetch(tampered);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('SignatureDoesNotMatch');
    }

    const unsigned = new URL(url);
    unsigned.search = '';
    const anonymous = await fetch(unsigned);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toContain('AccessDenied');
  });
});

describe('unknown documents', () => {
  it('answer 404 {"errors":[{"code":"not_found"}]} and record nothing', async () => {
    const before = await countItems(stack, 'downloads');
    for (const id of ['no-such-document', 'UPPER', '..%2F..%2Fetc']) {
      const answer = await download(id, { language: 'en' });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ errors: [{ code: 'not_found' }] });
    }
    expect(await countItems(stack, 'downloads')).toBe(before);
  });

  it('include a listed document whose file is missing from the bucket', async () => {
    const doc = stack.documents.find((d) => d.meta.id === 'investment-guide')!.meta;
    await stack.s3Client.send(new DeleteObjectCommand({ Bucket: stack.names.buckets.documents, Key: doc.s3Key }));
    const before = await countItems(stack, 'downloads');
    const answer = await download('investment-guide', { language: 'en' });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ errors: [{ code: 'not_found' }] });
    expect(await countItems(stack, 'downloads')).toBe(before);
  });

  it('refuse bodies over 32 KB with 413', async () => {
    const answer = await download('land-prices', { ...lead, name: 'x'.repeat(40_000) });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ errors: [{ code: 'payload_too_large' }] });
  });
});
