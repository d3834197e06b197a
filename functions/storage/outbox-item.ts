// The outbox's attributes on an inquiry item, shared by the write that creates the inquiry and the mail worker's updates.
import { z } from 'zod';

/**
 * The outbox's attributes on an inquiry item. `mailOwed` is a string set, which DynamoDB removes when its last
 * member goes: an item owes mail exactly while it has the attribute (what the stream filter and the sweep look for).
 */
export const OUTBOX_ATTRIBUTES = { owed: 'mailOwed', leases: 'mailLeases', settled: 'mailSettled' } as const;

export const outboxSchema = z.object({
  mailOwed: z.set(z.string()).optional(),
  mailLeases: z.record(z.string(), z.number()).optional(),
  mailSettled: z.record(z.string(), z.string()).optional(),
});

/** What the inquiry's first write adds: every mail owed, no lease, nothing settled. */
export function outboxAttributes(owedMails: readonly string[]): Record<string, unknown> {
  return {
    ...(owedMails.length > 0 ? { [OUTBOX_ATTRIBUTES.owed]: new Set(owedMails) } : {}),
    [OUTBOX_ATTRIBUTES.leases]: {},
    [OUTBOX_ATTRIBUTES.settled]: {},
  };
}
