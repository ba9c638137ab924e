// Cumulative reads of a summary (customer states from `customer_days`, docs/architecture.md "Exact
// summaries"): a part declaring `cumulative` counts what holds at a bound of the period — starts before
// it minus churns before it — rather than the period's events. Read from the month rows of the months
// before the bound's month and the day rows of its month before it. Literal whole-day periods only:
// summaryPasses (./pass.ts) leaves series buckets (SQL periods) to the raw rows.
import { sql, type SQL } from 'drizzle-orm';
import { SUMMARY_BY_KEY } from '@/db/schema/summary-defs';
import type { SummaryRef } from '../calc/define';
import type { Period } from '../types';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

/** The summary rows of the days before `t` (midnight UTC): day rows of t's month, month rows before it. */
function beforeRows(t: Date): { days: SQL; months: SQL } {
  const m = iso(monthStart(t));
  return { days: sql`(sm.day >= ${m}::date and sm.day < ${iso(t)}::date)`, months: sql`(sm.day < ${m}::date)` };
}

function before(t: Date): SQL {
  const r = beforeRows(t);
  return sql`((sm.src = 'd' and ${r.days}) or (sm.src = 'm' and ${r.months}))`;
}

/** Σ measure before one bound − Σ minus.measure before another, typed as the raw pass's count (int) or sum (numeric). */
export function cumulativeAgg(ref: SummaryRef, js: Period): SQL {
  const c = ref.cumulative!;
  const plus = sql`coalesce(sum(${sql.raw(`sm.${ref.measure}`)}) filter (where ${before(js[c.before])}), 0)`;
  const minus = sql`coalesce(sum(${sql.raw(`sm.${c.minus.measure}`)}) filter (where ${before(js[c.minus.before])}), 0)`;
  const type = SUMMARY_BY_KEY[ref.table].measures[ref.measure].count ? 'int' : 'numeric';
  return sql`(${plus} - ${minus})::${sql.raw(type)}`;
}

/** The day and month rows a cumulative slot reads (both bounds). */
export function cumulativeRows(js: Period): { days: SQL[]; months: SQL[] } {
  const [a, b] = [beforeRows(js.from), beforeRows(js.to)];
  return { days: [a.days, b.days], months: [a.months, b.months] };
}
