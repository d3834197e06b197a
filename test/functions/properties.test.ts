// Property-based: generated malformed inquiries never get a 5xx and never store or send anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES } from '#domain/errors.ts';
import { countItems, readMails, send, startTestStack, validInquiry, type TestStack } from './helpers.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.cleanup());

const REQUIRED = ['name', 'email', 'country', 'language', 'message', 'consent', 'consentVersion'] as const;
const TEXT_FIELDS = [
  'name',
  'email',
  'company',
  'country',
  'sector',
  'investmentSize',
  'language',
  'message',
  'itemId',
  'consentVersion',
] as const;
const KNOWN = new Set([...TEXT_FIELDS, 'consent', 'website', 'startedAt']);

/** Values that no text field accepts (null is left out: it means "not given" for optional fields). */
const notText = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

/** One change that makes a valid inquiry invalid, whatever else is generated. */
type Body = Record<string, unknown>;
const set = (field: string, value: unknown) => (body: Body) => {
  body[field] = value;
};
const breakOne: fc.Arbitrary<(body: Body) => void> = fc.oneof(
  fc.constantFrom(...REQUIRED).map((field) => (body: Body) => void delete body[field]),
  fc.tuple(fc.constantFrom(...REQUIRED), fc.constantFrom(null, '', '   ')).map(([field, value]) => set(field, value)),
  fc.tuple(fc.constantFrom(...TEXT_FIELDS), notText).map(([field, value]) => set(field, value)),
  fc
    .tuple(
      fc.string({ minLength: 1 }).filter((k) => !KNOWN.has(k) && k !== '__proto__'),
      fc.jsonValue(),
    )
    .map(([key, value]) => set(key, value)),
  fc
    .jsonValue()
    .filter((v) => v !== true)
    .map((value) => set('consent', value)),
  fc
    .string({ minLength: 1 })
    .filter((s) => !/^[A-Z]{2}$/.test(s))
    .map((value) => set('country', value)),
  fc
    .string()
    .filter((s) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s.trim()) || s.trim() === '')
    .map((value) => set('email', value)),
  fc
    .string({ minLength: 1 })
    .filter((s) => s.trim() !== '')
    .map((value) => set('website', value)),
  fc.integer({ min: 0, max: 1500 }).map((ago) => (body: Body) => {
    body.startedAt = Date.now() - ago;
  }),
  fc.integer({ min: 201, max: 400 }).map((length) => set('name', 'x'.repeat(length))),
  fc.integer({ min: 5001, max: 8000 }).map((length) => set('message', 'y'.repeat(length))),
);

/** A valid inquiry with random but allowed values in its free-text fields, then one or more breaking changes. */
const malformedInquiry = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !/[\p{Cc}\u2028\u2029]/u.test(s)),
    fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim() !== ''),
    fc.array(breakOne, { minLength: 1, maxLength: 3 }),
  )
  .map(([name, message, breaks]) => {
    const body = validInquiry({ name, message });
    for (const change of breaks) change(body);
    return JSON.stringify(body);
  });

/** Bodies that are not an inquiry at all: other JSON, or not JSON. */
const notAnInquiry = fc.oneof(
  fc
    .jsonValue()
    .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
    .map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

async function expectRefusedAndNothingStored(body: string, key: string) {
  const answer = await send(stack.api.url, '/api/inquiries', {
    body,
    headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
  });
  expect(answer.status).toBeLessThan(500);
  expect([400, 413]).toContain(answer.status);
  expect(Array.isArray(answer.body?.errors)).toBe(true);
  expect(answer.body.errors.length).toBeGreaterThan(0);
  for (const error of answer.body.errors) expect(ERROR_CODES).toContain(error.code);
}

describe('POST /api/inquiries with generated malformed bodies', () => {
  it('never answers 5xx and never stores, counts or mails anything', async () => {
    const before = {
      inquiries: await countItems(stack, 'inquiries'),
      counters: await countItems(stack, 'rateLimits'),
      mails: readMails(stack.mailDir).length,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: malformedInquiry }, { weight: 1, arbitrary: notAnInquiry }),
        fc.uuid(),
        async (body, key) => {
          await expectRefusedAndNothingStored(body, key);
        },
      ),
      { numRuns: 300 },
    );
    expect(await countItems(stack, 'inquiries')).toBe(before.inquiries);
    expect(await countItems(stack, 'rateLimits')).toBe(before.counters);
    expect(readMails(stack.mailDir)).toHaveLength(before.mails);
  });

  it('still accepts the valid inquiry the generator starts from (the property is not vacuous)', async () => {
    const answer = await send(stack.api.url, '/api/inquiries', {
      json: validInquiry(),
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(answer.status).toBe(201);
  });
});
