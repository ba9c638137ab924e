// Distributions a dashboard shows next to its trends: how NPS answers spread over 0–10 and how big
// won deals are. Same record sets and filter conditions as the KPIs (lib/kpi/sql/sources), in SQL.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { authorizedRows, type AuthorizedView } from '@/lib/access';
import { SOURCES, filterConditions } from '@/lib/kpi/sql/sources';
import type { Period } from '@/lib/kpi';
import { computeParts } from '@/lib/kpi/engine';
import { timeIn, within, type Part } from '@/lib/kpi/calc/define';
import { DEAL_SIZE_BOUNDS, dealSizeCond } from '@/db/schema/summary-defs';

interface DistributionBin { label: string; count: number; group?: string }

const where = (conds: SQL[]) => (conds.length ? sql.join(conds, sql` and `) : sql`true`);
const inPeriod = (col: string, p: Period) => [
  sql`${sql.raw(col)} >= ${p.from.toISOString()}::timestamptz`, sql`${sql.raw(col)} < ${p.to.toISOString()}::timestamptz`,
];

/** NPS answers in the period by score (0–10), grouped as detractors (0–6), passives (7–8), promoters (9–10). */
export async function npsScores(db: QueryDb, view: AuthorizedView, period: Period): Promise<DistributionBin[]> {
  const filters = authorizedRows(view);
  const conds = [sql`s.kind = 'nps'`, ...inPeriod('s.responded_at', period), ...filterConditions(SOURCES.survey_responses, filters)];
  const rows = await queryRows<{ score: number; n: number }>(db, sql`
    select s.score::int as score, count(*)::int as n from survey_responses s where ${where(conds)} group by s.score`);
  return Array.from({ length: 11 }, (_, score) => ({
    label: String(score),
    count: rows.find((r) => r.score === score)?.n ?? 0,
    group: score <= 6 ? 'Detractor' : score <= 8 ? 'Passive' : 'Promoter',
  }));
}

function sizeLabel(i: number): string {
  const k = (n: number) => `$${n / 1000}k`;
  if (i === 0) return `< ${k(DEAL_SIZE_BOUNDS[0])}`;
  if (i === DEAL_SIZE_BOUNDS.length) return `≥ ${k(DEAL_SIZE_BOUNDS[i - 1])}`;
  return `${k(DEAL_SIZE_BOUNDS[i - 1])}–${k(DEAL_SIZE_BOUNDS[i])}`;
}

// Won deals per size bin as KPI parts: the engine reads them from the deal summary's bin counts
// (deal_closed_days, the same conditions) wherever it serves the view, as the won-revenue card does.
const closed = timeIn('d.closed_at');
export const DEAL_SIZE_PARTS: Part[] = Array.from({ length: DEAL_SIZE_BOUNDS.length + 1 }, (_, i) => ({
  source: 'deals', agg: 'count', summary: { table: 'deal_closed_days', measure: `won_size${i}` },
  where: within(closed, (p) => sql`(${closed(p)} and ${sql.raw(dealSizeCond(i))})`),
}));

/** Deals won in the period (closed in it, as won revenue counts them) by amount. */
export async function wonDealSizes(db: QueryDb, view: AuthorizedView, period: Period): Promise<DistributionBin[]> {
  const counts = await computeParts(db, view, DEAL_SIZE_PARTS, period);
  return DEAL_SIZE_PARTS.map((_, i) => ({ label: sizeLabel(i), count: counts[i] ?? 0 }));
}
