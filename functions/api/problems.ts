// The one place errors become HTTP answers: every route throws an ApiProblem or lets storage errors through, and this maps them.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, FieldError } from '#domain/errors.ts';
import { StorageUnavailableError } from '../storage/ports.ts';
import type { Log } from './log.ts';

/** Seconds a caller should wait after a storage outage: long enough for the SDK's own retries to have failed. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly errors: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${errors.map((e) => (e.field ? `${e.field}:${e.code}` : e.code)).join(', ')}`);
  }
}

export const problem = (status: ContentfulStatusCode, code: ErrorCode, field?: string, headers?: Record<string, string>) =>
  new ApiProblem(status, [field === undefined ? { code } : { field, code }], headers);

export function problemResponse(c: Context, p: ApiProblem): Response {
  for (const [name, value] of Object.entries(p.headers)) c.header(name, value);
  return c.json({ errors: p.errors } satisfies ErrorBody, p.status);
}

/**
 * Anything else is logged in full and answered with a bare code: no message, stack or resource name
 * reaches the caller.
 */
export function errorHandler(log: Log) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiProblem) return problemResponse(c, error);
    if (error instanceof StorageUnavailableError) {
      log.error('storage.unavailable', error, { path: c.req.path });
      return problemResponse(c, problem(503, 'unavailable', undefined, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) }));
    }
    log.error('request.failed', error, { path: c.req.path, method: c.req.method });
    return problemResponse(c, problem(500, 'internal'));
  };
}
