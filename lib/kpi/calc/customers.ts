// The customer sets of the catalogue's Conventions, over accounts (alias `a`). Dates count as their
// midnight UTC, compared with the period's UTC timestamps.
import { sql, type SQL } from 'drizzle-orm';
import { timeIn, type Cond, type SummaryRef } from './define';

const customerAt = (t: SQL) => sql`(a.customer_since < ${t} and (a.churned_at is null or a.churned_at >= ${t}))`;

/** S: customers at `from`. */
export const startCustomers: Cond = (p) => customerAt(p.fromTs);
/** E: customers at `to`. */
export const endCustomers: Cond = (p) => customerAt(p.toTs);
/** N: customer_since in P. */
export const newCustomers = timeIn('a.customer_since', true);
/** L: accounts of S that churned in P. */
export const lostCustomers: Cond = (p) => sql`(${customerAt(p.fromTs)} and a.churned_at < ${p.toTs})`;
/** A: customers at some time during P. */
export const activeCustomers: Cond = (p) => sql`(a.customer_since < ${p.toTs} and (a.churned_at is null or a.churned_at >= ${p.fromTs}))`;

/**
 * The sets from the customer summary (customer_days: starts and churns per day and owner): S, E and A
 * count customers at a bound (starts before it − churns before it, exact since churned_at >=
 * customer_since), N the starts in the period, L the churns in the period of customers who started
 * before it (churns keep their start's month: periods from the first of a month).
 */
const state = (before: 'from' | 'to', churnsBefore: 'from' | 'to'): SummaryRef =>
  ({ table: 'customer_days', measure: 'starts', cumulative: { before, minus: { measure: 'ends', before: churnsBefore } } });
export const CUSTOMER_SUMMARY = {
  start: state('from', 'from'),
  end: state('to', 'to'),
  /** customer_since < to, not churned before from: starts before `to` − churns before `from`. */
  active: state('to', 'from'),
  new: { table: 'customer_days', measure: 'starts' },
  /** L: churns in the period of customers who started before `from`. */
  lost: { table: 'customer_days', measure: 'ends', lost: 'count' },
  /** S − L: customers at `from` still customers at `to`. */
  kept: { ...state('from', 'from'), lost: 'minus' },
} satisfies Record<string, SummaryRef>;

/** The account's converting lead: the earliest converted lead naming it, among all leads (no filters). */
export function convertingLead(column: SQL): SQL {
  return sql`(select ${column} from leads cl where cl.account_id = a.id and cl.converted_at is not null
    order by cl.converted_at, cl.id limit 1)`;
}

