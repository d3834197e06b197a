// POST /api/inquiries against real dynalite and s3rver: the contract's answers, every rule, idempotency, rate limits and mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { expiryAfter } from '#domain/retention.ts';
import { silentLog } from '../../functions/api/log.ts';
import { REFERENCE_PATTERN } from '#domain/inquiries/reference.ts';
import { folderMailer } from '../../functions/local/mail-folder.ts';
import { startApiServer, type Running } from '../../functions/local/servers.ts';
import { createLocalApp } from '../../functions/local/stack.ts';
import { countItems, postInquiry, readMails, scanAll, send, startTestStack, validInquiry, type TestStack } from './helpers.ts';

let stack: TestStack;
let api: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = stack.api.url;
});
afterAll(async () => stack?.cleanup());

/** The mails about an inquiry once the mail worker has sent what is owed (it runs after the answer, not before it). */
async function mailsFor(reference: string) {
  await stack.mailWorker.idle();
  return readMails(stack.mailDir).filter((mail) => mail.raw.includes(reference) || mail.subject.includes(reference));
}

async function stored(key: string) {
  const out = await stack.db.send(
    new GetCommand({ TableName: stack.names.tables.inquiries, Key: { idempotencyKey: key }, ConsistentRead: true }),
  );
  return out.Item;
}

