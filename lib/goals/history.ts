// What the goal form needs from the KPI: its monthly history for the goal's scope and filters (the A of
// SMART), the proposed baseline (the KPI over the period of the same length before the start), and the
// achievability check of a target against that history. All through lib/kpi's SQL aggregates.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { goalView, type AuthorizedView } from '@/lib/access';
import { computeKpis, getKpi, kpiTimeSeries, previousPeriod, type KpiKey } from '@/lib/kpi';
import type { QueryDb } from '@/db/client';
import { assessAchievability, type AchievabilityResult } from './achievability';
import { daysBetween, toUtcMs } from './dates';
import { now as clockNow } from '@/lib/clock';

interface ScopeChoice {
  scope: string;
  teamId: number | null;
  userId: number | null;
  filters: Record<string, string>;
}

export interface ResolvedScope {
  scope: string;
  teamId: number | null;
  teamName: string | null;
  userId: number | null;
  userEmail: string | null;
  userName: string | null;
  /** The member's team, for member goals. */
  userTeamId: number | null;
}

/** Looks up the team / member a scope names; null when it does not exist (or the member is inactive). */
export async function resolveScope(db: QueryDb, s: Pick<ScopeChoice, 'scope' | 'teamId' | 'userId'>): Promise<ResolvedScope | null> {
  const base = { scope: s.scope, teamId: null, teamName: null, userId: null, userEmail: null, userName: null, userTeamId: null };
  if (s.scope === 'company') return base;
  if (s.scope === 'team') {
    if (s.teamId == null) return null;
    const [t] = await queryRows<{ id: number; name: string }>(db, sql`select id, name from teams where id = ${s.teamId}`);
    return t ? { ...base, teamId: t.id, teamName: t.name } : null;
  }
  if (s.scope === 'user') {
    if (s.userId == null) return null;
    const [u] = await queryRows<{ id: number; email: string; name: string; team_id: number | null }>(db,
      sql`select id, email, name, team_id from users where id = ${s.userId} and active`);
    return u ? { ...base, userId: u.id, userEmail: u.email, userName: u.name, userTeamId: u.team_id } : null;
  }
  return null;
}

/**
 * The numbers of a resolved scope under the goal's own filters. For scopes the caller has checked the
 * viewer may set goals for (mayManageGoal): the goal form's history and proposed baseline.
 */
export function scopeView(r: ResolvedScope, filters: Record<string, string>): AuthorizedView {
  return goalView(null, { scope: r.scope, scopeTeamId: r.teamId, scopeTeamName: r.teamName, scopeUserId: r.userId, scopeUserEmail: r.userEmail, filters });
}

interface MonthPoint { month: string; value: number | null }

/** The 12 whole months before the current one: a partial month would read as a drop for totals. */
function historyPeriod(now: Date): { from: Date; to: Date } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1));
  return { from, to };
}

export async function monthlyHistory(db: QueryDb, view: AuthorizedView, kpiKey: KpiKey, now: Date = clockNow()): Promise<MonthPoint[]> {
  const series = await kpiTimeSeries(db, view, kpiKey, { ...historyPeriod(now), bucket: 'month' });
  return series.map((p) => ({ month: p.start.slice(0, 7), value: p.value }));
}

/** The KPI over the period of the same length right before the start: the proposed baseline. */
export async function proposeBaseline(db: QueryDb, view: AuthorizedView, kpiKey: KpiKey, startDate: string, dueDate: string): Promise<number | null> {
  const prev = previousPeriod(new Date(toUtcMs(startDate)), new Date(toUtcMs(dueDate)));
  const values = await computeKpis(db, view, { from: prev.from, to: prev.to, keys: [kpiKey] });
  return values[kpiKey];
}

/** The target checked against the history; null when the dates or numbers cannot be compared. */
export function assessTarget(kpiKey: KpiKey, history: MonthPoint[], g: { baseline: number; target: number; startDate: string; dueDate: string },
  format?: (v: number) => string): AchievabilityResult | null {
  const kpi = getKpi(kpiKey);
  const durationDays = daysBetween(g.startDate, g.dueDate);
  if (!(durationDays > 0) || !Number.isFinite(g.baseline) || !Number.isFinite(g.target) || g.target === g.baseline) return null;
  return assessAchievability({
    history, baseline: g.baseline, target: g.target, direction: kpi.direction, aggregation: kpi.aggregation, durationDays, format,
  });
}

/** Whether the check flags the target (beyond the best month, or faster than the fastest change). */
export function needsStretch(a: AchievabilityResult | null): boolean {
  return !!a && (a.beyondBest || a.fasterThanFastest);
}
