// The goals the dashboard's cards are measured against, for the viewed scope. The goal logic lives
// in lib/goals (activeGoalsByKpi); this only turns the dashboard's view (team name / owner e-mail)
// into the ids it takes, and keeps a goal failure from taking the cards down with it.
import 'server-only';
import { sql } from 'drizzle-orm';
import { getReadDb, queryRows } from '@/db/client';
import type { Department } from '@/db/schema/enums';
import type { SessionUser } from '@/lib/access';
import { activeGoalsByKpi } from '@/lib/goals/active-goals';
import type { KpiFilters } from '@/lib/kpi';

/** What a card shows of a goal (lib/goals' GoalCardInfo, loosened so the card can be rendered in tests). */
export interface CardGoal {
  id: number;
  title: string;
  target: number;
  status: string;
  progress: number | null;
  scopeLabel: string;
}

async function scopeIds(filters: KpiFilters): Promise<{ teamId: number | null; userId: number | null }> {
  const db = await getReadDb();
  const [team] = filters.team ? await queryRows<{ id: number }>(db, sql`select id from teams where lower(name) = lower(${filters.team})`) : [];
  const [user] = filters.owner ? await queryRows<{ id: number }>(db, sql`select id from users where lower(email) = lower(${filters.owner})`) : [];
  return { teamId: team?.id ?? null, userId: user?.id ?? null };
}

/** Active goals by KPI key for the view; an empty map when there are none (or goals are unavailable). */
export async function cardGoals(viewer: SessionUser, department: Department, filters: KpiFilters): Promise<Map<string, CardGoal>> {
  try {
    return await activeGoalsByKpi(viewer, { department, ...(await scopeIds(filters)) });
  } catch (err) {
    // The numbers matter more than the goal badges: log and show the cards without them.
    console.error('card goals failed', err);
    return new Map();
  }
}