describe('GET /api/health', () => {
  it('answers 200 {"status":"ok"} and is never cached', async () => {
    const answer = await send(api, '/api/health', { method: 'GET' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok' });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('a valid inquiry', () => {
  it('is stored once with its consent record, answered 201 with a reference, and mailed to the investor and to staff', async () => {
    const key = crypto.randomUUID();
    const before = Date.now();
    const answer = await postInquiry(api, validInquiry({ name: '  Aiko Tanaka ' }), { key });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ reference: expect.stringMatching(REFERENCE_PATTERN), status: 'received' });
    expect(answer.headers.get('idempotent-replayed')).toBeNull();

    const item = await stored(key);
    expect(item).toMatchObject({
      idempotencyKey: key,
      reference: answer.body.reference,
      status: 'new',
      name: 'Aiko Tanaka',
      email: 'aiko@example.jp',
      country: 'JP',
      sector: 'seafood-processing',
      investmentSize: '10m-50m',
      language: 'ja',
      itemId: 'ip-khanh-an',
      consent: { version: '2026-01', language: 'ja', at: item?.receivedAt },
    });
    expect(Date.parse(item!.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    // Deleted by DynamoDB 24 months after arrival unless a reply moves it on (the privacy notice's promise).
    expect(new Date(item!.expiresAt * 1000).toISOString()).toBe(new Date(expiryAfter(item!.receivedAt, 24) * 1000).toISOString());
    expect(item!.expiresAt * 1000 - Date.parse(item!.receivedAt)).toBeGreaterThan(729 * 86_400_000);
    // The anti-spam fields are checked, not kept.
    expect(item).not.toHaveProperty('website');
    expect(item).not.toHaveProperty('startedAt');

    const mails = await mailsFor(answer.body.reference);
    expect(mails.map((m) => m.headers.to ?? '').sort()).toEqual([
      'Investor relations <investor-relations@invest.localhost>',
      'aiko@example.jp',
    ]);
    const ack = mails.find((m) => m.headers.to === 'aiko@example.jp')!;
    // Answered in the investor's language (Japanese), with the reference and what happens next.
    expect(ack.subject).toBe(`お問い合わせ（${answer.body.reference}）を受け付けました`);
    expect(ack.headers['content-language']).toBe('ja');
    expect(ack.text).toContain('営業日以内');
    expect(ack.html).toContain('<html lang="ja" dir="ltr">');
  });

  it('accepts the optional fields left out, empty or null', async () => {
    const minimal = {
      name: 'Lee',
      email: 'lee@example.kr',
      country: 'KR',
      language: 'ko',
      message: 'Hello',
      consent: true,
      consentVersion: 'v1',
    };
    expect((await postInquiry(api, minimal)).status).toBe(201);
    const answer = await postInquiry(api, {
      ...minimal,
      company: '',
      sector: null,
      investmentSize: '',
      itemId: null,
      website: '',
      startedAt: Date.now() - 60_000,
    });
    expect(answer.status).toBe(201);
  });

  it('accepts every boundary value: 200-character name and company, 5000-character message', async () => {
    const answer = await postInquiry(api, validInquiry({ name: 'n'.repeat(200), company: 'c'.repeat(200), message: 'm'.repeat(5000) }));
    expect(answer.status).toBe(201);
  });

  it('writes an Arabic acknowledgement right to left', async () => {
    const answer = await postInquiry(api, validInquiry({ language: 'ar', email: 'omar@example.ae', country: 'AE' }));
    expect(answer.status).toBe(201);
    const ack = (await mailsFor(answer.body.reference)).find((m) => m.headers.to === 'omar@example.ae')!;
    expect(ack.html).toContain('<html lang="ar" dir="rtl">');
    expect(ack.subject).toContain('تم استلام استفسارك');
  });
});

describe('e-mails', () => {
  it('HTML-escape every piece of visitor text, in the acknowledgement and in the staff notice', async () => {
    const answer = await postInquiry(
      api,
      validInquiry({
        name: '<script>alert(1)</script>',
        company: '"Evil" & <b>Co</b>',
        message: 'Hi <img src=x onerror=alert(2)>\nsecond line',
        language: 'en',
      }),
    );
    expect(answer.status).toBe(201);
    const mails = await mailsFor(answer.body.reference);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      // The plain-text part shows the text as typed.
      expect(mail.text).toContain('<script>alert(1)</script>');
    }
    const staff = mails.find((m) => m.headers.to?.includes('investor-relations'))!;
    expect(staff.html).toContain('Hi &lt;img src=x onerror=alert(2)&gt;<br>second line');
    // The acknowledgement goes to whatever address was typed: it does not carry the message there.
    const ack = mails.find((m) => m !== staff)!;
    expect(`${ack.text}${ack.html}`).not.toContain('second line');
    expect(staff.html).toContain('&quot;Evil&quot; &amp; &lt;b&gt;Co&lt;/b&gt;');
    // Visitor text stays out of the staff subject line.
    expect(staff.subject).toBe(`New inquiry ${answer.body.reference} (JP, en)`);
  });
});

describe('Idempotency-Key', () => {
  it('gives the same reference for the same key and body, without a second record or second mail', async () => {
    const key = crypto.randomUUID();
    const first = await postInquiry(api, validInquiry({ email: 'retry@example.jp' }), { key });
    // Key order and surrounding spaces do not make it another body.
    const reordered = Object.fromEntries(Object.entries(validInquiry({ email: ' retry@example.jp' })).reverse());
    const second = await postInquiry(api, reordered, { key: key.toUpperCase() });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const items = (await scanAll(stack.db, stack.names.tables.inquiries)).filter((i) => i.reference === first.body.reference);
    expect(items).toHaveLength(1);
    expect(await mailsFor(first.body.reference)).toHaveLength(2);
  });

  it('refuses the same key with another body with 422, and keeps the first record unchanged', async () => {
    const key = crypto.randomUUID();
    const first = await postInquiry(api, validInquiry({ message: 'first' }), { key });
    const other = await postInquiry(api, validInquiry({ message: 'second' }), { key });
    expect(first.status).toBe(201);
    expect(other.status).toBe(422);
    expect(other.body).toEqual({ errors: [{ field: 'Idempotency-Key', code: 'conflict' }] });
    expect((await stored(key))?.message).toBe('first');
  });

  it('turns 50 concurrent submissions with one key into one record, one reference and one pair of e-mails', async () => {
    const key = crypto.randomUUID();
    const body = validInquiry({ email: 'burst@example.jp', message: 'pressed submit many times' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => postInquiry(api, body, { key })));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const references = new Set(answers.map((a) => a.body.reference));
    expect(references.size).toBe(1);
    const [reference] = [...references] as [string];
    const items = (await scanAll(stack.db, stack.names.tables.inquiries)).filter((i) => i.idempotencyKey === key);
    expect(items).toHaveLength(1);
    expect(items[0]?.reference).toBe(reference);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await mailsFor(reference)).toHaveLength(2);
  });

  it('is required and must be a UUID', async () => {
    const missing = await postInquiry(api, validInquiry(), { key: null });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ errors: [{ field: 'Idempotency-Key', code: 'required' }] });
    const wrong = await postInquiry(api, validInquiry(), { key: 'not-a-uuid' });
    expect(wrong.body).toEqual({ errors: [{ field: 'Idempotency-Key', code: 'invalid_format' }] });
  });
});

