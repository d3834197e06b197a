// Who may use the staff console and what each group may do there: the groups, the role matrix of every staff route, and the identity a signed-in staff member acts under.
import { z } from 'zod';

/** The Cognito groups of the console: `staff` answers inquiries; `admin` also erases personal data and exports reports. */
export const STAFF_GROUPS = ['staff', 'admin'] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

/** What each group's members count as: an admin is also staff. */
const MEMBERS_OF: Record<StaffGroup, readonly StaffGroup[]> = { staff: ['staff', 'admin'], admin: ['admin'] };

/**
 * The role matrix: every staff route (method and path as registered; GET also answers HEAD) and the group it needs.
 * The API registers its staff routes from these keys and checks the group in one place; the console reads it to
 * offer only what the signed-in person may do; functions/README.md shows it (a test compares the two).
 */
export const STAFF_ROUTES = {
  'GET /api/staff/me': 'staff',
  'PUT /api/staff/members/me': 'staff',
  'GET /api/staff/members': 'staff',
  'GET /api/staff/inquiries': 'staff',
  'GET /api/staff/inquiries.csv': 'admin',
  'GET /api/staff/inquiries/:id': 'staff',
  'PUT /api/staff/inquiries/:id/owner': 'staff',
  'PUT /api/staff/inquiries/:id/status': 'staff',
  'POST /api/staff/inquiries/:id/notes': 'staff',
  'POST /api/staff/inquiries/:id/replies': 'staff',
  'POST /api/staff/erasures': 'admin',
  'GET /api/staff/dashboard': 'staff',
  'GET /api/staff/audit': 'staff',
  'GET /api/staff/translations': 'staff',
} as const satisfies Record<string, StaffGroup>;
export type StaffRoute = keyof typeof STAFF_ROUTES;

/** The person behind a request, as written into histories and the audit log: the token's subject and user name. */
export const staffActorSchema = z.object({ id: z.string(), name: z.string() });
export type StaffActor = z.infer<typeof staffActorSchema>;

/** A colleague in the staff directory: seen when they last signed in, so others can assign inquiries to them. */
export const staffMemberSchema = staffActorSchema.extend({ lastSeenAt: z.string() });
export type StaffMember = z.infer<typeof staffMemberSchema>;

export function isMemberOf(groups: readonly string[], group: StaffGroup): boolean {
  return groups.some((g) => (MEMBERS_OF[group] as readonly string[]).includes(g));
}

/** Any staff group opens the console; each route then asks for its own group (mayUse). */
export function hasStaffAccess(groups: readonly string[]): boolean {
  return isMemberOf(groups, 'staff');
}

export function mayUse(groups: readonly string[], route: StaffRoute): boolean {
  return isMemberOf(groups, STAFF_ROUTES[route]);
}
