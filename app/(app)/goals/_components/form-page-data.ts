// What both goal form pages load on the server: the scope choices and the filter values.
import 'server-only';
import { getReadDb } from '@/db/client';
import type { SessionUser } from '@/lib/access';
import { filterOptions } from '@/lib/dashboard/filter-options';
import { goalFormOptions } from '@/lib/goals/form-options';
import type { GoalRow } from '@/lib/goals/rows';
import { addMonths, getKpi, toDateParam } from '@/lib/kpi';
import { GOAL_FILTER_KEYS } from '@/lib/validation/goals';
import type { GoalFormValues } from './goal-form';
import { now as clockNow } from '@/lib/clock';

export async function formPageData(user: SessionUser) {
  const [options, filters] = await Promise.all([goalFormOptions(await getReadDb(), user), filterOptions(await getReadDb(), user)]);
  const filterChoices = Object.fromEntries(GOAL_FILTER_KEYS.map((k) => [k, filters[k].map((o) => o.value)]));
  return { options, filterChoices };
}

/**
 * A new goal: for the user's own team (managers) or the company (admins), starting today, three months,
 * in the creator's department (the KPI's first dashboard only for a creator without one, e.g. an admin).
 */
export function newGoalValues(user: SessionUser, options: Awaited<ReturnType<typeof formPageData>>['options'], kpiKey = ''): GoalFormValues {
  const today = clockNow();
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const team = options.teams.find((t) => t.id === user.teamId) ?? options.teams[0];
  return {
    title: '', description: '', kpi_key: kpiKey, baseline: '', target: '',
    scope: options.scopes.includes('team') && user.role !== 'admin' ? 'team' : options.scopes[0] ?? 'team',
    team_id: team ? String(team.id) : '', user_id: '', department: user.department ?? getKpi(kpiKey)?.dashboards[0] ?? 'executive',
    owner_id: String(user.id), start_date: toDateParam(start), due_date: toDateParam(addMonths(start, 3)), stretch: '',
  };
}

export function goalValues(g: GoalRow): GoalFormValues {
  const v: GoalFormValues = {
    id: String(g.id), title: g.title, description: g.description, kpi_key: g.kpiKey,
    baseline: String(g.baseline), target: String(g.target), scope: g.scope,
    team_id: g.scopeTeamId ? String(g.scopeTeamId) : '', user_id: g.scopeUserId ? String(g.scopeUserId) : '',
    department: g.department, owner_id: String(g.ownerId), start_date: g.startDate, due_date: g.dueDate,
    stretch: g.stretch ? 'on' : '', parent_goal_id: g.parentGoalId ? String(g.parentGoalId) : '',
  };
  for (const k of GOAL_FILTER_KEYS) v[`filter_${k}`] = g.filters[k] ?? '';
  return v;
}
