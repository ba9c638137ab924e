// Sales KPIs (kpi-catalog.md, "Sales").
import { sql, type SQL } from 'drizzle-orm';
import { seconds, type PeriodSet } from '../sql/period-sql';
import { cur, growthKpi, meanKpi, pct, ratioKpi, sumKpi, timeIn, within, type Cond, type DrillCond, type KpiCalc, type Nested, type Part } from './define';
import { CUSTOMER_SUMMARY, activeCustomers } from './customers';

export const leadCreated = timeIn('l.created_at');
export const dealClosed = timeIn('d.closed_at');
export const wonClosed = within(dealClosed, (p) => sql`(d.stage = 'won' and ${dealClosed(p)})`);
const amount: Cond = () => sql`d.amount`;

// Summaries: deals by UTC day closed (deal_closed_days), leads by day created (lead_created_days).
const wonRevenue = sumKpi('deals', wonClosed, amount, 'Amount', { table: 'deal_closed_days', sum: 'won_amount', count: 'won' });

// From the upsell chain (summary-defs.ts TOUCH_CHAIN: each account's months with such a deal, under
// the deal's owner and under any owner) for whole months without a team filter; not keyed by product
// or by the account's segment, region or industry, whose views read the raw rows.
const upsellNumerator: Part = {
  source: 'deals', agg: 'accountsWithMin', min: 1,
  summary: { table: 'touch_chain_months', measure: 'n', chain: 'upsell' },
  literalSummary: (f) => !f.product && !f.segment && !f.region && !f.industry,
  where: within(dealClosed, (p) => sql`(${wonClosed(p)} and d.type in ('upsell', 'cross_sell') and d.account_id is not null)`),
};
// The accounts with such a deal as one set (hashed once), not a probe of deals per account: the
// drill-down reads every account, and under load at large its counts took 0.16-0.7 s a view that way.
const upsellAccounts = (ps: PeriodSet, n: Nested, extra?: SQL) =>
  sql`a.id in (select d.account_id from deals d where ${upsellNumerator.where(ps.cur, n)} and ${n('deals')}${extra ? sql` and ${extra}` : sql``})`;
const upsellDeal: DrillCond = (ps, n) => upsellAccounts(ps, n);
const activeCount: Part = { source: 'accounts', agg: 'count', where: activeCustomers, summary: CUSTOMER_SUMMARY.active };

export const SALES = {
  lead_conversion_rate: ratioKpi('leads', leadCreated, () => sql`l.converted_at is not null`, 'created_at',
    { table: 'lead_created_days', den: 'n', num: 'converted' }),
  win_rate: ratioKpi('deals', within(dealClosed, (p) => sql`(d.stage in ('won', 'lost') and ${dealClosed(p)})`), () => sql`d.stage = 'won'`, 'closed_at',
    { table: 'deal_closed_days', den: 'decided', num: 'won' }),
  sales_cycle_length: meanKpi('deals', wonClosed, () => sql`${seconds(sql`d.closed_at`, sql`d.created_at`)} / 86400`, 'Days to close',
    { table: 'deal_closed_days', sum: 'won_days', count: 'won' }),
  average_deal_size: meanKpi('deals', wonClosed, amount, 'Amount', { table: 'deal_closed_days', sum: 'won_amount', count: 'won' }),
  won_revenue: wonRevenue,
  sales_growth_rate: growthKpi(wonRevenue),
  pipeline_value: sumKpi('deals', (p) => sql`(d.created_at < ${p.to} and (d.closed_at is null or d.closed_at >= ${p.to}))`, amount, 'Amount',
    // Open deals: closed after `to` or not closed; the pass only reads those (indexes on closed_at).
    { table: 'deal_open_days', sum: 'opened_amount', count: 'opened', minus: { sum: 'closed_amount', count: 'closed' } },
    (p) => sql`(d.closed_at is null or d.closed_at >= ${p.to})`),
  annual_contract_value: meanKpi('deals', within(dealClosed, (p) => sql`(${wonClosed(p)} and d.contract_months is not null)`),
    () => sql`d.amount * 12 / d.contract_months`, 'Annualised amount',
    { table: 'deal_closed_days', sum: 'acv_sum', count: 'acv_n' }),
  lead_response_time: meanKpi('leads', within(leadCreated, (p) => sql`(${leadCreated(p)} and l.first_contacted_at is not null)`),
    () => sql`${seconds(sql`l.first_contacted_at`, sql`l.created_at`)} / 3600`, 'Hours to first contact',
    { table: 'lead_created_days', sum: 'contact_hours', count: 'contacted' }),
  upsell_cross_sell_rate: {
    parts: [cur(upsellNumerator), cur(activeCount)],
    compute: (g) => pct(g(upsellNumerator), g(activeCount)),
    countPart: activeCount,
    // The numerator's accounts need not be among the denominator's: under an owner filter the deals
    // are the owner's and the customers are the accounts they own. List both, flagged.
    drill: {
      source: 'accounts', check: 'ratio', defaultSort: 'name', ownFilters: true,
      where: (ps, n) => sql`((${n('accounts')} and ${activeCustomers(ps.cur)}) or ${upsellDeal(ps, n)})`,
      denominator: (ps, n) => sql`(${n('accounts')} and ${activeCustomers(ps.cur)})`,
      numerator: upsellDeal,
      scopeVia: { source: 'deals', cond: (ps, n, scoped) => upsellAccounts(ps, n, scoped) },
    },
  },
} satisfies Record<string, KpiCalc>;
