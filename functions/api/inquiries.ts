// POST /api/inquiries: check, screen, deduplicate by Idempotency-Key, rate-limit, store once with the mails it owes.
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { FieldError } from '#domain/errors.ts';
import { INQUIRY_LIMITS, checkInquiry, type Inquiry } from '#domain/inquiries/inquiry.ts';
import { PUBLIC_RECEIVED_STATUS } from '#domain/inquiries/inquiry-status.ts';
import type { InquiryRecord, ReceivedInquiry } from '#domain/inquiries/record.ts';
import { newReference } from '#domain/inquiries/reference.ts';
import { expiryAfter, RETENTION } from '#domain/retention.ts';
import { INQUIRY_MAILS } from '../outbox/mails.ts';
import type { InquiryDeps } from './deps.ts';
import { ApiProblem, problem } from './problems.ts';
import { limitBody, methodNotAllowed, readJson } from './request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

function idempotencyKey(c: Context): { key?: string; errors: FieldError[] } {
  const value = c.req.header(IDEMPOTENCY_HEADER)?.trim();
  if (!value) return { errors: [{ field: IDEMPOTENCY_HEADER, code: 'required' }] };
  if (!UUID.test(value)) return { errors: [{ field: IDEMPOTENCY_HEADER, code: 'invalid_format' }] };
  return { key: value.toLowerCase(), errors: [] };
}

/** Same fields, same fingerprint, whatever the key order or surrounding spaces the client sent. */
export function fingerprint(inquiry: Inquiry): string {
  const sorted = Object.fromEntries(Object.entries(inquiry).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

function received(c: Context, record: Pick<InquiryRecord, 'reference'>, replayed: boolean): Response {
  if (replayed) c.header('Idempotent-Replayed', 'true');
  return c.json({ reference: record.reference, status: PUBLIC_RECEIVED_STATUS }, 201);
}

/** The request that created a record and its retries get the same answer; another body under that key is a client bug. */
function replay(c: Context, existing: InquiryRecord, print: string): Response {
  if (existing.fingerprint !== print) throw problem(422, 'conflict', IDEMPOTENCY_HEADER);
  return received(c, existing, true);
}

export function inquiryRoutes(deps: InquiryDeps) {
  return (app: Hono) => {
    app.post('/api/inquiries', limitBody(INQUIRY_LIMITS.bodyBytes), async (c) => {
      const raw = await readJson(c);
      const now = deps.now();
      const header = idempotencyKey(c);
      const checked = checkInquiry(raw, now);
      const errors = [...header.errors, ...(checked.ok ? [] : checked.errors)];
      if (errors.length > 0 || !checked.ok || header.key === undefined) throw new ApiProblem(400, errors);

      const inquiry = checked.value;
      const key = header.key;
      const print = fingerprint(inquiry);

      // No read on the common path: the counters keep each request's key as a member, so a retry is never counted
      // twice, and the store's own condition below tells a retry from a new inquiry. Both counters are hit at once.
      const counters = [
        [`inquiry-client:${deps.clientAddress(c)}`, deps.limits.perClient],
        [`inquiry-email:${inquiry.email.toLowerCase()}`, deps.limits.perEmail],
      ] as const;
      const outcomes = await Promise.all(counters.map(([counter, rule]) => deps.rateLimiter.hit(counter, key, rule, now)));
      const refused = outcomes.find((outcome) => !outcome.allowed);
      if (refused && !refused.allowed) {
        // A retry of an inquiry stored in an earlier window still gets its answer, not a 429.
        const existing = await deps.inquiries.findByIdempotencyKey(key);
        if (existing) return replay(c, existing, print);
        throw problem(429, 'rate_limited', undefined, { 'Retry-After': String(refused.retryAfterSeconds) });
      }

      const receivedAt = new Date(now).toISOString();
      const { consent: _consent, consentVersion, ...fields } = inquiry;
      const record: ReceivedInquiry = {
        ...fields,
        idempotencyKey: key,
        fingerprint: print,
        reference: newReference(new Date(now)),
        status: 'new',
        receivedAt,
        consent: { version: consentVersion, at: receivedAt, language: inquiry.language },
        expiresAt: expiryAfter(receivedAt, RETENTION.inquiryMonthsAfterLastReply),
      };
      // The inquiry and the mails it owes in one conditional write; the mail worker sends them, so no answer waits for mail.
      const outcome = await deps.inquiries.create(record, INQUIRY_MAILS);
      // Another request with this key stored it first (or this request's own write landed and its answer was lost):
      // its mails are owed in that record whatever happened to that request.
      if (!outcome.created) {
        deps.mailOwed?.(key);
        return replay(c, outcome.existing, print);
      }

      deps.log.info('inquiry.received', { reference: record.reference });
      deps.mailOwed?.(key);
      return received(c, record, false);
    });
    app.all('/api/inquiries', methodNotAllowed('POST'));
  };
}
