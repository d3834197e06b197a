// Lambda entry for GET /api/inquiry-service (the published inquiry service figures) and, invoked by the daily
// schedule rather than the API, the job that publishes them: one small function, reading and writing one table item.
import { handle } from 'hono/aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { publishServiceFigures } from '../../service-figures/publish.ts';
import { createApp } from '../app.ts';
import { serviceFiguresDepsFromEnv } from '../aws.ts';
import { serviceFigureRoutes } from '../service-figures.ts';

// Built once per cold start, so the client and its connections are reused across invocations.
const deps = serviceFiguresDepsFromEnv();
const api = handle(createApp(deps.log, [serviceFigureRoutes(deps)]));

/** The schedule's event (EventBridge, "Scheduled Event") publishes; anything else is an API request. */
export const handler = async (event: LambdaEvent & { 'detail-type'?: string }, context: Parameters<typeof api>[1]) => {
  if (event['detail-type'] === 'Scheduled Event') {
    const figures = await publishServiceFigures(deps);
    return { generatedAt: figures.generatedAt };
  }
  return api(event, context);
};
