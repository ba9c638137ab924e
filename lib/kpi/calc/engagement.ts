// Customer engagement's numerator condition (kpi-catalog.md: accounts in A with an order, a ticket or a
// survey response in P), over an account aliased `a`, each kind of record under the view's filters.
// The engine's passes read the account touches summary (account_touch_years, db/schema/summary-defs.ts)
// for P's whole UTC months and the raw rows for its edges: one hashed set of the period's touched
// accounts instead of three index probes per account (0.3–0.5 s a view at large). The raw rows alone
// answer when the summary cannot: summaries off, a period without literal bounds (a series' bucket
// columns), a product or channel filter (touches are not keyed by them), and drill-downs (their nested
// filters carry no `filters`: drill-downs read raw rows, and their counts reconcile with the card's).
import { sql, type SQL } from 'drizzle-orm';
import { yearMonths } from '@/db/schema/summary-defs';
import type { RowFilters } from '@/lib/access';
import { monthsAndEdges, summariesEnabled } from '../summary/pass';
import { filterUsers } from '../sql/sources';
import { and, inP, literalPeriod, or, type SqlPeriod } from '../sql/period-sql';
import type { Period } from '../types';
import type { Cond, Nested } from './define';

/** The records that touch an account, with the timestamp that places them in a period. */
const TOUCHES = [
  { source: 'orders', alias: 'o', at: 'ordered_at' },
  { source: 'tickets', alias: 't', at: 'created_at' },
  { source: 'survey_responses', alias: 's', at: 'responded_at' },
] as const;

const at = (k: (typeof TOUCHES)[number]) => sql.raw(`${k.alias}.${k.at}`);
const from = (k: (typeof TOUCHES)[number]) => sql.raw(`${k.source} ${k.alias}`);

/** An account probe per kind of record: the raw rows' answer. */
function rawEngaged(p: SqlPeriod, n: Nested): SQL {
  return or(TOUCHES.map((k) => sql`exists (select 1 from ${from(k)} where ${sql.raw(k.alias)}.account_id = a.id and ${inP(at(k), p)} and ${n(k.source)})`));
}

/** The accounts touched in `js` under `filters`: the summary's rows of its whole months, raw rows of its edges. */
function touchedAccounts(js: Period, n: Nested, filters: RowFilters): SQL {
  const { months, edges } = monthsAndEdges(js);
  const sets: SQL[] = [];
  if (months) {
    // An owner or team filter reads its owners' rows (an order's owner is its account's, in scope with
    // the account itself); without one, the any-owner rows (owner 0).
    const users = filterUsers(filters);
    const owner = users.length ? and(users.map((u) => sql`sm.owner_id in (${u})`)) : sql`sm.owner_id = 0`;
    // Literal years, not parameters: a prepared statement's generic plan cannot size the set, and then
    // probes it row by row instead of hashing it (300 ms instead of 100 at large). `year` is generated
    // (YYYY-01-01), never user input. One range of the months index (db/schema/summaries.ts), read from
    // the index alone: an OR of the years was a bitmap scan fetching most of the table's pages.
    const years = yearMonths(months.from, months.to);
    const lit = (year: string) => `'${year}'::date`;
    const touched = years.map(({ year, months: ms }) => `when ${lit(year)} then ${ms.length === 12 ? '1' : ms.map((m) => `sm.m${m}`).join(' + ')}`);
    sets.push(sql`select sm.account_id from account_touch_years sm where sm.day in (${sql.raw(years.map((y) => lit(y.year)).join(', '))})
      and ${owner} and (case sm.day ${sql.raw(touched.join(' '))} end) > 0`);
  }
  for (const e of edges) {
    for (const k of TOUCHES) sets.push(sql`select ${sql.raw(k.alias)}.account_id from ${from(k)} where ${inP(at(k), literalPeriod(e))} and ${n(k.source)}`);
  }
  return sql`a.id in (${sql.join(sets, sql` union all `)})`;
}

/**
 * Whether the account touches (and the touch chain) can serve a view with these filters: touches are
 * not keyed by product or channel. (Account filters: the accounts pass applies them to the touch rows'
 * set; the chain's summary is not keyed by them and `covers` leaves them to the raw rows.)
 */
export const touchesServe = (filters: RowFilters): boolean => !filters.product && !filters.channel;

export const engagedAccount: Cond = (p, n) => {
  const filters = n!.filters;
  if (!summariesEnabled() || !filters || !p.js || !touchesServe(filters)) return rawEngaged(p, n!);
  return touchedAccounts(p.js, n!, filters);
};
