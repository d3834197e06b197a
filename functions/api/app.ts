// Builds the Hono app from route groups: the same code runs in each Lambda function and in the local server.
import { Hono } from 'hono';
import type { Log } from './log.ts';
import { errorHandler, problem, problemResponse } from './problems.ts';
import { methodNotAllowed } from './request.ts';

export type RouteGroup = (app: Hono) => void;

/** GET /api/health: the process answers. It does not touch storage, so a storage outage shows as 503s elsewhere, not here. */
export const healthRoutes: RouteGroup = (app) => {
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.all('/api/health', methodNotAllowed('GET, HEAD'));
};

export function createApp(log: Log, groups: RouteGroup[]): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    // Answers carry references, signed URLs and personal data: no shared cache may keep them.
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  for (const group of groups) group(app);
  app.notFound((c) => problemResponse(c, problem(404, 'not_found')));
  app.onError(errorHandler(log));
  return app;
}
