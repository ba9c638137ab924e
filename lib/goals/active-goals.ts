// The active goal each dashboard card is measured against, for the viewed scope (the contract with
// the dashboards: a Map from KPI key to what a card shows). Only goals the viewer may see; status from
// the live KPI through liveProgress.
import 'server-only';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { goals, type Department } from '@/db/schema';
import { visibleGoals, type SessionUser } from '@/lib/access';
import { cachedRead } from '@/lib/kpi/cached-read';
import { liveProgress } from './live';
import { scopeLabel, selectGoals, type GoalRow } from './rows';
import type { GoalStatus } from './types';
import { now as clockNow } from '@/lib/clock';

export interface GoalCardInfo {
  id: number;
  title: string;
  target: number;
  status: GoalStatus;
  progress: number | null;
  scopeLabel: string;
}

interface GoalView {
  department: Department;
  teamId?: number | null;
  userId?: number | null;
}

/**
 * What the rows come from: the goals, and the users, teams and team managers their scope names and the
 * viewer's visibility are read from (migrations 0002 and 0021 send a notice on each).
 */
const GOAL_ROW_READS: ReadonlySet<string> = new Set(['goals', 'users', 'teams', 'team_managers']);

/**
 * The active goals that apply to the view and that the viewer may see, shared through the result cache
 * between page views (every dashboard and KPI page asks) until a goal, user or team changes; keyed by the
 * viewer (id, role, teams) and the view.
 */
const applicableGoalRows = cachedRead('activeGoalRows', async (db: Db, viewer: SessionUser, view: { teamId: number | null; userId: number | null }): Promise<GoalRow[]> => {
  const teamId = view.teamId;
  const applies: SQL[] = [eq(goals.scope, 'company')];
  if (teamId != null) applies.push(and(eq(goals.scope, 'team'), eq(goals.scopeTeamId, teamId))!);
  // A user's view without a team: the user's own team, looked up in the same statement.
  else if (view.userId != null) applies.push(and(eq(goals.scope, 'team'), sql`${goals.scopeTeamId} = (select u.team_id from users u where u.id = ${view.userId})`)!);
  if (view.userId != null) applies.push(and(eq(goals.scope, 'user'), eq(goals.scopeUserId, view.userId))!);
  // Never mutated: the same array is handed to every page view that shares it.
  return selectGoals(db, and(eq(goals.state, 'active'), or(...applies), visibleGoals(viewer)));
}, () => GOAL_ROW_READS);

/**
 * Goals that apply to the view: with a user, that user's goals, their team's and the company's; with a
 * team, the team's and the company's; with neither, the company's. When several goals share a KPI the
 * card shows the most specific one (user, then team, then company), preferring goals of the viewed
 * department and without extra filters (the card's number is unfiltered), then the earliest due date.
 */
export async function activeGoalsByKpi(db: Db, viewer: SessionUser, view: GoalView, now: Date = clockNow()): Promise<Map<string, GoalCardInfo>> {
  const rows = await applicableGoalRows(db, viewer, { teamId: view.teamId ?? null, userId: view.userId ?? null });

  const best = new Map<string, GoalRow>();
  for (const row of rows) {
    const prev = best.get(row.kpiKey);
    if (!prev || rank(row, view.department) < rank(prev, view.department)) best.set(row.kpiKey, row);
  }
  const out = new Map<string, GoalCardInfo>();
  await Promise.all([...best.values()].map(async (goal) => {
    const { result } = await liveProgress(db, goal, now);
    out.set(goal.kpiKey, {
      id: goal.id, title: goal.title, target: goal.target, status: result.status,
      progress: result.progress, scopeLabel: scopeLabel(goal),
    });
  }));
  return out;
}

const SCOPE_RANK: Record<string, number> = { user: 0, team: 1, company: 2 };

/** Lower is preferred; rows come sorted by due date, so ties keep the earliest due date. */
function rank(goal: GoalRow, department: Department): number {
  const filtered = Object.keys(goal.filters ?? {}).length > 0 ? 1 : 0;
  const otherDept = goal.department === department ? 0 : 1;
  return (SCOPE_RANK[goal.scope] ?? 3) * 4 + filtered * 2 + otherDept;
}
