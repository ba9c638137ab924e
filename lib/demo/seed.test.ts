// [DEMO][SEED] The demo company on a fresh database (PGlite, or Postgres with DATABASE_URL): exact
// counts, the documented sign-ins, realistic ownership, contract rules, history shape, plausible KPIs,
// and a rerun that replaces the data with the very same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { DEPARTMENTS, ROLES } from '@/db/schema';
import { SUMMARY_BY_KEY } from '@/db/schema/summary-defs';
import { verifyPassword } from '@/lib/auth/password';
import { KPI_KEYS } from '@/lib/kpi';
import { computeKpis } from '@/tests/helpers/engine-views';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { DEMO_INACTIVE_EMAIL, DEMO_PASSWORD, scaleTargets } from './config';
import { seedDemo, type SeedResult } from './seed';

const now = new Date();
let t: TestDb;
let first: SeedResult;

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.db, q);
// Summaries and the touch chain's rows (kept from the account touches) depend on the data, not the scale.
const recordCounts = (c: SeedResult['counts']) => Object.fromEntries(Object.entries(c).filter(([name]) => !(name in SUMMARY_BY_KEY) && name !== 'account_touch_chain'));

/** A fingerprint of every row that matters (not updated_at, which is the time of the insert). */
async function fingerprint(): Promise<string> {
  const parts = await rows<{ h: string }>(sql`
    select md5(string_agg(x, '|' order by x)) as h from (
      select 'L' || md5(string_agg(concat_ws(',', id, external_id, created_at, source, campaign_id, owner_id, first_contacted_at,
        mql_at, sql_at, converted_at, account_id, disqualified_at), ';' order by id)) as x from leads
      union all select 'D' || md5(string_agg(concat_ws(',', id, name, account_id, owner_id, campaign_id, product, type, amount,
        stage, created_at, closed_at, contract_months), ';' order by id)) from deals
      union all select 'A' || md5(string_agg(concat_ws(',', id, name, segment, industry, region, owner_id, customer_since, churned_at), ';' order by id)) from accounts
      union all select 'O' || md5(string_agg(concat_ws(',', id, account_id, ordered_at, amount, cost, product), ';' order by id)) from orders
      union all select 'T' || md5(string_agg(concat_ws(',', id, subject, account_id, assignee_id, channel, priority, category, created_at,
        first_response_at, resolved_at, contacts, handle_minutes), ';' order by id)) from tickets
      union all select 'S' || md5(string_agg(concat_ws(',', id, kind, score, responded_at, account_id, ticket_id), ';' order by id)) from survey_responses
      union all select 'X' || md5(string_agg(concat_ws(',', id, user_id, occurred_at, kind), ';' order by id)) from activities
      union all select 'C' || md5(string_agg(concat_ws(',', id, name, channel, started_at, ended_at, cost, sent, delivered, opens,
        clicks, unsubscribes, impressions, engagements), ';' order by id)) from campaigns
      union all select 'E' || md5(string_agg(concat_ws(',', id, incurred_on, category, amount, description), ';' order by id)) from expenses
    ) p`);
  return parts[0].h;
}

