// Builds the Hono app from route groups: the same code runs in each Lambda function and in the local server.
import { Hono } from 'hono';
import { StorageUnavailableError } from '../storage/ports.ts';
import type { Log } from './log.ts';
import { errorHandler, problem, problemResponse } from './problems.ts';
import { methodNotAllowed } from './request.ts';

export type RouteGroup = (app: Hono) => void;

/** GET /api/health: the process answers. It does not touch storage, so a storage outage shows as 503s elsewhere, not here. */
export const healthRoutes: RouteGroup = (app) => {
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.all('/api/health', methodNotAllowed('GET, HEAD'));
};

/**
 * Every request is answered within this, whatever storage does: one SDK call gives up after two attempts of at most
 * 3 s (storage/clients.ts), but a request makes several in a row. Well inside the functions' 15 s timeout and API
 * Gateway's 30 s, so the visitor gets 503 with Retry-After rather than a gateway error.
 */
export const REQUEST_DEADLINE_MS = 8000;

export function createApp(log: Log, groups: RouteGroup[], options: { deadlineMs?: number } = {}): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    // Answers carry references, signed URLs and personal data: no shared cache may keep them, unless a route made
    // for public facts says otherwise (the inquiry service figures).
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.use(async (_c, next) => {
    // Past the deadline the answer is 503; the work left behind is safe to finish or abandon: every write is
    // conditional and idempotent, and a stored inquiry's mail is owed in its record, not held by this request.
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StorageUnavailableError('the request deadline')), options.deadlineMs ?? REQUEST_DEADLINE_MS);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  });
  for (const group of groups) group(app);
  app.notFound((c) => problemResponse(c, problem(404, 'not_found')));
  app.onError(errorHandler(log));
  return app;
}
