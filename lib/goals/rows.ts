// Loading goal rows with what their pages and math need (scope names, owner); which goals a viewer
// may see is lib/access/goals' visibleGoals.
import 'server-only';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { goals, teams, users } from '@/db/schema';
import { visibleGoals, type SessionUser } from '@/lib/access';

type GoalDb = Pick<Db, 'select'>;

const scopeUser = alias(users, 'scope_user');
const owner = alias(users, 'owner_user');
const creator = alias(users, 'creator_user');

const columns = {
  id: goals.id,
  title: goals.title,
  description: goals.description,
  kpiKey: goals.kpiKey,
  filters: goals.filters,
  baseline: goals.baseline,
  target: goals.target,
  scope: goals.scope,
  scopeTeamId: goals.scopeTeamId,
  scopeTeamName: teams.name,
  scopeUserId: goals.scopeUserId,
  scopeUserEmail: scopeUser.email,
  scopeUserName: scopeUser.name,
  scopeUserTeamId: scopeUser.teamId,
  department: goals.department,
  startDate: goals.startDate,
  dueDate: goals.dueDate,
  ownerId: goals.ownerId,
  ownerName: owner.name,
  ownerEmail: owner.email,
  createdById: goals.createdById,
  createdByName: creator.name,
  parentGoalId: goals.parentGoalId,
  stretch: goals.stretch,
  state: goals.state,
  closedAt: goals.closedAt,
  createdAt: goals.createdAt,
  updatedAt: goals.updatedAt,
};

export interface GoalRow {
  id: number;
  title: string;
  description: string;
  kpiKey: string;
  filters: Record<string, string>;
  baseline: number;
  target: number;
  scope: string;
  scopeTeamId: number | null;
  scopeTeamName: string | null;
  scopeUserId: number | null;
  scopeUserEmail: string | null;
  scopeUserName: string | null;
  scopeUserTeamId: number | null;
  department: string;
  startDate: string;
  dueDate: string;
  ownerId: number;
  ownerName: string | null;
  ownerEmail: string | null;
  createdById: number;
  createdByName: string | null;
  parentGoalId: number | null;
  stretch: string | null;
  state: string;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Goal rows with their joins, filtered by `where` (the caller adds visibility), by due date. */
export async function selectGoals(db: GoalDb, where?: SQL): Promise<GoalRow[]> {
  return db.select(columns).from(goals)
    .leftJoin(teams, eq(teams.id, goals.scopeTeamId))
    .leftJoin(scopeUser, eq(scopeUser.id, goals.scopeUserId))
    .leftJoin(owner, eq(owner.id, goals.ownerId))
    .leftJoin(creator, eq(creator.id, goals.createdById))
    .where(where)
    .orderBy(asc(goals.dueDate), asc(goals.id));
}

/** One goal if the viewer may see it, else null (pages answer 404, never leak existence). */
export async function visibleGoal(db: GoalDb, viewer: SessionUser, id: number): Promise<GoalRow | null> {
  const [row] = await selectGoals(db, and(eq(goals.id, id), visibleGoals(viewer)));
  return row ?? null;
}

/** "North team", "Dana Lee", "Company", for lists and cards. */
export function scopeLabel(goal: Pick<GoalRow, 'scope' | 'scopeTeamName' | 'scopeUserName'>): string {
  if (goal.scope === 'team') return `${goal.scopeTeamName ?? 'Team'} team`;
  if (goal.scope === 'user') return goal.scopeUserName ?? 'Member';
  return 'Company';
}
