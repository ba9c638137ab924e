// The CRM records of data-contract.md. Business timestamps keep the contract's names; `external_id`
// is the key in the system the record came from (unique, used by the idempotent import).
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './org';
import {
  ACTIVITY_KINDS, CAMPAIGN_CHANNELS, DEAL_STAGES, DEAL_TYPES, EXPENSE_CATEGORIES, LEAD_SOURCES,
  SURVEY_KINDS, TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_PRIORITIES, oneOf,
} from './enums';
import { ACCOUNT_CHECKED, DEAL_CHECKED, LEAD_CHECKED, filledIndexExpr } from './completeness';
import { MAX_LONG_TEXT as LONG, MAX_SHORT_TEXT as SHORT, maxChars } from './limits';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });
const updatedAt = () => tstz('updated_at').notNull().defaultNow();
const ownerRef = (name: string) => integer(name).references(() => users.id, { onDelete: 'set null' });

export const accounts = pgTable('accounts', {
  id: serial('id').primaryKey(),
  externalId: text('external_id').notNull(),
  name: text('name').notNull(),
  segment: text('segment'),
  industry: text('industry'),
  region: text('region'),
  ownerId: ownerRef('owner_id'),
  customerSince: date('customer_since', { mode: 'string' }),
  churnedAt: date('churned_at', { mode: 'string' }),
  updatedAt: updatedAt(),
  // Derived, kept by the leads' triggers (lib/kpi/summary/sql-gen.ts), never written by the app: the
  // converting lead's creation time and source (the earliest converted lead naming the account, by
  // converted_at then id). The customer summary's journey and referral measures read them.
  convertingLeadCreatedAt: tstz('converting_lead_created_at'),
  convertingLeadSource: text('converting_lead_source'),
}, (t) => [
  uniqueIndex('accounts_external_id_unique').on(t.externalId),
  maxChars('accounts_external_id_length', t.externalId, SHORT),
  maxChars('accounts_name_length', t.name, SHORT),
  maxChars('accounts_segment_length', t.segment, SHORT),
  maxChars('accounts_industry_length', t.industry, SHORT),
  maxChars('accounts_region_length', t.region, SHORT),
  // (owner, filled fields, id): an owner's accounts, and data completeness's drill-down (least complete
  // first) reads one page of them (./completeness.ts).
  index('accounts_owner_idx').on(t.ownerId, filledIndexExpr(ACCOUNT_CHECKED), t.id),
  // (filled fields, id): the same drill-down for a view of every owner or a team's, least complete
  // first without sorting every account (420 ms for the three kinds at large, sequential scans, before).
  index('accounts_filled_idx').on(filledIndexExpr(ACCOUNT_CHECKED), t.id),
  index('accounts_customer_since_idx').on(t.customerSince),
  index('accounts_churned_at_idx').on(t.churnedAt),
  check('accounts_churn_after_start', sql`${t.churnedAt} is null or ${t.customerSince} is null or ${t.churnedAt} >= ${t.customerSince}`),
]);

