// Writing a staff change to a stored inquiry: made from the version the caller saw, written only if nobody changed it meanwhile.
import { versionOf, type InquiryRecord } from '#domain/inquiries/record.ts';
import { VersionConflictError, type StaffInquiryStore } from '../storage/ports.ts';

/** No inquiry under this id (or it went while the change was being made). */
export class InquiryNotFoundError extends Error {
  override readonly name = 'InquiryNotFoundError';
  constructor(readonly id: string) {
    super(`no inquiry ${id}`);
  }
}

/** The change was made from a version that is no longer the stored one: the caller must look again. */
export class StaleVersionError extends Error {
  override readonly name = 'StaleVersionError';
  constructor(readonly id: string) {
    super(`inquiry ${id} changed meanwhile`);
  }
}

/** A system follow-up kept meeting concurrent changes; nothing was written. */
export class ChangeContendedError extends Error {
  override readonly name = 'ChangeContendedError';
  constructor(readonly id: string) {
    super(`inquiry ${id} kept changing`);
  }
}

/**
 * One staff change from version `expected`: `apply` computes the next state (it may throw the domain's
 * ChangeRefused); unchanged means nothing is written. Returns what is stored afterwards.
 */
export async function changeInquiry(
  store: StaffInquiryStore,
  id: string,
  expected: number,
  apply: (inquiry: InquiryRecord) => InquiryRecord,
): Promise<InquiryRecord> {
  const current = await store.get(id);
  if (!current) throw new InquiryNotFoundError(id);
  if (versionOf(current) !== expected) throw new StaleVersionError(id);
  const next = apply(current);
  if (next === current) return current;
  try {
    await store.replace(next, expected);
  } catch (error) {
    if (error instanceof VersionConflictError) throw error.current === undefined ? new InquiryNotFoundError(id) : new StaleVersionError(id);
    throw error;
  }
  return next;
}

const FOLLOW_UP_ATTEMPTS = 5;

/**
 * System follow-ups (a delivery result, an erasure) must not be lost to a concurrent edit: read again and
 * reapply, a few times. Undefined when the inquiry is gone.
 */
export async function changeWithRetry(
  store: StaffInquiryStore,
  id: string,
  apply: (inquiry: InquiryRecord) => InquiryRecord,
): Promise<InquiryRecord | undefined> {
  for (let attempt = 0; attempt < FOLLOW_UP_ATTEMPTS; attempt++) {
    const current = await store.get(id);
    if (!current) return undefined;
    const next = apply(current);
    if (next === current) return current;
    try {
      await store.replace(next, versionOf(current));
      return next;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
  throw new ChangeContendedError(id);
}
