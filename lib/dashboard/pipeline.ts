// The lead funnel and the open pipeline by stage, for the sales and marketing dashboards. Same filter
// conditions as the KPIs (lib/kpi/sql/sources), aggregated in SQL.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { authorizedRows, type AuthorizedView } from '@/lib/access';
import { OPEN_DEAL_STAGES } from '@/db/schema/enums';
import { SOURCES, filterConditions } from '@/lib/kpi/sql/sources';
import type { Period } from '@/lib/kpi';

interface FunnelStep { label: string; count: number }

const where = (conds: ReturnType<typeof sql>[]) => (conds.length ? sql.join(conds, sql` and `) : sql`true`);

/** Leads created in the period, and how many of them reached MQL, SQL and customer (converted). */
export async function leadFunnel(db: QueryDb, view: AuthorizedView, period: Period): Promise<FunnelStep[]> {
  const filters = authorizedRows(view);
  const src = SOURCES.leads;
  const conds = [sql`l.created_at >= ${period.from.toISOString()}::timestamptz`, sql`l.created_at < ${period.to.toISOString()}::timestamptz`, ...filterConditions(src, filters)];
  const [r] = await queryRows<{ leads: number; mql: number; sqls: number; customers: number }>(db, sql`
    select count(*)::int as leads,
           count(*) filter (where l.mql_at is not null)::int as mql,
           count(*) filter (where l.sql_at is not null)::int as sqls,
           count(*) filter (where l.converted_at is not null)::int as customers
    from leads l where ${where(conds)}`);
  return [
    { label: 'Leads', count: r.leads },
    { label: 'MQL', count: r.mql },
    { label: 'SQL', count: r.sqls },
    { label: 'Customers', count: r.customers },
  ];
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
