// Which goals a viewer may see and change (product.md, "Goals"). Visibility: members see the goals
// that apply to them (their own, their team's, the company's); managers also their teams' and their
// members'; admins all; owners and creators always see their goals. Changes: managers for their teams
// and the members of those teams; admins all, the company included; members never.
import { sql, type SQL } from 'drizzle-orm';
import { goals } from '@/db/schema';
import { intList } from './ownership';
import { can, type SessionUser } from './roles';

interface GoalScopeRef {
  scope: string;
  /** The team of a team goal. */
  teamId: number | null;
  /** For a member goal: the member's team (null when they have none). */
  userTeamId: number | null;
  userId?: number | null;
}

export function mayManageGoal(user: SessionUser, goal: GoalScopeRef): boolean {
  if (!can(user, 'goals.write')) return false;
  if (user.role === 'admin') return true;
  if (goal.scope === 'team') return goal.teamId != null && user.managedTeamIds.includes(goal.teamId);
  if (goal.scope === 'user') {
    return goal.userTeamId != null && user.managedTeamIds.includes(goal.userTeamId);
  }
  return false; // company goals: admins only
}

/** The scopes a user may create goals for, for the form's choices. */
export function creatableScopes(user: SessionUser): ('company' | 'team' | 'user')[] {
  if (!can(user, 'goals.write')) return [];
  return user.role === 'admin' ? ['company', 'team', 'user'] : ['team', 'user'];
}

/** SQL condition over `goals`: the goals `viewer` may see. */
export function visibleGoals(viewer: SessionUser): SQL {
  if (viewer.role === 'admin') return sql`true`;
  const mine = sql`(${goals.scopeUserId} = ${viewer.id} or ${goals.ownerId} = ${viewer.id} or ${goals.createdById} = ${viewer.id} or ${goals.scope} = 'company')`;
  const teamIds = viewer.role === 'manager'
    ? [...new Set([...viewer.managedTeamIds, ...(viewer.teamId != null ? [viewer.teamId] : [])])]
    : viewer.teamId != null ? [viewer.teamId] : [];
  if (teamIds.length === 0) return mine;
  const teamGoal = sql`${goals.scopeTeamId} in (${intList(teamIds)})`;
  if (viewer.role !== 'manager') return sql`(${mine} or ${teamGoal})`;
  // Managers: their teams' goals and their members' goals.
  const memberGoal = sql`${goals.scopeUserId} in (select u.id from users u where u.team_id in (${intList(viewer.managedTeamIds.length ? viewer.managedTeamIds : [-1])}))`;
  return sql`(${mine} or ${teamGoal} or ${memberGoal})`;
}
