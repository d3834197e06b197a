// Lambda entry for POST /api/downloads/{documentId} (API Gateway HTTP API, payload v2).
import { handle } from 'hono/aws-lambda';
import { createApp } from '../app.ts';
import { downloadDepsFromEnv } from '../aws.ts';
import { downloadRoutes } from '../downloads.ts';

// Built once per cold start, so clients and the document catalog are reused across invocations.
const deps = downloadDepsFromEnv();
export const handler = handle(createApp(deps.log, [downloadRoutes(deps)]));