export const campaigns = pgTable('campaigns', {
  id: serial('id').primaryKey(),
  externalId: text('external_id').notNull(),
  name: text('name').notNull(),
  channel: text('channel').notNull(),
  startedAt: date('started_at', { mode: 'string' }).notNull(),
  endedAt: date('ended_at', { mode: 'string' }),
  cost: money('cost').notNull(),
  sent: integer('sent'),
  delivered: integer('delivered'),
  opens: integer('opens'),
  clicks: integer('clicks'),
  unsubscribes: integer('unsubscribes'),
  impressions: integer('impressions'),
  engagements: integer('engagements'),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('campaigns_external_id_unique').on(t.externalId),
  maxChars('campaigns_external_id_length', t.externalId, SHORT),
  maxChars('campaigns_name_length', t.name, SHORT),
  index('campaigns_started_at_idx').on(t.startedAt),
  check('campaigns_channel_check', oneOf(t.channel, CAMPAIGN_CHANNELS)),
  check('campaigns_cost_check', sql`${t.cost} >= 0`),
  check('campaigns_end_after_start', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  check('campaigns_counts_check', sql`coalesce(${t.sent},0) >= 0 and coalesce(${t.delivered},0) >= 0 and coalesce(${t.opens},0) >= 0
    and coalesce(${t.clicks},0) >= 0 and coalesce(${t.unsubscribes},0) >= 0 and coalesce(${t.impressions},0) >= 0
    and coalesce(${t.engagements},0) >= 0`),
  check('campaigns_funnel_check', sql`(${t.delivered} is null or ${t.sent} is null or ${t.delivered} <= ${t.sent})
    and (${t.delivered} is null or (coalesce(${t.opens},0) <= ${t.delivered} and coalesce(${t.clicks},0) <= ${t.delivered}
    and coalesce(${t.unsubscribes},0) <= ${t.delivered}))
    and (${t.engagements} is null or ${t.impressions} is null or ${t.engagements} <= ${t.impressions})`),
]);

export const leads = pgTable('leads', {
  id: serial('id').primaryKey(),
  externalId: text('external_id').notNull(),
  createdAt: tstz('created_at').notNull(),
  source: text('source').notNull(),
  campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
  ownerId: ownerRef('owner_id'),
  firstContactedAt: tstz('first_contacted_at'),
  mqlAt: tstz('mql_at'),
  sqlAt: tstz('sql_at'),
  convertedAt: tstz('converted_at'),
  accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  disqualifiedAt: tstz('disqualified_at'),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('leads_external_id_unique').on(t.externalId),
  maxChars('leads_external_id_length', t.externalId, SHORT),
  index('leads_created_at_idx').on(t.createdAt),
  index('leads_mql_at_idx').on(t.mqlAt),
  // (owner, filled fields, id): as accounts_owner_idx (a lead's one checked field is its owner).
  index('leads_owner_idx').on(t.ownerId, filledIndexExpr(LEAD_CHECKED), t.id),
  index('leads_filled_idx').on(filledIndexExpr(LEAD_CHECKED), t.id),
  index('leads_account_idx').on(t.accountId),
  index('leads_campaign_idx').on(t.campaignId),
  check('leads_source_check', oneOf(t.source, LEAD_SOURCES)),
  check('leads_times_check', sql`(${t.firstContactedAt} is null or ${t.firstContactedAt} >= ${t.createdAt})
    and (${t.mqlAt} is null or ${t.mqlAt} >= ${t.createdAt}) and (${t.sqlAt} is null or ${t.sqlAt} >= ${t.createdAt})
    and (${t.convertedAt} is null or ${t.convertedAt} >= ${t.createdAt})`),
  check('leads_converted_account_check', sql`${t.convertedAt} is null or ${t.accountId} is not null`),
  check('leads_converted_or_disqualified', sql`${t.convertedAt} is null or ${t.disqualifiedAt} is null`),
]);

export const deals = pgTable('deals', {
  id: serial('id').primaryKey(),
  externalId: text('external_id').notNull(),
  name: text('name').notNull(),
  accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  ownerId: ownerRef('owner_id'),
  campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
  product: text('product'),
  type: text('type').notNull().default('new'),
  amount: money('amount').notNull(),
  stage: text('stage').notNull(),
  createdAt: tstz('created_at').notNull(),
  closedAt: tstz('closed_at'),
  contractMonths: integer('contract_months'),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('deals_external_id_unique').on(t.externalId),
  maxChars('deals_external_id_length', t.externalId, SHORT),
  maxChars('deals_name_length', t.name, SHORT),
  maxChars('deals_product_length', t.product, SHORT),
  index('deals_closed_at_idx').on(t.closedAt),
  index('deals_created_at_idx').on(t.createdAt),
  // (owner, closed): a member's deal lists and drill-downs by period read one owner's range.
  index('deals_owner_idx').on(t.ownerId, t.closedAt),
  // Data completeness's drill-down: an owner's least complete deals, one page (./completeness.ts).
  index('deals_owner_filled_idx').on(t.ownerId, filledIndexExpr(DEAL_CHECKED), t.id),
  index('deals_filled_idx').on(filledIndexExpr(DEAL_CHECKED), t.id),
  index('deals_account_idx').on(t.accountId),
  index('deals_campaign_idx').on(t.campaignId),
  // Campaign ROI sums each campaign's won deals closed before a bound: index-only (368 → 4 ms a year at large).
  index('deals_campaign_won_idx').on(t.campaignId, t.closedAt, t.amount).where(sql`stage = 'won'`),
  // The upsell rate's accounts with a won upsell or cross-sell closed in a period: index-only over the
  // few such deals (69 → 14 ms for a year and its comparison at large).
  index('deals_upsell_won_idx').on(t.closedAt, t.accountId, t.ownerId, t.stage, t.type)
    .where(sql`stage = 'won' and type in ('upsell', 'cross_sell') and account_id is not null`),
  check('deals_type_check', oneOf(t.type, DEAL_TYPES)),
  check('deals_stage_check', oneOf(t.stage, DEAL_STAGES)),
  check('deals_amount_check', sql`${t.amount} >= 0`),
  check('deals_closed_when_final', sql`(${t.stage} in ('won','lost')) = (${t.closedAt} is not null)`),
  check('deals_closed_after_created', sql`${t.closedAt} is null or ${t.closedAt} >= ${t.createdAt}`),
  check('deals_contract_months_check', sql`${t.contractMonths} is null or ${t.contractMonths} > 0`),
]);

/**
 * Columns the database derives from other rows (their triggers keep them; lib/kpi/summary/sql-gen.ts):
 * never written by forms or imports, and never restored by an import's undo (the triggers recompute them).
 */
export const DERIVED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  accounts: ['converting_lead_created_at', 'converting_lead_source'],
  orders: ['prev_month', 'prev2_month', 'cprev_month'],
  survey_responses: ['owner_id'],
};