describe('invalid input is refused before anything is stored', () => {
  // A function where the change depends on when the request is sent.
  const cases: [string, Record<string, unknown> | (() => Record<string, unknown>), { field: string; code: string }][] = [
    ['name missing', { name: undefined }, { field: 'name', code: 'required' }],
    ['name empty', { name: '' }, { field: 'name', code: 'required' }],
    ['name only spaces', { name: '   ' }, { field: 'name', code: 'required' }],
    ['name 201 characters', { name: 'n'.repeat(201) }, { field: 'name', code: 'too_long' }],
    ['name with a line break', { name: 'Aiko\nBcc: x@example.com' }, { field: 'name', code: 'invalid_format' }],
    ['name not text', { name: 42 }, { field: 'name', code: 'invalid_type' }],
    ['email missing', { email: undefined }, { field: 'email', code: 'required' }],
    ['email malformed', { email: 'aiko-at-example.jp' }, { field: 'email', code: 'invalid_email' }],
    ['email with two @', { email: 'a@b@example.jp' }, { field: 'email', code: 'invalid_email' }],
    ['email too long', { email: `${'a'.repeat(250)}@example.jp` }, { field: 'email', code: 'too_long' }],
    ['company 201 characters', { company: 'c'.repeat(201) }, { field: 'company', code: 'too_long' }],
    ['country missing', { country: undefined }, { field: 'country', code: 'required' }],
    ['country unknown', { country: 'XX' }, { field: 'country', code: 'invalid_country' }],
    ['country lower case', { country: 'jp' }, { field: 'country', code: 'invalid_country' }],
    ['country alpha-3', { country: 'JPN' }, { field: 'country', code: 'invalid_country' }],
    ['country not a country (EU)', { country: 'EU' }, { field: 'country', code: 'invalid_country' }],
    ['sector unknown', { sector: 'mining' }, { field: 'sector', code: 'not_allowed' }],
    ['investment size unknown', { investmentSize: 'huge' }, { field: 'investmentSize', code: 'not_allowed' }],
    ['language missing', { language: undefined }, { field: 'language', code: 'required' }],
    ['language not offered', { language: 'fr' }, { field: 'language', code: 'not_allowed' }],
    ['message missing', { message: undefined }, { field: 'message', code: 'required' }],
    ['message blank', { message: ' \n ' }, { field: 'message', code: 'required' }],
    ['message 5001 characters', { message: 'm'.repeat(5001) }, { field: 'message', code: 'too_long' }],
    ['item id not an id', { itemId: 'Khanh An IP' }, { field: 'itemId', code: 'invalid_format' }],
    ['consent missing', { consent: undefined }, { field: 'consent', code: 'required' }],
    ['consent false', { consent: false }, { field: 'consent', code: 'must_be_true' }],
    ['consent as text', { consent: 'true' }, { field: 'consent', code: 'must_be_true' }],
    ['consent version missing', { consentVersion: undefined }, { field: 'consentVersion', code: 'required' }],
    ['consent version empty', { consentVersion: '' }, { field: 'consentVersion', code: 'required' }],
    ['start time not a number', { startedAt: 'yesterday' }, { field: 'startedAt', code: 'invalid_type' }],
    ['unknown field', { phone: '+81 3 1234 5678' }, { field: 'phone', code: 'unknown_field' }],
    ['honeypot filled', { website: 'https://spam.example' }, { field: 'website', code: 'spam' }],
    ['sent too fast', () => ({ startedAt: Date.now() - 500 }), { field: 'startedAt', code: 'too_fast' }],
  ];

  it.each(cases)('%s → 400', async (_title, change, expected) => {
    const before = await countItems(stack, 'inquiries');
    const counters = await countItems(stack, 'rateLimits');
    await stack.mailWorker.idle();
    const mails = readMails(stack.mailDir).length;
    const answer = await postInquiry(api, validInquiry(typeof change === 'function' ? change() : change));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [expected] });
    expect(await countItems(stack, 'inquiries')).toBe(before);
    expect(await countItems(stack, 'rateLimits')).toBe(counters);
    await stack.mailWorker.idle();
    expect(readMails(stack.mailDir)).toHaveLength(mails);
  });

  it('lists every problem at once, one entry per field', async () => {
    const answer = await postInquiry(api, { email: 'nope', country: 'XX', consent: false, extra: 1, language: 'en' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'required' },
        { field: 'email', code: 'invalid_email' },
        { field: 'country', code: 'invalid_country' },
        { field: 'message', code: 'required' },
        { field: 'consent', code: 'must_be_true' },
        { field: 'consentVersion', code: 'required' },
        { field: 'extra', code: 'unknown_field' },
      ]),
    );
    expect(answer.body.errors).toHaveLength(7);
  });

  it('refuses a body over 32 KB with 413, whether or not it says its length', async () => {
    const big = JSON.stringify(validInquiry({ message: 'x'.repeat(33 * 1024) }));
    const declared = await send(api, '/api/inquiries', {
      body: big,
      headers: { 'content-type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(declared.status).toBe(413);
    expect(declared.body).toEqual({ errors: [{ code: 'payload_too_large' }] });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await send(api, '/api/inquiries', {
      body: stream,
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(chunked.body).toEqual({ errors: [{ code: 'payload_too_large' }] });
  });

  it('refuses other media types, broken JSON and bodies that are not objects', async () => {
    const headers = { 'Idempotency-Key': crypto.randomUUID() };
    const text = await send(api, '/api/inquiries', {
      body: 'name=Aiko',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(text.status).toBe(415);
    expect(text.body).toEqual({ errors: [{ code: 'unsupported_media_type' }] });
    const broken = await send(api, '/api/inquiries', { body: '{"name":', headers: { ...headers, 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ errors: [{ code: 'invalid_json' }] });
    for (const json of [[validInquiry()], null, 'text', 7]) {
      const answer = await postInquiry(api, json);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errors: [{ code: 'invalid_type' }] });
    }
  });

  it('answers unknown paths with 404 and other methods with 405, as JSON', async () => {
    const unknown = await send(api, '/api/nothing-here', { method: 'GET' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ errors: [{ code: 'not_found' }] });
    const get = await send(api, '/api/inquiries', { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.body).toEqual({ errors: [{ code: 'method_not_allowed' }] });
  });
});

describe('rate limits', () => {
  let limited: Running;
  beforeAll(async () => {
    // The same storage, with limits small enough to reach in a test.
    const app = createLocalApp({
      dynamodbEndpoint: stack.dynamodb.url,
      s3Endpoint: stack.s3.url,
      names: stack.names,
      documents: stack.documents,
      mailer: folderMailer(stack.mailDir),
      mailOwed: stack.mailWorker.notify,
      log: silentLog,
      limits: { inquiries: { perClient: { limit: 2, windowSeconds: 3600 }, perEmail: { limit: 3, windowSeconds: 86_400 } } },
    });
    limited = await startApiServer(app, 0);
  });
  afterAll(async () => limited?.close());

  it('answers 429 with Retry-After once a client has sent its allowance, but still answers retries of what it sent', async () => {
    const ip = '198.51.100.7';
    const firstKey = crypto.randomUUID();
    const body = (n: number) => validInquiry({ email: `client${n}@example.jp` });
    expect((await postInquiry(limited.url, body(1), { ip, key: firstKey })).status).toBe(201);
    expect((await postInquiry(limited.url, body(2), { ip })).status).toBe(201);
    const before = await countItems(stack, 'inquiries');
    const third = await postInquiry(limited.url, body(3), { ip });
    expect(third.status).toBe(429);
    expect(third.body).toEqual({ errors: [{ code: 'rate_limited' }] });
    const retryAfter = Number(third.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await countItems(stack, 'inquiries')).toBe(before);
    // A retry of the first submission creates nothing, so it is not limited.
    const retry = await postInquiry(limited.url, body(1), { ip, key: firstKey });
    expect(retry.status).toBe(201);
    // Another client is not affected.
    expect((await postInquiry(limited.url, body(4), { ip: '198.51.100.8' })).status).toBe(201);
  });

  it('limits one e-mail address across clients', async () => {
    const email = `same-${crypto.randomUUID()}@example.jp`;
    for (let n = 1; n <= 3; n++)
      expect((await postInquiry(limited.url, validInquiry({ email }), { ip: `203.0.113.${n}` })).status).toBe(201);
    const fourth = await postInquiry(limited.url, validInquiry({ email: email.toUpperCase() }), { ip: '203.0.113.99' });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps no address or e-mail in clear in its counters', async () => {
    const counters = await scanAll(stack.db, stack.names.tables.rateLimits);
    expect(counters.length).toBeGreaterThan(0);
    const dump = JSON.stringify(counters);
    expect(dump).not.toContain('198.51.100.7');
    expect(dump).not.toContain('@example.jp');
    for (const counter of counters) expect(counter.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });
});
