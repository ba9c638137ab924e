// Retention, loyalty and revenue KPIs (kpi-catalog.md). Orders belong to their account: the owner,
// team and account filters reach them through it.
import { sql } from 'drizzle-orm';
import { dateAsTs, inP, seconds } from '../sql/period-sql';
import {
  countKpi, cur, div, growthKpi, guard, meanKpi, pct, ratioKpi, sumKpi, timeIn, within, type Cond, type KpiCalc, type Part,
} from './define';
import { CUSTOMER_SUMMARY, activeCustomers, convertingLead, lostCustomers, newCustomers, startCustomers } from './customers';
import { RAW } from './raw-reasons';
import { engagedAccount, touchesServe } from './engagement';
import { SUPPORT } from './support';

const ordered = timeIn('o.ordered_at');
const amount: Cond = () => sql`o.amount`;
const withCost = within(ordered, (p) => sql`(${ordered(p)} and o.cost is not null)`);
const profit: Cond = () => sql`(o.amount - o.cost)`;

// Summaries: orders by UTC day ordered (order_days), owned through their account; distinct buyers from
// the order chains (order_chain_days: each order with its account's previous order months).
const revenue = sumKpi('orders', ordered, amount, 'Amount', { table: 'order_days', sum: 'amount', count: 'n' });
const revenueSum: Part = revenue.parts[0].part;
const activeCount: Part = { source: 'accounts', agg: 'count', where: activeCustomers, summary: CUSTOMER_SUMMARY.active };
const buyers: Part = { source: 'orders', agg: 'accountsWithMin', min: 1, where: ordered, summary: { table: 'order_chain_days', measure: 'n', buyers: { chain: 'all', min: 1 } } };
const repeatBuyers: Part = { source: 'orders', agg: 'accountsWithMin', min: 2, where: ordered, summary: { table: 'order_chain_days', measure: 'n', buyers: { chain: 'all', min: 2 } } };
const profitSum: Part = { source: 'orders', agg: 'sum', where: withCost, value: profit, summary: { table: 'order_days', measure: 'profit' } };
const profitBuyers: Part = { source: 'orders', agg: 'accountsWithMin', min: 1, where: withCost, summary: { table: 'order_chain_days', measure: 'n', buyers: { chain: 'costed', min: 1 } } };
const startCount: Part = { source: 'accounts', agg: 'count', where: startCustomers, summary: CUSTOMER_SUMMARY.start };
const lostCount: Part = { source: 'accounts', agg: 'count', where: lostCustomers, summary: CUSTOMER_SUMMARY.lost };

// The numerator is read from the touch chain (summary-defs.ts TOUCH_CHAIN) for whole months without a
// team filter, and the denominator (A) from the customer states. Elsewhere the numerator's condition
// reads the account touches for literal periods (./engagement.ts): a trend computes its buckets through
// the engine, each from a summary, not one lateral pass of probes.
const engagement: KpiCalc = {
  ...ratioKpi('accounts', activeCustomers, engagedAccount, 'name',
    { table: 'customer_days', num: { table: 'touch_chain_months', measure: 'n', chain: 'touch' }, den: CUSTOMER_SUMMARY.active }),
  nested: ['orders', 'tickets', 'survey_responses'],
};
engagement.parts[0].part.literalSummary = touchesServe;

/** An aggregate over the account's orders matching `where` and the order filters (alias `o` inside `a`). */
const accountOrders = (agg: string, where: Cond): Cond => (p, n) =>
  sql`(select ${sql.raw(agg)} from orders o where o.account_id = a.id and ${where(p, n)} and ${n!('orders')})`;

const retentionRate = ratioKpi('accounts', startCustomers, (p) => sql`(a.churned_at is null or a.churned_at >= ${p.toTs})`, 'customer_since',
  { table: 'customer_days', den: CUSTOMER_SUMMARY.start, num: CUSTOMER_SUMMARY.kept });
const repeatPurchaseRate: KpiCalc = {
  parts: [cur(repeatBuyers), cur(buyers)],
  compute: (g) => pct(g(repeatBuyers), g(buyers)),
  countPart: buyers,
  drill: {
    source: 'accounts', check: 'ratio', defaultSort: 'value', valueLabel: 'Orders in period',
    where: (ps, n) => sql`exists ${accountOrders('1', ordered)(ps.cur, n)}`,
    numerator: (ps, n) => sql`${accountOrders('count(*)', ordered)(ps.cur, n)} >= 2`,
    value: (ps, n) => accountOrders('count(*)', ordered)(ps.cur, n),
  },
};