export const orders = pgTable('orders', {
  id: serial('id').primaryKey(),
  externalId: text('external_id').notNull(),
  accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  orderedAt: tstz('ordered_at').notNull(),
  amount: money('amount').notNull(),
  cost: money('cost'),
  product: text('product'),
  updatedAt: updatedAt(),
  // Derived, kept by the orders' chain triggers (lib/kpi/summary/sql-gen.ts), never written by the app:
  // the UTC months of the account's previous two orders and of its previous order with a cost (by
  // ordered_at, then id). The order chain summary counts distinct buyers from them.
  prevMonth: date('prev_month', { mode: 'string' }),
  prev2Month: date('prev2_month', { mode: 'string' }),
  cprevMonth: date('cprev_month', { mode: 'string' }),
}, (t) => [
  uniqueIndex('orders_external_id_unique').on(t.externalId),
  maxChars('orders_external_id_length', t.externalId, SHORT),
  maxChars('orders_product_length', t.product, SHORT),
  index('orders_ordered_at_idx').on(t.orderedAt),
  // (account, time): per-account lookups in a period (KPI engagement, drill-downs) stay index-only.
  index('orders_account_idx').on(t.accountId, t.orderedAt),
  check('orders_amount_check', sql`${t.amount} >= 0 and (${t.cost} is null or ${t.cost} >= 0)`),
]);

