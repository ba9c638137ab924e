// Whose records a viewer may open and edit (product.md's matrix): pure rules over the session user.
// lib/access/ownership.ts turns them into SQL; forms and record pages ask here.
import { can, type SessionUser } from './roles';

/**
 * Which CRM records a user may edit (forms, writes): a member their own, a manager their teams'
 * (records owned by members of those teams), an admin all. With `access = 'read'` (drill-downs,
 * exports, record pages): the same, except that a member also reads their own team's records, the
 * records behind the team numbers they may see (product.md: "their team's read-only"), so every
 * number they see reconciles with records they can open.
 */
export type RecordScope =
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
 * The teams whose numbers a viewer may see: a manager the teams they run, a member their own team,
 * an admin every team (null).
 */
export function viewableTeamIds(user: SessionUser): number[] | null {
  if (user.role === 'admin') return null;
  if (user.role === 'manager') return user.managedTeamIds;
  return user.teamId != null ? [user.teamId] : [];
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

/** May the user write a record owned by `owner` (whose team is `owner.teamId`)? */
export function mayWriteRecord(user: SessionUser, owner: { id: number | null; teamId: number | null }): boolean {
  const scope = recordScope(user);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'owner') return owner.id === user.id;
  return owner.id === user.id || (owner.teamId != null && scope.teamIds.includes(owner.teamId));
}
