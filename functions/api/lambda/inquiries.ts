// Lambda entry for POST /api/inquiries (API Gateway HTTP API, payload v2).
import { handle } from 'hono/aws-lambda';
import { createApp } from '../app.ts';
import { inquiryDepsFromEnv } from '../aws.ts';
import { inquiryRoutes } from '../inquiries.ts';

// Built once per cold start, so clients and their connections are reused across invocations.
const deps = inquiryDepsFromEnv();
export const handler = handle(createApp(deps.log, [inquiryRoutes(deps)]));
