// The one project lifecycle every catalog item follows: the Global Energy Monitor's stages, used for zones and logistics too.
import { z } from 'zod';

/** In the order a project moves through them; the last three are ends, not steps. */
export const LIFECYCLE_STATUSES = [
  'announced',
  'pre-construction',
  'construction',
  'operating',
  'shelved',
  'cancelled',
  'retired',
] as const;

export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export const lifecycleStatusSchema = z.enum(LIFECYCLE_STATUSES, {
  error: `expected one of: ${LIFECYCLE_STATUSES.join(', ')}`,
});

/** Statuses a visitor would call "active": something is being or has been built and is in use or on its way. */
export function isActive(status: LifecycleStatus): boolean {
  return status === 'pre-construction' || status === 'construction' || status === 'operating';
}
