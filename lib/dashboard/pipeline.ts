// The lead funnel and the open pipeline by stage, for the sales and marketing dashboards. Same filter
// conditions as the KPIs (lib/kpi/sql/sources), aggregated in SQL.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { authorizedRows, type AuthorizedView } from '@/lib/access';
import { OPEN_DEAL_STAGES } from '@/db/schema/enums';
import { SOURCES, filterConditions } from '@/lib/kpi/sql/sources';
import type { Period } from '@/lib/kpi';
import { computeParts } from '@/lib/kpi/engine';
import { timeIn, within, type Cond, type Part } from '@/lib/kpi/calc/define';

interface FunnelStep { label: string; count: number }

const where = (conds: ReturnType<typeof sql>[]) => (conds.length ? sql.join(conds, sql` and `) : sql`true`);

// The period's leads and those of them that reached each step: KPI parts, so the engine reads them as the
// cards read theirs (the lead summary's cohort counts, lead_created_days; raw rows where it cannot serve).
const leadCreated = timeIn('l.created_at');
const createdAnd = (cond: string): Cond => within(leadCreated, (p) => sql`(${leadCreated(p)} and ${sql.raw(cond)})`);
const step = (where: Cond, measure: string): Part => ({ source: 'leads', agg: 'count', where, summary: { table: 'lead_created_days', measure } });
const FUNNEL: { label: string; part: Part }[] = [
  { label: 'Leads', part: step(leadCreated, 'n') },
  { label: 'MQL', part: step(createdAnd('l.mql_at is not null'), 'mql') },
  { label: 'SQL', part: step(createdAnd('l.sql_at is not null'), 'sqls') },
  { label: 'Customers', part: step(createdAnd('l.converted_at is not null'), 'converted') },
];
export const FUNNEL_PARTS = FUNNEL.map((f) => f.part);

/** Leads created in the period, and how many of them reached MQL, SQL and customer (converted). */
export async function leadFunnel(db: QueryDb, view: AuthorizedView, period: Period): Promise<FunnelStep[]> {
  const counts = await computeParts(db, view, FUNNEL_PARTS, period);
  return FUNNEL.map((f, i) => ({ label: f.label, count: counts[i] ?? 0 }));
}

interface StageRow { stage: string; deals: number; amount: number }

/** Deals open now (created before the period's end, not closed), by stage, with their amount. */
export async function openDealsByStage(db: QueryDb, view: AuthorizedView, period: Period): Promise<StageRow[]> {
  const filters = authorizedRows(view);
  const src = SOURCES.deals;
  const conds = [sql`d.created_at < ${period.to.toISOString()}::timestamptz`, sql`(d.closed_at is null or d.closed_at >= ${period.to.toISOString()}::timestamptz)`, ...filterConditions(src, filters)];
  const rows = await queryRows<StageRow>(db, sql`
    select d.stage, count(*)::int as deals, coalesce(sum(d.amount), 0)::float8 as amount
    from deals d where ${where(conds)} and d.stage in (${sql.join(OPEN_DEAL_STAGES.map((s) => sql`${s}`), sql`, `)})
    group by d.stage`);
  return OPEN_DEAL_STAGES.map((stage) => rows.find((r) => r.stage === stage) ?? { stage, deals: 0, amount: 0 });
}
