// Lambda entry for the mail function: the inquiries table's stream (mail owed by new inquiries) and the scheduled sweep.
import { mailWorkerDepsFromEnv } from '../aws.ts';
import { mailHandler } from '../../outbox/stream.ts';

// Built once per cold start, so the clients and their connections are reused across invocations.
export const handler = mailHandler(mailWorkerDepsFromEnv());
