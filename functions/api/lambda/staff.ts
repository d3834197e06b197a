// Lambda entry for the staff console's API: /api/staff/{proxy+} (behind the JWT authorizer too) and the public GET /api/auth/config.
import { handle } from 'hono/aws-lambda';
import { createApp } from '../app.ts';
import { staffDepsFromEnv } from '../aws.ts';
import { staffRoutes } from '../staff.ts';

// Built once per cold start: clients, the document catalog and the pool's keys (fetched on first use) are reused.
const deps = staffDepsFromEnv();
export const handler = handle(createApp(deps.log, [staffRoutes(deps)]));
