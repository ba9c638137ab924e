// The goals the dashboard's cards are measured against, for the viewed scope. The goal logic lives
// in lib/goals (activeGoalsByKpi); this only hands it the view's team and owner ids, and keeps a goal
// failure from taking the cards down with it.
import 'server-only';
import type { Db } from '@/db/client';
import type { Department } from '@/db/schema/enums';
import { authorizedRows, type AuthorizedView, type SessionUser } from '@/lib/access';
import { activeGoalsByKpi } from './active-goals';

/** What a card shows of a goal (lib/goals' GoalCardInfo, loosened so the card can be rendered in tests). */
export interface CardGoal {
  id: number;
  title: string;
  target: number;
  status: string;
  progress: number | null;
  scopeLabel: string;
}

/** Active goals by KPI key for the view; an empty map when there are none (or goals are unavailable). */
export async function cardGoals(db: Db, viewer: SessionUser, department: Department, view: AuthorizedView): Promise<Map<string, CardGoal>> {
  try {
    const { teamId, ownerId } = authorizedRows(view);
    return await activeGoalsByKpi(db, viewer, { department, teamId: teamId || null, userId: ownerId || null });
  } catch (err) {
    // The numbers matter more than the goal badges: log and show the cards without them.
    console.error('card goals failed', err);
    return new Map();
  }
}