describe('[DEMO][SEED] the small demo company', () => {
  let print1 = '';
  beforeAll(async () => {
    t = await createTestDb();
    first = await seedDemo(t.db, { scale: 'small', now });
    print1 = await fingerprint();
  }, 180_000);
  afterAll(async () => { await t?.close(); });

  it('has exactly the documented counts', () => {
    const target = scaleTargets('small');
    expect(first.counts).toMatchObject({
      accounts: target.accounts, leads: target.leads, deals: target.deals, orders: target.orders,
      tickets: target.tickets, survey_responses: target.surveyResponses, activities: target.activities, teams: 3,
      // Goals (lib/demo/goals.ts): company, North team + its 5 sellers, South, Enterprise (closed).
      goals: 9, imports: 0, audit_log: 0,
    });
    expect(first.counts.campaigns).toBeGreaterThan(150);
    expect(first.counts.expenses).toBeGreaterThan(200);
    expect(first.counts.users).toBeGreaterThanOrEqual(30);
  });

  it('has the three sign-ins (shared team, manager managing it) and a deactivated user', async () => {
    const users = await rows<{ email: string; role: string; department: string; team: string | null; active: boolean; manages: string | null; hash: string }>(sql`
      select u.email, u.role, u.department, t.name as team, u.active, u.password_hash as hash,
        (select string_agg(mt.name, ',' order by mt.name) from team_managers m join teams mt on mt.id = m.team_id where m.user_id = u.id) as manages
      from users u left join teams t on t.id = u.team_id`);
    const by = (email: string) => users.find((u) => u.email === email)!;
    expect(by('admin@demo.test')).toMatchObject({ role: 'admin', department: 'executive', active: true });
    expect(by('manager@demo.test')).toMatchObject({ role: 'manager', department: 'sales', active: true });
    expect(by('member@demo.test')).toMatchObject({ role: 'member', department: 'sales', active: true });
    expect(by('manager@demo.test').team).toBeTruthy();
    expect(by('member@demo.test').team).toBe(by('manager@demo.test').team);
    expect(by('manager@demo.test').manages?.split(',')).toContain(by('manager@demo.test').team);
    expect(by(DEMO_INACTIVE_EMAIL).active).toBe(false);
    expect(await verifyPassword(by('member@demo.test').hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(by(DEMO_INACTIVE_EMAIL).hash, DEMO_PASSWORD)).toBe(true);
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLES));
    expect(new Set(users.map((u) => u.department))).toEqual(new Set(DEPARTMENTS));
    expect(new Set(users.map((u) => u.team).filter(Boolean)).size).toBe(3);
    // Every manager runs at least one team.
    expect(users.filter((u) => u.role === 'manager' && !u.manages)).toEqual([]);
  });

  it('gives each demo user a realistic share of leads, deals, accounts and tickets', async () => {
    const shares = await rows<{ email: string; leads: number; deals: number; accounts: number; tickets: number }>(sql`
      select u.email,
        100.0 * (select count(*) from leads where owner_id = u.id) / (select count(*) from leads) as leads,
        100.0 * (select count(*) from deals where owner_id = u.id) / (select count(*) from deals) as deals,
        100.0 * (select count(*) from accounts where owner_id = u.id) / (select count(*) from accounts) as accounts,
        100.0 * (select count(*) from tickets where assignee_id = u.id) / (select count(*) from tickets) as tickets
      from users u where u.email in ('admin@demo.test', 'manager@demo.test', 'member@demo.test') order by u.email`);
    expect(shares).toHaveLength(3);
    for (const s of shares) {
      for (const k of ['leads', 'deals', 'accounts', 'tickets'] as const) {
        expect(Number(s[k]), `${s.email} ${k}`).toBeGreaterThan(5);
        expect(Number(s[k]), `${s.email} ${k}`).toBeLessThan(20);
      }
    }
  });

  it('respects the data contract beyond the check constraints', async () => {
    const [v] = await rows<Record<string, number>>(sql`select
      (select count(*)::int from leads where greatest(created_at, first_contacted_at, mql_at, sql_at, converted_at, disqualified_at) > now()) as future_leads,
      (select count(*)::int from leads where converted_at is not null and account_id is null) as converted_without_account,
      (select count(*)::int from deals where greatest(created_at, closed_at) > now()) as future_deals,
      (select count(*)::int from tickets where greatest(created_at, first_response_at, resolved_at) > now()) as future_tickets,
      (select count(*)::int from orders o join accounts a on a.id = o.account_id
        where a.customer_since is null or o.ordered_at::date < a.customer_since or o.ordered_at::date > coalesce(a.churned_at, current_date)) as orders_outside_customer_life,
      (select count(*)::int from accounts where customer_since > current_date or churned_at > current_date) as future_accounts,
      (select count(*)::int from survey_responses s join tickets t on t.id = s.ticket_id where s.responded_at < t.resolved_at) as surveys_before_resolution,
      (select count(*)::int from campaigns where channel = 'email' and (sent is null or delivered is null or opens is null)) as email_without_counts,
      (select count(*)::int from campaigns where channel = 'social' and (impressions is null or engagements is null)) as social_without_counts,
      (select count(*)::int from activities a join users u on u.id = a.user_id where a.occurred_at < u.created_at) as activities_before_joining`);
    expect(v).toEqual({
      future_leads: 0, converted_without_account: 0, future_deals: 0, future_tickets: 0, orders_outside_customer_life: 0,
      future_accounts: 0, surveys_before_resolution: 0, email_without_counts: 0, social_without_counts: 0, activities_before_joining: 0,
    });
  });

  it('covers every enumeration, open stage and deal type, with some blanks for data completeness', async () => {
    const [v] = await rows<Record<string, number>>(sql`select
      (select count(distinct stage)::int from deals where closed_at is null) as open_stages,
      (select count(distinct type)::int from deals where stage = 'won') as won_types,
      (select count(distinct source)::int from leads) as sources,
      (select count(distinct channel)::int from campaigns) as campaign_channels,
      (select count(distinct category)::int from expenses) as expense_categories,
      (select count(distinct kind)::int from survey_responses) as survey_kinds,
      (select count(distinct channel)::int from tickets) as ticket_channels,
      (select count(distinct priority)::int from tickets) as priorities,
      (select count(distinct category)::int from tickets) as ticket_categories,
      (select count(distinct kind)::int from activities) as activity_kinds,
      (select count(*)::int from deals where account_id is null) as deals_without_account,
      (select count(*)::int from leads where source = 'referral' and converted_at is not null) as converted_referrals,
      (select count(*)::int from accounts where segment is null or industry is null or region is null or owner_id is null) as accounts_with_blanks,
      (select count(*)::int from deals where contract_months is not null) as deals_with_contract,
      (select count(*)::int from orders where cost is not null) as orders_with_cost`);
    expect(v).toMatchObject({
      open_stages: 4, won_types: 4, sources: 8, campaign_channels: 6, expense_categories: 4, survey_kinds: 3,
      ticket_channels: 5, priorities: 4, ticket_categories: 5, activity_kinds: 4,
    });
    expect(v.deals_without_account).toBeGreaterThan(0);
    expect(v.converted_referrals).toBeGreaterThan(0);
    expect(v.accounts_with_blanks).toBeGreaterThan(20);
    expect(v.accounts_with_blanks).toBeLessThan(300);
    expect(v.deals_with_contract).toBeGreaterThan(3000);
    expect(v.orders_with_cost).toBeGreaterThan(8000);
  });

  it('gives tickets subjects that fit their category, a few none (the title falls back to the id)', async () => {
    const [v] = await rows<{ total: number; with_subject: number; distinct_subjects: number; misfits: number; longest: number }>(sql`select
      count(*)::int as total, count(subject)::int as with_subject, count(distinct subject)::int as distinct_subjects,
      count(*) filter (where category = 'problem' and subject in ('Love the new reports', 'Charged twice this month'))::int as misfits,
      coalesce(max(char_length(subject)), 0)::int as longest
      from tickets`);
    expect(v.with_subject / v.total).toBeGreaterThan(0.95);
    expect(v.with_subject).toBeLessThan(v.total);
    expect(v.distinct_subjects).toBeGreaterThan(40);
    expect(v.misfits).toBe(0);
    expect(v.longest).toBeLessThanOrEqual(200);
    const [complaint] = await rows<{ subject: string }>(sql`select subject from tickets where category = 'complaint' and subject is not null limit 1`);
    expect(['Charged twice this month', 'Still waiting for a reply', 'Outage during our busiest hour', 'Renewal price went up without notice',
      'Issue closed but not solved', 'Support hung up on me', 'Data lost after the last update', 'Promised feature still missing']).toContain(complaint.subject);
  });

  it('spans two years up to now: records in the last 30 days and in the month 23 months ago', async () => {
    for (const [table, column] of [['leads', 'created_at'], ['deals', 'created_at'], ['orders', 'ordered_at'], ['tickets', 'created_at'],
      ['survey_responses', 'responded_at'], ['activities', 'occurred_at']] as const) {
      const [c] = await rows<{ recent: number; old: number }>(sql`select
        count(*) filter (where ${sql.identifier(column)} >= now() - interval '30 days')::int as recent,
        count(*) filter (where ${sql.identifier(column)} >= date_trunc('month', now()) - interval '23 months'
          and ${sql.identifier(column)} < date_trunc('month', now()) - interval '22 months')::int as old
        from ${sql.identifier(table)}`);
      expect(c.recent, `${table} in the last 30 days`).toBeGreaterThan(0);
      expect(c.old, `${table} 23 months ago`).toBeGreaterThan(0);
    }
    const [e] = await rows<{ months: number }>(sql`select count(distinct date_trunc('month', incurred_on))::int as months from expenses`);
    expect(e.months).toBeGreaterThanOrEqual(24);
  });

  it('grows: the last year has more leads, orders and revenue than the year before', async () => {
    const [g] = await rows<Record<string, number>>(sql`select
      (select count(*)::int from leads where created_at >= now() - interval '1 year') as leads_now,
      (select count(*)::int from leads where created_at >= now() - interval '2 years' and created_at < now() - interval '1 year') as leads_before,
      (select sum(amount)::float8 from orders where ordered_at >= now() - interval '1 year') as revenue_now,
      (select sum(amount)::float8 from orders where ordered_at >= now() - interval '2 years' and ordered_at < now() - interval '1 year') as revenue_before`);
    expect(g.leads_now).toBeGreaterThan(g.leads_before * 1.2);
    expect(g.revenue_now).toBeGreaterThan(g.revenue_before * 1.2);
  });

  it('gives every KPI a plausible value over the last twelve months and the last full month', async () => {
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const year = await computeKpis(t.db, { from: new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), 1)), to });
    const month = await computeKpis(t.db, { from: new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 1, 1)), to });
    const nulls = KPI_KEYS.filter((k) => year[k] === null);
    expect(nulls).toEqual([]);
    const range = (v: number | null, lo: number, hi: number) => expect(v).toSatisfy((x: number) => x >= lo && x <= hi);
    range(year.win_rate, 20, 35);
    range(year.lead_conversion_rate, 5, 20);
    range(year.mql_to_sql_rate, 20, 60);
    range(year.sales_cycle_length, 14, 120);
    range(year.first_response_time, 0.5, 24);
    range(year.resolution_time, 4, 200);
    range(year.csat, 60, 95);
    range(year.nps, -20, 60);
    range(year.customer_effort_score, 3.5, 6.5);
    range(year.campaign_roi, 0, 1000);
    range(year.email_open_rate, 10, 50);
    range(year.crm_adoption_rate, 70, 100);
    range(year.data_completeness, 85, 99.9);
    range(year.sales_growth_rate, 0, 150);
    range(month.churn_rate, 0, 8);
    range(year.churn_rate, 8, 40);
    range(month.crm_adoption_rate, 70, 99.9);
  });

  it('is rerunnable: a second run replaces the data with the same rows', async () => {
    const again = await seedDemo(t.db, { scale: 'small', now });
    expect(again.counts).toEqual(first.counts);
    expect(await fingerprint()).toBe(print1);
    // The ids continue after the seeded ones, so the app's own inserts work.
    const [r] = await rows<{ id: number }>(sql`insert into teams (name) values ('After seed') returning id`);
    expect(r.id).toBe(4);
  }, 120_000);

  it('a different seed gives different data with the same counts', async () => {
    const other = await seedDemo(t.db, { scale: 'small', now, seed: 7 });
    // Summary tables hold one row per (day, owner, …) that has records: how many depends on the data.
    expect(recordCounts(other.counts)).toEqual(recordCounts(first.counts));
    expect(other.counts.deal_closed_days).toBeGreaterThan(0);
    expect(await fingerprint()).not.toBe(print1);
  }, 120_000);
});
