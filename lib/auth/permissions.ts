// Who may do what (product.md's matrix). The one place role rules live: server actions, queries,
// pages and the UI all ask here. Pure: no database, no Next.js, so it is unit-tested directly.
import type { Department, Role } from '@/db/schema/enums';

export type Permission =
  | 'dashboard.view'       // see dashboards (scope decided by recordScope)
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

/** What the session carries and what every check takes. */
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

/**
 * Which CRM records a user may edit (forms, writes): a member their own, a manager their teams'
 * (records owned by members of those teams), an admin all. With `access = 'read'` (drill-downs,
 * exports, record pages): the same, except that a member also reads their own team's records, the
 * records behind the team numbers they may see (product.md: "their team's read-only"), so every
 * number they see reconciles with records they can open.
 */
type RecordScope =
  | { kind: 'all' }
  | { kind: 'teams'; teamIds: number[]; userId: number }
  | { kind: 'owner'; userId: number };

export type RecordAccess = 'read' | 'write';

export function recordScope(user: SessionUser, access: RecordAccess = 'write'): RecordScope {
  if (user.role === 'admin') return { kind: 'all' };
  if (user.role === 'manager') return { kind: 'teams', teamIds: user.managedTeamIds, userId: user.id };
  if (access === 'read' && user.teamId != null) return { kind: 'teams', teamIds: [user.teamId], userId: user.id };
  return { kind: 'owner', userId: user.id };
}

/**
 * Whether a user may create records of a kind at all. Kinds without an owner (campaigns) belong to
 * nobody's scope but an admin's: the matrix gives members and managers only records they or their
 * teams own.
 */
export function mayCreateRecordKind(user: SessionUser, kindHasOwner: boolean): boolean {
  return can(user, 'records.write') && (kindHasOwner || recordScope(user).kind === 'all');
}

/**
 * A member's dashboard has two views (product.md): their own numbers ('mine', the default) and their
 * team's ('team'). Managers and admins have one view, their default scope; the switch is a member's.
 */
export type MemberView = 'mine' | 'team';

export function hasMemberViews(user: Pick<SessionUser, 'role' | 'teamId'>): boolean {
  return user.role === 'member' && user.teamId != null;
}

/** May the user write a record owned by `ownerId` (whose team is `ownerTeamId`)? */
export function mayWriteRecord(user: SessionUser, owner: { id: number | null; teamId: number | null }): boolean {
  const scope = recordScope(user);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'owner') return owner.id === user.id;
  return owner.id === user.id || (owner.teamId != null && scope.teamIds.includes(owner.teamId));
}
