// GET /api/inquiry-service: the latest published inquiry service figures, public and cacheable for an hour (they
// change once a day); 404 until the first publication.
import type { Hono } from 'hono';
import type { ServiceFiguresStore } from '../storage/service-figures-dynamodb.ts';
import { problem, problemResponse } from './problems.ts';
import { methodNotAllowed } from './request.ts';

export interface ServiceFiguresDeps {
  store: Pick<ServiceFiguresStore, 'latest'>;
}

export function serviceFigureRoutes(deps: ServiceFiguresDeps) {
  return (app: Hono) => {
    app.get('/api/inquiry-service', async (c) => {
      const figures = await deps.store.latest();
      if (!figures) return problemResponse(c, problem(404, 'not_found'));
      const answer = c.json(figures);
      // No personal data in them, unlike every other answer of the API: a shared cache may keep them a while.
      answer.headers.set('Cache-Control', 'public, max-age=3600');
      return answer;
    });
    app.all('/api/inquiry-service', methodNotAllowed('GET, HEAD'));
  };
}
