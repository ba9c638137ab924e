// Reading goals for pages: the list (filters, live status, sorted by due date) and one goal with its
// member goals and roll-up. Always scoped to what the viewer may see (rows.ts: visibleGoals).
import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { goals } from '@/db/schema';
import { mayManageGoal, visibleGoals, type SessionUser } from '@/lib/access';
import { getKpi } from '@/lib/kpi';
import { rollupAdditive, targetsAddUp, type TargetsCheck } from './cascade';
import { liveProgress, type LiveProgress } from './live';
import { scopeLabel, selectGoals, visibleGoal, type GoalRow } from './rows';
import type { GoalStatus } from './types';
import { now as clockNow } from '@/lib/clock';

export { GOAL_STATUS_LABELS } from './labels';

export interface GoalListFilters {
  status?: GoalStatus;
  scope?: 'company' | 'team' | 'user';
  department?: string;
  ownerId?: number;
  /** Default 'open': active and closed (archived goals only when asked for). */
  state?: 'open' | 'active' | 'closed' | 'archived' | 'all';
}

interface GoalListItem {
  goal: GoalRow;
  scopeLabel: string;
  live: LiveProgress;
  canManage: boolean;
}

function stateCondition(state: GoalListFilters['state']): SQL | undefined {
  if (state === 'all') return undefined;
  if (!state || state === 'open') return sql`${goals.state} <> 'archived'`;
  return eq(goals.state, state);
}

export async function listGoals(db: Db, viewer: SessionUser, f: GoalListFilters = {}, now: Date = clockNow()): Promise<GoalListItem[]> {
  const rows = await selectGoals(db, and(
    visibleGoals(viewer),
    stateCondition(f.state),
    f.scope ? eq(goals.scope, f.scope) : undefined,
    f.department ? eq(goals.department, f.department) : undefined,
    f.ownerId ? eq(goals.ownerId, f.ownerId) : undefined,
  ));
  const items = await Promise.all(rows.map(async (goal) => ({
    goal,
    scopeLabel: scopeLabel(goal),
    live: await liveProgress(db, goal, now),
    canManage: mayManageGoal(viewer, { scope: goal.scope, teamId: goal.scopeTeamId, userTeamId: goal.scopeUserTeamId }),
  })));
  return f.status ? items.filter((i) => i.live.result.status === f.status) : items;
}

interface GoalRollup {
  /** Sum of the member goals' current values (additive KPIs only). */
  current: number | null;
  progress: number | null;
  targets: TargetsCheck;
}

export interface GoalDetail {
  goal: GoalRow;
  scopeLabel: string;
  live: LiveProgress;
  canManage: boolean;
  parent: GoalRow | null;
  children: { goal: GoalRow; live: LiveProgress }[];
  rollup: GoalRollup | null;
}

export async function goalDetail(db: Db, viewer: SessionUser, id: number, now: Date = clockNow()): Promise<GoalDetail | null> {
  const goal = await visibleGoal(db, viewer, id);
  if (!goal) return null;
  const [live, childRows, parent] = await Promise.all([
    liveProgress(db, goal, now, { withSeries: true }),
    selectGoals(db, and(eq(goals.parentGoalId, id), sql`${goals.state} <> 'archived'`, visibleGoals(viewer))),
    goal.parentGoalId ? visibleGoal(db, viewer, goal.parentGoalId) : Promise.resolve(null),
  ]);
  const children = await Promise.all(childRows.map(async (c) => ({ goal: c, live: await liveProgress(db, c, now) })));
  const additive = getKpi(goal.kpiKey)?.aggregation === 'additive';
  let rollup: GoalRollup | null = null;
  if (additive && children.length) {
    const currents = children.map((c) => c.live.result.current);
    const current = currents.every((c) => c === null) ? null : rollupAdditive(currents.map((c) => c ?? 0));
    rollup = {
      current,
      progress: current === null || goal.target === 0 ? null : current / goal.target,
      targets: targetsAddUp(goal.target, children.map((c) => c.goal.target)),
    };
  }
  return {
    goal, scopeLabel: scopeLabel(goal), live, parent,
    canManage: mayManageGoal(viewer, { scope: goal.scope, teamId: goal.scopeTeamId, userTeamId: goal.scopeUserTeamId }),
    children, rollup,
  };
}

/** Owners of the goals the viewer may see, for the list's owner filter. */
export async function visibleGoalOwners(db: Db, viewer: SessionUser): Promise<{ id: number; name: string }[]> {
  const rows = await selectGoals(db, visibleGoals(viewer));
  const byId = new Map(rows.map((r) => [r.ownerId, r.ownerName ?? `User ${r.ownerId}`]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
