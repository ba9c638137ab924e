// Who may set and change which goals (product.md): managers for their teams and the members of those
// teams; admins all, the company included; members never. Pure, so pages (which buttons to show) and
// mutations (which writes to refuse) ask the same question.
import { can, type SessionUser } from '@/lib/auth/permissions';

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
