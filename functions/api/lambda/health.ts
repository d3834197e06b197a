// Lambda entry for GET /api/health (API Gateway HTTP API, payload v2).
import { handle } from 'hono/aws-lambda';
import { createApp, healthRoutes } from '../app.ts';
import { jsonLog } from '../log.ts';

export const handler = handle(createApp(jsonLog(), [healthRoutes]));
