// The mail function on AWS: invoked by the inquiries table's stream (new inquiries that owe mail) and by a schedule (the sweep).
import { deliverOwed, type MailWorkerDeps } from './worker.ts';

/** The parts of a DynamoDB stream record this function reads. */
export interface StreamRecord {
  eventName?: string;
  dynamodb?: { Keys?: { idempotencyKey?: { S?: string } }; SequenceNumber?: string };
}

export interface StreamEvent {
  Records: StreamRecord[];
}

/** EventBridge Scheduler / rule invocation: no records, just the time. */
export interface SweepEvent {
  source?: string;
  sweep?: true;
}

/** With ReportBatchItemFailures: Lambda retries from the first failed record, and bisects a batch that keeps failing. */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

const isStream = (event: StreamEvent | SweepEvent): event is StreamEvent => Array.isArray((event as StreamEvent).Records);

/**
 * Records are handled in order; at the first one whose mail could not be sent (or whose storage failed) the rest of
 * the batch is reported failed from there, and Lambda delivers it again. Handling a record twice is harmless: the
 * worker sends only what is still owed and not leased. The sweep covers what the stream gave up on (dead-letter queue).
 */
export function mailHandler(deps: MailWorkerDeps) {
  return async (event: StreamEvent | SweepEvent): Promise<BatchResponse | { swept: number; failed: number }> => {
    if (isStream(event)) {
      for (const record of event.Records) {
        const key = record.dynamodb?.Keys?.idempotencyKey?.S;
        const sequence = record.dynamodb?.SequenceNumber;
        if (!key) continue;
        let ok: boolean;
        try {
          ok = !(await deliverOwed(deps, key)).retry;
        } catch (error) {
          deps.log.error('mail.worker.failed', error, { inquiry: key });
          ok = false;
        }
        if (!ok) return { batchItemFailures: sequence ? [{ itemIdentifier: sequence }] : [] };
      }
      return { batchItemFailures: [] };
    }
    const keys = await deps.outbox.pending();
    let failed = 0;
    for (const key of keys) {
      try {
        if ((await deliverOwed(deps, key)).retry) failed++;
      } catch (error) {
        deps.log.error('mail.worker.failed', error, { inquiry: key });
        failed++;
      }
    }
    if (keys.length > 0) deps.log.info('mail.swept', { owed: keys.length, failed });
    return { swept: keys.length, failed };
  };
}
