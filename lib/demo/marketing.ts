// Campaigns on a regular schedule per channel, and the monthly expenses (marketing, sales, support, other).
// Campaign k of a channel starts on day k * period, so a lead or deal finds "its" campaign by arithmetic
// on its date instead of a join.
import { HISTORY_DAYS } from './calendar';
import { exec, type SeedContext } from './context';
import { lit, pick } from './sql-rand';

interface ChannelPlan { channel: string; period: number; count: number; base: number }

const PERIODS: [string, number][] = [['email', 7], ['social', 14], ['paid', 30], ['event', 61], ['content', 30], ['other', 91]];

export const CAMPAIGN_PLAN: ChannelPlan[] = (() => {
  let base = 0;
  return PERIODS.map(([channel, period]) => {
    const count = Math.floor((HISTORY_DAYS - 1) / period) + 1;
    const plan = { channel, period, count, base };
    base += count;
    return plan;
  });
})();

/** SQL: id of the campaign of `channel` running at `tsExpr` (null before history starts). */
export function campaignIdSql(ctx: SeedContext, channel: string, tsExpr: string): string {
  const p = CAMPAIGN_PLAN.find((c) => c.channel === channel);
  if (!p) throw new Error(`no campaign channel ${channel}`);
  const k = `floor(extract(epoch from (${tsExpr}) - ${ctx.start}) / ${86_400 * p.period})::int`;
  return `(case when (${tsExpr}) >= ${ctx.start} then ${p.base + 1} + least(${k}, ${p.count - 1}) end)`;
}

const THEMES = ['Product newsletter', 'Feature launch', 'Customer stories', 'Webinar invite', 'Spring offer',
  'Year-end review', 'Industry report', 'Onboarding tips', 'Analytics deep dive', 'Partner spotlight'];
const EVENTS = ['SaaS Summit', 'CX Connect', 'Revenue Ops Day', 'Data & AI Forum', 'Customer Roundtable'];
const CITIES = ['Berlin', 'London', 'Austin', 'Toronto', 'Singapore', 'Madrid', 'Chicago'];

export async function insertCampaigns(ctx: SeedContext): Promise<void> {
  const { rand: r, f } = ctx;
  const plans = CAMPAIGN_PLAN.map((p) => `(${lit(p.channel)}, ${p.period}, ${p.count}, ${p.base})`).join(', ');
  const u = (salt: number) => r.u('id', salt);
  const theme = pick(u(1), THEMES);
  const g = `(0.65 + 0.7 * (k * period) / ${HISTORY_DAYS - 1})`;
  await exec(ctx, `
    insert into campaigns (id, external_id, name, channel, started_at, ended_at, cost, sent, delivered, opens, clicks,
      unsubscribes, impressions, engagements)
    select id, 'CMP-' || lpad(id::text, 5, '0'),
      case channel
        when 'email' then 'Email: ' || ${theme}
        when 'social' then 'LinkedIn: ' || ${theme}
        when 'paid' then 'Search ads: ' || ${pick(u(2), ['Brand', 'Competitors', 'CRM analytics', 'KPI dashboards'])}
        when 'event' then ${pick(u(3), EVENTS)} || ' ' || ${pick(u(4), CITIES)}
        when 'content' then 'Guide: ' || ${theme}
        else 'Partner co-marketing'
      end || ' (' || to_char(started, 'Mon YYYY') || ')',
      channel, started,
      case when started + period - 1 <= ${ctx.now}::date then started + period - 1 end,
      round((${f} * g * case channel
        when 'email' then 400 + 900 * ${u(5)} when 'social' then 1500 + 4000 * ${u(5)}
        when 'paid' then 7000 + 12000 * ${u(5)} when 'event' then 12000 + 40000 * ${u(5)}
        when 'content' then 2000 + 5000 * ${u(5)} else 2000 + 6000 * ${u(5)} end)::numeric, 2),
      sent, delivered,
      round(delivered * (0.17 + 0.15 * ${u(6)}))::int,
      round(delivered * (0.015 + 0.035 * ${u(7)}))::int,
      round(delivered * (0.001 + 0.004 * ${u(8)}))::int,
      impressions,
      round(impressions * case channel when 'social' then 0.012 + 0.04 * ${u(9)}
        when 'paid' then 0.006 + 0.02 * ${u(9)} else 0.02 + 0.06 * ${u(9)} end)::int
    from (
      select s.*, case when channel = 'email' then round(sent * (0.955 + 0.035 * ${u(10)}))::int end as delivered
      from (
        select base + k + 1 as id, channel, period, k, ${g} as g,
          (${ctx.start}::date + k * period) as started,
          case when channel = 'email' then round(${f} * 2500 * ${g} * (0.8 + 0.4 * ${r.u('base + k + 1', 11)}))::int end as sent,
          case when channel in ('social', 'paid', 'content') then round(${f} * ${g} * (0.5 + ${r.u('base + k + 1', 12)})
            * case channel when 'social' then 30000 when 'paid' then 120000 else 15000 end)::int end as impressions
        from (values ${plans}) as c(channel, period, cnt, base)
        cross join lateral generate_series(0, cnt - 1) as k
      ) s offset 0
    ) t`);
}

/** Monthly expense lines: payroll and tools per department, and the month's campaign spend. */
const EXPENSE_LINES: [string, string, number, number][] = [
  ['marketing', 'Marketing salaries', 38_000, 25], ['marketing', 'Marketing tools and agencies', 9_000, 10],
  ['sales', 'Sales salaries', 95_000, 25], ['sales', 'Sales commissions', 28_000, 28],
  ['sales', 'Sales travel', 7_000, 15], ['sales', 'Sales tools', 3_500, 5],
  ['support', 'Support salaries', 8_000, 25], ['support', 'Helpdesk software', 1_500, 3],
  ['other', 'Office and administration', 14_000, 1], ['other', 'IT and software', 6_000, 7],
];

export async function insertExpenses(ctx: SeedContext): Promise<void> {
  const { rand: r, f } = ctx;
  const lines = EXPENSE_LINES.map(([c, d, amount, day], i) => `(${i + 1}, ${lit(c)}, ${lit(d)}, ${amount}, ${day})`).join(', ');
  const today = `${ctx.now}::date`;
  const month = `extract(year from m) * 12 + extract(month from m)`;
  const g = `(0.65 + 0.7 * greatest(0, least(1, (m::date - ${ctx.start}::date) / ${HISTORY_DAYS - 1}.0)))`;
  await exec(ctx, `
    insert into expenses (id, external_id, incurred_on, category, amount, description)
    select row_number() over (order by incurred_on, category, description),
      'EXP-' || lpad((row_number() over (order by incurred_on, category, description))::text, 5, '0'),
      incurred_on, category, amount, description
    from (
      select (m::date + (day - 1)) as incurred_on, category, description,
        round((${f} * amount * ${g} * (1 + 0.06 * ${r.normal(`${month} * 100 + line`, 1)}))::numeric, 2) as amount
      from generate_series(date_trunc('month', ${ctx.start}), date_trunc('month', ${ctx.now}), interval '1 month') as m
      cross join (values ${lines}) as l(line, category, description, amount, day)
      union all
      select least(date_trunc('month', started_at)::date + 27, ${today}), 'marketing', 'Campaign spend', sum(cost)
      from campaigns group by date_trunc('month', started_at)
    ) x
    where incurred_on between ${ctx.start}::date and ${today} and amount > 0`);
}