export const tickets = pgTable('tickets', {
  id: serial('id').primaryKey(),
  externalId: text('external_id').notNull(),
  /** What the ticket is about; its title in the app ("Ticket <external_id>" when empty). */
  subject: text('subject'),
  accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  assigneeId: ownerRef('assignee_id'),
  channel: text('channel'),
  priority: text('priority').notNull().default('normal'),
  category: text('category'),
  createdAt: tstz('created_at').notNull(),
  firstResponseAt: tstz('first_response_at'),
  resolvedAt: tstz('resolved_at'),
  contacts: integer('contacts'),
  handleMinutes: numeric('handle_minutes', { precision: 10, scale: 2, mode: 'number' }),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('tickets_external_id_unique').on(t.externalId),
  maxChars('tickets_external_id_length', t.externalId, SHORT),
  maxChars('tickets_subject_length', t.subject, SHORT),
  index('tickets_created_at_idx').on(t.createdAt),
  index('tickets_resolved_at_idx').on(t.resolvedAt),
  // (assignee, time): a rep's or team's tickets opened or resolved in a period (their KPI pages' drill-down
  // counts and breakdowns read one assignee's range: 3.3× faster than the assignee's every ticket at large).
  index('tickets_assignee_idx').on(t.assigneeId, t.createdAt),
  index('tickets_assignee_resolved_idx').on(t.assigneeId, t.resolvedAt),
  index('tickets_account_idx').on(t.accountId, t.createdAt),
  check('tickets_channel_check', oneOf(t.channel, TICKET_CHANNELS)),
  check('tickets_priority_check', oneOf(t.priority, TICKET_PRIORITIES)),
  check('tickets_category_check', oneOf(t.category, TICKET_CATEGORIES)),
  check('tickets_times_check', sql`(${t.firstResponseAt} is null or ${t.firstResponseAt} >= ${t.createdAt})
    and (${t.resolvedAt} is null or ${t.resolvedAt} >= ${t.createdAt})`),
  check('tickets_contacts_check', sql`${t.contacts} is null or ${t.contacts} >= 1`),
  check('tickets_handle_minutes_check', sql`${t.handleMinutes} is null or ${t.handleMinutes} >= 0`),
]);

export const surveyResponses = pgTable('survey_responses', {
  id: serial('id').primaryKey(),
  externalId: text('external_id').notNull(),
  kind: text('kind').notNull(),
  score: integer('score').notNull(),
  respondedAt: tstz('responded_at').notNull(),
  accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  ticketId: integer('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
  // Derived, kept by triggers on survey responses, tickets and accounts (lib/kpi/summary/sql-gen.ts),
  // never written by the app: the response's owner, its ticket's assignee when it has a ticket (even an
  // unassigned one), else its account's owner (product.md, "Roles").
  ownerId: ownerRef('owner_id'),
}, (t) => [
  uniqueIndex('survey_responses_external_id_unique').on(t.externalId),
  maxChars('survey_responses_external_id_length', t.externalId, SHORT),
  index('survey_responses_responded_at_idx').on(t.respondedAt),
  index('survey_responses_account_idx').on(t.accountId, t.respondedAt),
  index('survey_responses_ticket_idx').on(t.ticketId),
  // (owner, time): a rep's or team's responses in a period, as for deals and tickets.
  index('survey_responses_owner_idx').on(t.ownerId, t.respondedAt),
  check('survey_responses_kind_check', oneOf(t.kind, SURVEY_KINDS)),
  check('survey_responses_score_check', sql`(${t.kind} = 'csat' and ${t.score} between 1 and 5)
    or (${t.kind} = 'nps' and ${t.score} between 0 and 10) or (${t.kind} = 'ces' and ${t.score} between 1 and 7)`),
]);

export const expenses = pgTable('expenses', {
  id: serial('id').primaryKey(),
  externalId: text('external_id').notNull(),
  incurredOn: date('incurred_on', { mode: 'string' }).notNull(),
  category: text('category').notNull(),
  amount: money('amount').notNull(),
  description: text('description'),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('expenses_external_id_unique').on(t.externalId),
  maxChars('expenses_external_id_length', t.externalId, SHORT),
  maxChars('expenses_description_length', t.description, LONG),
  index('expenses_incurred_on_idx').on(t.incurredOn),
  check('expenses_category_check', oneOf(t.category, EXPENSE_CATEGORIES)),
  check('expenses_amount_check', sql`${t.amount} >= 0`),
]);

export const activities = pgTable('activities', {
  id: serial('id').primaryKey(),
  // Null for activities the app records itself (sign-ins, edits); set for imported history.
  externalId: text('external_id'),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  occurredAt: tstz('occurred_at').notNull(),
  kind: text('kind').notNull().default('other'),
  // What the activity touched, for the app's own activities (e.g. 'deals', 42).
  entity: text('entity'),
  entityId: integer('entity_id'),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('activities_external_id_unique').on(t.externalId),
  maxChars('activities_external_id_length', t.externalId, SHORT),
  index('activities_occurred_at_idx').on(t.occurredAt),
  index('activities_user_idx').on(t.userId, t.occurredAt),
  check('activities_kind_check', oneOf(t.kind, ACTIVITY_KINDS)),
]);
