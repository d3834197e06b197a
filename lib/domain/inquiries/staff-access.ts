// Who may use the staff console: the Cognito groups that grant access, and the identity a signed-in staff member acts under.
import { z } from 'zod';

/** Either group opens every staff route; `admin` is kept apart so the pool can later grant admins more. */
export const STAFF_GROUPS = ['staff', 'admin'] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

/** The person behind a request, as written into histories and the audit log: the token's subject and user name. */
export const staffActorSchema = z.object({ id: z.string(), name: z.string() });
export type StaffActor = z.infer<typeof staffActorSchema>;

/** A colleague in the staff directory: seen when they last signed in, so others can assign inquiries to them. */
export const staffMemberSchema = staffActorSchema.extend({ lastSeenAt: z.string() });
export type StaffMember = z.infer<typeof staffMemberSchema>;

export function hasStaffAccess(groups: readonly string[]): boolean {
  return groups.some((group) => (STAFF_GROUPS as readonly string[]).includes(group));
}
