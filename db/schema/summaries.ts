// The exact summary tables (./summary-defs.ts), as drizzle tables so migrations create them. Their
// triggers and functions are SQL of migrations 0005, 0006, 0008, 0009, 0011, 0013, 0014, 0015, 0017 and 0018 (lib/kpi/summary/sql-gen.ts); 0016 adds the year table's months index, 0017 the account month chains, 0018 the survey months' region key, 0019 data completeness's owner indexes, 0020 the chain index's kind, 0023 the month tables' any-owner rows and owner indexes. No
// foreign keys: a deleted owner's rows move to "no owner" through the records' own ON DELETE SET NULL.
import { date, index, integer, numeric, pgTable, text, unique, type PgColumnBuilderBase } from 'drizzle-orm/pg-core';
import { SUMMARY_BY_KEY, keyColumns, type MonthKey, type SummaryDef, type SummaryKey, type YearKey, type ChainKey, type CampaignKey } from './summary-defs';

function summaryTable<K extends SummaryKey | MonthKey | YearKey | ChainKey | CampaignKey>(name: K) {
  const def: SummaryDef = SUMMARY_BY_KEY[name];
  const cols: Record<string, PgColumnBuilderBase> = { day: date('day', { mode: 'string' }).notNull(), ownerId: integer('owner_id') };
  if (def.dim) cols[def.dim] = text(def.dim);
  for (const [k, spec] of Object.entries(def.keys ?? {})) cols[k] = spec.type === 'date' ? date(k, { mode: 'string' }) : spec.type === 'int' ? integer(k) : text(k);
  for (const [m, spec] of Object.entries(def.measures)) {
    cols[m] = spec.count ? integer(m).notNull().default(0) : numeric(m).notNull().default('0');
  }
  return pgTable(name, cols, (t) => {
    const [first, ...rest] = keyColumns(def).map((c) => t[c === 'owner_id' ? 'ownerId' : c]);
    // One row per key; null owners and dimensions are keys too. Day first: views read day ranges.
    const key = unique(`${name}_key`).on(first, ...rest).nullsNotDistinct();
    // The touch chain is read by owner (the any-owner rows, or one owner's) over a range of months:
    // through the key's index (day first) a year's range held every owner's rows (87–144 ms for two
    // years at large, against 11 ms here). Its columns cover the read: answered from the index alone.
    // The kind comes before the day (migration 0020): a pass reads one kind, and an owner's upsell rows
    // (279 at large) sat among their touch rows (28,338), which a day-first range read them all with.
    if (name === 'touch_chain_months') {
      const [day, owner, kind, ...keys] = [first, ...rest];
      return [key, index(`${name}_owner`).on(owner, kind, day, ...keys, t.n)];
    }
    // Month tables are read by owner too: the any-owner rows (owner 0) of a view without an owner or
    // team filter, or a team's owners. Through the key's index (day first) a year's range held every
    // owner's rows, so an admin's dashboard grew with the staff (migration 0023).
    // Campaign ROI reads a campaign's months: campaign first (its rows are never read by owner).
    if (name === 'campaign_won_months') return [key, index(`${name}_campaign`).on(t.campaign_id, first)];
    if (def.grain === 'month') return [key, index(`${name}_owner`).on(t.ownerId, first)];
    if (def.grain !== 'year') return [key];
    // Customer engagement reads a year's touched accounts with their months (lib/kpi/calc/engagement.ts):
    // an index holding the months answers from the index alone. Through the key's index, fetching the
    // scattered any-owner rows read most of the table (8,432 buffers at large against 871).
    const months = Object.keys(def.measures).filter((m) => m !== 'n').map((m) => t[m]);
    return [key, index(`${name}_months`).on(first, ...rest, ...months)];
  });
}

export const leadCreatedDays = summaryTable('lead_created_days');
export const leadMqlDays = summaryTable('lead_mql_days');
export const dealClosedDays = summaryTable('deal_closed_days');
export const orderDays = summaryTable('order_days');
export const ticketCreatedDays = summaryTable('ticket_created_days');
export const ticketResolvedDays = summaryTable('ticket_resolved_days');
export const surveyDays = summaryTable('survey_days');
export const customerDays = summaryTable('customer_days');
export const dealOpenDays = summaryTable('deal_open_days');
export const orderChainDays = summaryTable('order_chain_days');
export const leadCreatedMonths = summaryTable('lead_created_months');
export const leadMqlMonths = summaryTable('lead_mql_months');
export const dealClosedMonths = summaryTable('deal_closed_months');
export const orderMonths = summaryTable('order_months');
export const ticketCreatedMonths = summaryTable('ticket_created_months');
export const ticketResolvedMonths = summaryTable('ticket_resolved_months');
export const surveyMonths = summaryTable('survey_months');
export const customerMonths = summaryTable('customer_months');
export const dealOpenMonths = summaryTable('deal_open_months');
export const orderChainMonths = summaryTable('order_chain_months');
export const accountTouchYears = summaryTable('account_touch_years');
export const accountDays = summaryTable('account_days');
export const accountMonths = summaryTable('account_months');
export const touchChainMonths = summaryTable('touch_chain_months');
export const campaignWonMonths = summaryTable('campaign_won_months');

/**
 * The account month chains' rows (summary-defs.ts TOUCH_CHAIN): an account's months with a touch (or a
 * won upsell deal) under an owner (0: any owner), each with the previous one, kept by triggers
 * (lib/kpi/summary/touch-chain.ts), and the account's customer months and ownership as derived columns
 * (sql-gen.ts DERIVED). Not a summary itself but the rows `touch_chain_months` sums; `id` names a row
 * for the derived columns' updates. The key's index serves the triggers' reads by account and owner.
 */
export const accountTouchChain = pgTable('account_touch_chain', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** 'touch' (an order, ticket or response: engagement) or 'upsell' (a won upsell or cross-sell deal). */
  kind: text('kind').notNull(),
  accountId: integer('account_id').notNull(),
  ownerId: integer('owner_id').notNull(),
  month: date('month', { mode: 'string' }).notNull(),
  prevMonth: date('prev_month', { mode: 'string' }),
  sinceMonth: date('since_month', { mode: 'string' }),
  churnMonth: date('churn_month', { mode: 'string' }),
  own: integer('own').notNull().default(0),
}, (t) => [unique('account_touch_chain_key').on(t.accountId, t.ownerId, t.kind, t.month)]);
