// Distributions a dashboard shows next to its trends: how NPS answers spread over 0–10 and how big
// won deals are. Same record sets and filter conditions as the KPIs (lib/kpi/sql/sources), in SQL.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { authorizedRows, type AuthorizedView } from '@/lib/access';
import { SOURCES, filterConditions } from '@/lib/kpi/sql/sources';
import type { Period } from '@/lib/kpi';

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

/** Upper bounds (exclusive) of the deal-size bins, in dollars. */
const DEAL_SIZE_BOUNDS = [5_000, 10_000, 25_000, 50_000, 100_000] as const;

function sizeLabel(i: number): string {
  const k = (n: number) => `$${n / 1000}k`;
  if (i === 0) return `< ${k(DEAL_SIZE_BOUNDS[0])}`;
  if (i === DEAL_SIZE_BOUNDS.length) return `≥ ${k(DEAL_SIZE_BOUNDS[i - 1])}`;
  return `${k(DEAL_SIZE_BOUNDS[i - 1])}–${k(DEAL_SIZE_BOUNDS[i])}`;
}

/** Deals won in the period (closed in it, as won revenue counts them) by amount. */
export async function wonDealSizes(db: QueryDb, view: AuthorizedView, period: Period): Promise<DistributionBin[]> {
  const filters = authorizedRows(view);
  const conds = [sql`d.stage = 'won'`, ...inPeriod('d.closed_at', period), ...filterConditions(SOURCES.deals, filters)];
  const bounds = sql.join(DEAL_SIZE_BOUNDS.map((b) => sql`${b}::float8`), sql`, `);
  // width_bucket over explicit bounds: 0 below the first, n at or above the last.
  const rows = await queryRows<{ bin: number; n: number }>(db, sql`
    select width_bucket(d.amount::float8, array[${bounds}]::float8[])::int as bin, count(*)::int as n
    from deals d where ${where(conds)} and d.amount is not null group by 1`);
  return Array.from({ length: DEAL_SIZE_BOUNDS.length + 1 }, (_, i) => ({ label: sizeLabel(i), count: rows.find((r) => r.bin === i)?.n ?? 0 }));
}
