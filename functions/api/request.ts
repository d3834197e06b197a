// Reading a request body the same way on every route: size first, then media type, then JSON.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem, problemResponse } from './problems.ts';

/** Refuses bodies over `bytes` with 413, from Content-Length when given and while reading when not. */
export function limitBody(bytes: number): MiddlewareHandler {
  return bodyLimit({ maxSize: bytes, onError: (c) => problemResponse(c, problem(413, 'payload_too_large')) });
}

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw problem(415, 'unsupported_media_type');
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw problem(400, 'invalid_json');
  }
}

/** Answers 405 with an Allow header for a known path called with another method. */
export function methodNotAllowed(allow: string) {
  return (c: Context) => problemResponse(c, problem(405, 'method_not_allowed', undefined, { Allow: allow }));
}
