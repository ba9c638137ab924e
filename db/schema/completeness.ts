// Data completeness's checked fields (kpi-catalog.md, "Data completeness"), per record kind, and how a
// record's "filled fields" are counted in SQL. One place, because three things must count alike: the
// KPI's raw parts and drill-down (lib/kpi/calc/operations.ts), the summaries' `filled` measures
// (./summary-defs.ts) and the indexes that let the drill-down read one page of a member's least
// complete records (./crm.ts) — an index serves the drill's ORDER BY only if its expression is the same.
import { sql, type SQL } from 'drizzle-orm';

export const ACCOUNT_CHECKED = ['a.segment', 'a.industry', 'a.region', 'a.owner_id'] as const;
export const LEAD_CHECKED = ['l.owner_id'] as const;
export const DEAL_CHECKED = ['d.owner_id', 'd.product'] as const;

/**
 * A record's "filled fields": 1 per checked field that is filled (an id not null, a text not null and
 * not blank).
 */
export const filledCount = (fields: readonly string[]): string =>
  fields.map((f) => `(case when ${f} is null${f.endsWith('_id') ? '' : ` or trim(${f}) = ''`} then 0 else 1 end)`).join(' + ');

/**
 * The drill-down's sort value (its `value` column: the filled count as float8) over the table's own
 * columns, for an index on (owner, value, id): a member's least complete records are its first rows
 * (0.8 s a call under load at large, sorting every record in scope, before).
 */
export const filledIndexExpr = (fields: readonly string[]): SQL =>
  sql.raw(`((${filledCount(fields.map((f) => f.replace(/^\w+\./, '')))})::float8)`);
