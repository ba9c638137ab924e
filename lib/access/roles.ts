// The role matrix (product.md, "Roles"): which permissions each role holds, and the viewer every check
// takes. Pure: no database, no Next.js, so it is unit-tested directly.
import type { Department, Role } from '@/db/schema/enums';

export type Permission =
  | 'dashboard.view'       // see dashboards (scope decided by lib/access/view)
  | 'dashboard.viewAs'     // switch department and view as a team or member in scope
  | 'records.read'
  | 'records.write'        // create/edit CRM records, within recordScope
  | 'goals.read'
  | 'goals.write'          // create, edit, close goals for teams/members in scope
  | 'admin.users'
  | 'admin.teams'
  | 'admin.imports'
  | 'admin.audit';

const MEMBER: Permission[] = ['dashboard.view', 'records.read', 'records.write', 'goals.read'];
const MANAGER: Permission[] = [...MEMBER, 'dashboard.viewAs', 'goals.write'];
const ADMIN: Permission[] = [...MANAGER, 'admin.users', 'admin.teams', 'admin.imports', 'admin.audit'];

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  member: new Set(MEMBER),
  manager: new Set(MANAGER),
  admin: new Set(ADMIN),
};

/** The signed-in user as every check takes them (loaded from the database on each request). */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  department: Department | null;
  teamId: number | null;
  /** Teams a manager runs: their own team plus team_managers rows. Empty for members. */
  managedTeamIds: number[];
}

export function can(user: Pick<SessionUser, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[user.role]?.has(permission) ?? false;
}

/** A lib read called for a viewer without the permission (a page asks requirePermission first). */
export class PermissionError extends Error {
  constructor(readonly permission: Permission) {
    super(`Missing permission: ${permission}`);
    this.name = 'PermissionError';
  }
}

/** For lib functions taking `(db, viewer, input)`: they check the viewer themselves, not trusting the page. */
export function assertCan(user: Pick<SessionUser, 'role'>, permission: Permission): void {
  if (!can(user, permission)) throw new PermissionError(permission);
}