const loyaltyParts = [SUPPORT.nps, repeatPurchaseRate, retentionRate];

export const RETENTION = {
  churn_rate: ratioKpi('accounts', startCustomers, (p) => sql`a.churned_at < ${p.toTs}`, 'churned_at',
    { table: 'customer_days', den: CUSTOMER_SUMMARY.start, num: CUSTOMER_SUMMARY.lost }),
  retention_rate: retentionRate,
  new_customers: countKpi('accounts', newCustomers, 'customer_since', CUSTOMER_SUMMARY.new),
  revenue,
  revenue_growth_rate: growthKpi(revenue),
  arpu: {
    parts: [cur(revenueSum), cur(activeCount)],
    compute: (g) => div(g(revenueSum), g(activeCount)),
    countPart: activeCount,
    // Each active customer with its revenue in P (0 without orders): the mean of the column is ARPU.
    drill: {
      source: 'accounts', where: (ps, n) => activeCustomers(ps.cur, n), check: 'mean', defaultSort: 'value', valueLabel: 'Revenue in period',
      value: (ps, n) => sql`coalesce(${accountOrders('sum(o.amount)', ordered)(ps.cur, n)}, 0)`,
    },
  },
  average_order_value: meanKpi('orders', ordered, amount, 'Amount', { table: 'order_days', sum: 'amount', count: 'n' }),
  repeat_purchase_rate: repeatPurchaseRate,
  customer_lifetime_value: {
    parts: [{ part: revenueSum, shift: 't12' }, { part: buyers, shift: 't12' }, { part: startCount, shift: 't12' }, { part: lostCount, shift: 't12' }],
    compute: (g) => {
      const s = g(startCount, 't12');
      const b = g(buyers, 't12');
      if (!s || !b) return null;
      const churn = g(lostCount, 't12')! / s;
      const lifespan = churn === 0 ? 10 : Math.min(10, 1 / churn);
      return (g(revenueSum, 't12')! / b) * lifespan;
    },
    countPart: buyers,
    drill: {
      source: 'accounts', check: 'custom', defaultSort: 'value', valueLabel: 'Revenue over the last 12 months',
      where: (ps, n) => sql`exists ${accountOrders('1', ordered)(ps.t12, n)}`,
      value: (ps, n) => accountOrders('sum(o.amount)', ordered)(ps.t12, n),
    },
  },
  average_profit_per_customer: {
    parts: [cur(profitSum), cur(profitBuyers)],
    compute: (g) => div(g(profitSum), g(profitBuyers)),
    countPart: profitBuyers,
    drill: {
      source: 'accounts', check: 'mean', defaultSort: 'value', valueLabel: 'Profit in period',
      where: (ps, n) => sql`exists ${accountOrders('1', withCost)(ps.cur, n)}`,
      value: (ps, n) => accountOrders('sum(o.amount - o.cost)', withCost)(ps.cur, n),
    },
  },
  // The orders, tickets and responses that make an account engaged take the filters too (each its own
  // way); the engine reads them from the account touches summary where it serves (./engagement.ts).
  customer_engagement_rate: engagement,
  customer_loyalty_index: {
    parts: loyaltyParts.flatMap((k) => k.parts),
    compute: (g) => {
      const nps = loyaltyParts[0].compute(g);
      const values = [nps == null ? null : (nps + 100) / 2, loyaltyParts[1].compute(g), loyaltyParts[2].compute(g)]
        .filter((v): v is number => v != null);
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    },
    drill: null,
  },
  customer_journey_length: meanKpi('accounts',
    within(newCustomers, (p) => guard(newCustomers(p), sql`${convertingLead(sql`cl.id`)} is not null`)),
    () => sql`${seconds(dateAsTs(sql`a.customer_since`), convertingLead(sql`cl.created_at`))} / 86400`, 'Days from first touch',
    { table: 'customer_days', sum: 'journey_days', count: 'journey_n' }),
} satisfies Record<string, KpiCalc>;
