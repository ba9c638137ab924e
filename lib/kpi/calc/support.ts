// Support and service KPIs (kpi-catalog.md, "Support and service"). Expenses are never filtered.
import { sql } from 'drizzle-orm';
import { seconds } from '../sql/period-sql';
import { RAW } from './raw-reasons';
import { countKpi, cur, div, meanKpi, ratioKpi, sumKpi, timeIn, within, type Cond, type KpiCalc, type Part } from './define';

const ticketCreated = timeIn('t.created_at');
const ticketResolved = timeIn('t.resolved_at');
const responded = timeIn('s.responded_at');
const survey = (kind: string): Cond => within(responded, (p) => sql`(s.kind = ${sql.raw(`'${kind}'`)} and ${responded(p)})`);
const incurred = timeIn('e.incurred_on', true);
const supportSpend = within(incurred, (p) => sql`(e.category = 'support' and ${incurred(p)})`);
const createdAnd = (cond: string) => within(ticketCreated, (p) => sql`(${ticketCreated(p)} and ${sql.raw(cond)})`);
const resolvedAnd = (cond: string) => within(ticketResolved, (p) => sql`(${ticketResolved(p)} and ${sql.raw(cond)})`);

const serviceCost = sumKpi('expenses', supportSpend, () => sql`e.amount`, 'Amount', RAW.expenses);
const spend: Part = serviceCost.parts[0].part;
const ticketsCreated: Part = { source: 'tickets', agg: 'count', where: ticketCreated, summary: { table: 'ticket_created_days', measure: 'n' } };

export const SUPPORT = {
  first_response_time: meanKpi('tickets', createdAnd('t.first_response_at is not null'),
    () => sql`${seconds(sql`t.first_response_at`, sql`t.created_at`)} / 3600`, 'Hours to first response',
    { table: 'ticket_created_days', sum: 'response_hours', count: 'responded' }),
  resolution_time: meanKpi('tickets', ticketResolved,
    () => sql`${seconds(sql`t.resolved_at`, sql`t.created_at`)} / 3600`, 'Hours to resolve',
    { table: 'ticket_resolved_days', sum: 'resolve_hours', count: 'n' }),
  first_contact_resolution_rate: ratioKpi('tickets', resolvedAnd('t.contacts is not null'),
    () => sql`t.contacts = 1`, 'resolved_at', { table: 'ticket_resolved_days', den: 'fcr_base', num: 'fcr_one' }),
  average_handling_time: meanKpi('tickets', resolvedAnd('t.handle_minutes is not null'),
    () => sql`t.handle_minutes`, 'Handling minutes', { table: 'ticket_resolved_days', sum: 'aht_sum', count: 'aht_n' }),
  complaint_resolution_rate: ratioKpi('tickets', createdAnd("t.category = 'complaint'"),
    () => sql`t.resolved_at is not null`, 'created_at',
    { table: 'ticket_created_days', den: 'complaints', num: 'complaints_resolved' }),
  csat: ratioKpi('survey_responses', survey('csat'), () => sql`s.score >= 4`, 'responded_at', { table: 'survey_days', den: 'csat_n', num: 'csat_pos' }),
  // NPS is the mean of +100 (promoter), 0 (passive), -100 (detractor): the drill-down averages it.
  nps: meanKpi('survey_responses', survey('nps'),
    () => sql`case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end`, 'Promoter (+100) / detractor (−100)',
    { table: 'survey_days', sum: 'nps_sum', count: 'nps_n' }),
  customer_effort_score: meanKpi('survey_responses', survey('ces'), () => sql`s.score`, 'Score', { table: 'survey_days', sum: 'ces_sum', count: 'ces_n' }),
  feedback_volume: countKpi('survey_responses', responded, 'responded_at', { table: 'survey_days', measure: 'n' }),
  customer_service_cost: serviceCost,
  cost_per_interaction: {
    parts: [cur(spend), cur(ticketsCreated)],
    compute: (g) => div(g(spend), g(ticketsCreated)),
    countPart: ticketsCreated,
    drill: { source: 'tickets', where: (ps, n) => ticketCreated(ps.cur, n), check: 'custom', defaultSort: 'created_at' },
  },
} satisfies Record<string, KpiCalc>;
