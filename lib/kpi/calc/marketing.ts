// Marketing KPIs (kpi-catalog.md, "Marketing"). Expenses are never filtered; campaigns take only the
// channel filter and their attributed deals none.
import { sql } from 'drizzle-orm';
import { countKpi, cur, div, pct, ratioKpi, ratioOfSumsKpi, timeIn, within, type Cond, type KpiCalc, type Part } from './define';
import { CUSTOMER_SUMMARY, convertingLead, newCustomers } from './customers';
import { RAW } from './raw-reasons';
import { leadCreated } from './sales';
import { summariesEnabled } from '../summary/pass';

const mqlIn = timeIn('l.mql_at');
const campaignStarted = timeIn('c.started_at', true);
const emailCampaigns = within(campaignStarted, (p) => sql`(c.channel = 'email' and ${campaignStarted(p)})`);
const socialCampaigns = within(campaignStarted, (p) => sql`(c.channel = 'social' and ${campaignStarted(p)})`);
const incurred = timeIn('e.incurred_on', true);

export const acquisitionSpend: Part = {
  source: 'expenses', agg: 'sum', value: () => sql`e.amount`,
  where: within(incurred, (p) => sql`(e.category in ('marketing', 'sales') and ${incurred(p)})`), rawBecause: RAW.expenses,
};
export const newCustomerCount: Part = { source: 'accounts', agg: 'count', where: newCustomers, summary: CUSTOMER_SUMMARY.new };

/** R of campaign_roi for one campaign: its won deals closed before `to`, unfiltered (raw rows: the drill-down's column). */
const attributedRevenue: Cond = (p) => sql`(select coalesce(sum(ad.amount), 0) from deals ad
  where ad.campaign_id = c.id and ad.stage = 'won' and ad.closed_at < ${p.to})`;
/**
 * The same R for the card: the campaign's whole UTC months before `to`'s month from
 * `campaign_won_months` (summary-defs.ts CAMPAIGN_WON), its won deals from that month's first day to
 * `to` from raw rows (none when `to` is a month's first instant). Raw rows alone when the summaries are off.
 */
const attributedRevenueCard: Cond = (p, n) => {
  if (!summariesEnabled()) return attributedRevenue(p, n);
  const month = sql`date_trunc('month', ${p.toTs})`;
  return sql`((select coalesce(sum(sm.amount), 0) from campaign_won_months sm where sm.campaign_id = c.id and sm.day < (${month})::date)
    + (select coalesce(sum(ad.amount), 0) from deals ad where ad.campaign_id = c.id and ad.stage = 'won'
      and ad.closed_at >= (${month} at time zone 'UTC') and ad.closed_at < ${p.to}))`;
};
const campaignCost: Part = { source: 'campaigns', agg: 'sum', where: campaignStarted, value: () => sql`c.cost`, rawBecause: RAW.campaigns };
const campaignRevenue: Part = { source: 'campaigns', agg: 'sum', where: campaignStarted, value: attributedRevenueCard, rawBecause: RAW.campaignRevenue };
const campaignCount: Part = { source: 'campaigns', agg: 'count', where: campaignStarted, rawBecause: RAW.campaigns };

const delivered: Cond = () => sql`c.delivered`;

export const MARKETING = {
  mqls: countKpi('leads', mqlIn, 'mql_at', { table: 'lead_mql_days', measure: 'n' }),
  mql_to_sql_rate: ratioKpi('leads', mqlIn, () => sql`l.sql_at is not null`, 'mql_at', { table: 'lead_mql_days', den: 'n', num: 'sqls' }),
  contact_rate: ratioKpi('leads', leadCreated, () => sql`l.first_contacted_at is not null`, 'created_at',
    { table: 'lead_created_days', den: 'n', num: 'contacted' }),
  customer_acquisition_cost: {
    parts: [cur(acquisitionSpend), cur(newCustomerCount)],
    compute: (g) => div(g(acquisitionSpend), g(newCustomerCount)),
    countPart: newCustomerCount,
    drill: { source: 'accounts', where: (ps, n) => newCustomers(ps.cur, n), check: 'custom', defaultSort: 'customer_since' },
  },
  campaign_roi: {
    parts: [cur(campaignCost), cur(campaignRevenue), cur(campaignCount)],
    compute: (g) => pct(g(campaignCost) == null ? null : g(campaignRevenue)! - g(campaignCost)!, g(campaignCost)),
    countPart: campaignCount,
    drill: {
      source: 'campaigns', where: (ps, n) => campaignStarted(ps.cur, n), value: (ps, n) => attributedRevenue(ps.cur, n),
      valueLabel: 'Attributed won revenue', weight: () => sql`c.cost`, weightLabel: 'Cost', check: 'custom', defaultSort: 'started_at',
    },
  },
  email_open_rate: ratioOfSumsKpi('campaigns', emailCampaigns, () => sql`c.opens`, 'Opens', delivered, 'Delivered', RAW.campaigns),
  email_click_through_rate: ratioOfSumsKpi('campaigns', emailCampaigns, () => sql`c.clicks`, 'Clicks', delivered, 'Delivered', RAW.campaigns),
  email_unsubscribe_rate: ratioOfSumsKpi('campaigns', emailCampaigns, () => sql`c.unsubscribes`, 'Unsubscribes', delivered, 'Delivered', RAW.campaigns),
  social_engagement_rate: ratioOfSumsKpi('campaigns', socialCampaigns, () => sql`c.engagements`, 'Engagements',
    () => sql`c.impressions`, 'Impressions', RAW.campaigns),
  customer_referral_rate: ratioKpi('accounts', newCustomers, () => sql`${convertingLead(sql`cl.source`)} = 'referral'`, 'customer_since',
    { table: 'customer_days', den: 'starts', num: 'referrals' }),
} satisfies Record<string, KpiCalc>;
