// The benchmark's baselines: for each department dashboard, the fastest single hand-written SQL we
// could write for the same numbers (this period and the previous one), and the arithmetic on its row.
// Written independently of the engine's SQL builder; the bench checks both give the same values.
import type { Department } from '@/db/schema/enums';
import type { KpiKey } from '@/lib/kpi/registry';
import { cust, div, growth, inD, inT, pct, span, ts, type Periods, type Row } from './sql-text';

type Values = Partial<Record<KpiKey, number | null>>;
export interface Baseline { sql: (ps: Periods) => string; compute: (r: Row, ps: Periods) => { current: Values; previous: Values } }

// ---- blocks: one hand-written pass per table ------------------------------------------------------
const revenue = ({ P, Q, R, T, U }: Periods) => `select
  sum(amount) filter (where ${inT('ordered_at', P)}) rev_p, sum(amount) filter (where ${inT('ordered_at', Q)}) rev_q,
  sum(amount) filter (where ${inT('ordered_at', R)}) rev_r, sum(amount) filter (where ${inT('ordered_at', T)}) rev_t,
  sum(amount) filter (where ${inT('ordered_at', U)}) rev_u, count(*) filter (where ${inT('ordered_at', P)}) ord_p,
  count(*) filter (where ${inT('ordered_at', Q)}) ord_q,
  sum(amount - cost) filter (where ${inT('ordered_at', P)}) profit_p, sum(amount - cost) filter (where ${inT('ordered_at', Q)}) profit_q
  from orders where ${inT('ordered_at', span(P, R, T, U))}`;
const buyers = ({ P, Q, T, U }: Periods) => `select count(*) filter (where t > 0) buy_t, count(*) filter (where u > 0) buy_u,
  count(*) filter (where p > 0) buy_p, count(*) filter (where q > 0) buy_q, count(*) filter (where p > 1) rep_p, count(*) filter (where q > 1) rep_q,
  count(*) filter (where pc > 0) pbuy_p, count(*) filter (where qc > 0) pbuy_q
  from (select account_id, count(*) filter (where ${inT('ordered_at', T)}) t, count(*) filter (where ${inT('ordered_at', U)}) u,
    count(*) filter (where ${inT('ordered_at', P)}) p, count(*) filter (where ${inT('ordered_at', Q)}) q,
    count(cost) filter (where ${inT('ordered_at', P)}) pc, count(cost) filter (where ${inT('ordered_at', Q)}) qc
    from orders where ${inT('ordered_at', span(P, Q, T, U))} group by 1) x`;
const closed = ({ P, Q, R }: Periods) => {
  const f = (k: string, p: typeof P) => `
  sum(amount) filter (where stage = 'won' and ${inT('closed_at', p)}) won_${k}, count(*) filter (where stage = 'won' and ${inT('closed_at', p)}) wonn_${k},
  count(*) filter (where stage in ('won', 'lost') and ${inT('closed_at', p)}) closed_${k},
  avg(date_part('epoch', closed_at - created_at)) filter (where stage = 'won' and ${inT('closed_at', p)}) / 86400 cycle_${k},
  avg(amount * 12 / contract_months) filter (where stage = 'won' and ${inT('closed_at', p)}) acv_${k}`;
  return `select ${f('p', P)}, ${f('q', Q)}, sum(amount) filter (where stage = 'won' and ${inT('closed_at', R)}) won_r
  from deals where ${inT('closed_at', span(P, R))}`;
};
const upsell = ({ P, Q }: Periods) => `select count(distinct account_id) filter (where ${inT('closed_at', P)}) ups_p,
  count(distinct account_id) filter (where ${inT('closed_at', Q)}) ups_q
  from deals where stage = 'won' and type in ('upsell', 'cross_sell') and ${inT('closed_at', span(P, Q))}`;
const pipeline = ({ P, Q }: Periods) => `select sum(amount) filter (where created_at < ${ts(P.to)} and (closed_at is null or closed_at >= ${ts(P.to)})) pipe_p,
  sum(amount) filter (where created_at < ${ts(Q.to)} and (closed_at is null or closed_at >= ${ts(Q.to)})) pipe_q
  from deals where closed_at is null or closed_at >= ${ts(Q.to)}`;
const customers = ({ P, Q, T, U }: Periods, extra = '') => `select
  count(*) filter (where ${cust.at(P.from)}) s_p, count(*) filter (where ${cust.lost(P)}) l_p, count(*) filter (where ${cust.fresh(P)}) n_p,
  count(*) filter (where ${cust.active(P)}) a_p, count(*) filter (where ${cust.at(Q.from)}) s_q, count(*) filter (where ${cust.lost(Q)}) l_q,
  count(*) filter (where ${cust.fresh(Q)}) n_q, count(*) filter (where ${cust.active(Q)}) a_q,
  count(*) filter (where ${cust.at(T.from)}) s_t, count(*) filter (where ${cust.lost(T)}) l_t,
  count(*) filter (where ${cust.at(U.from)}) s_u, count(*) filter (where ${cust.lost(U)}) l_u ${extra}
  from accounts a`;
const engaged = (p: Periods['P']) => `case when ${cust.active(p)} then
  exists (select 1 from orders o where o.account_id = a.id and ${inT('o.ordered_at', p)})
  or exists (select 1 from tickets t where t.account_id = a.id and ${inT('t.created_at', p)})
  or exists (select 1 from survey_responses s where s.account_id = a.id and ${inT('s.responded_at', p)}) else false end`;
/** New customers with their converting lead (earliest converted lead naming them), one probe each. */
const converting = ({ P, Q }: Periods) => `select count(*) filter (where p and src = 'referral') ref_p, count(*) filter (where q and src = 'referral') ref_q,
  avg(days) filter (where p) jour_p, avg(days) filter (where q) jour_q
  from (select ${cust.fresh(P)} p, ${cust.fresh(Q)} q, cl.source src,
    date_part('epoch', (a.customer_since::timestamp at time zone 'UTC') - cl.created_at) / 86400 days
    from accounts a left join lateral (select l.source, l.created_at from leads l where l.account_id = a.id and l.converted_at is not null
      order by l.converted_at, l.id limit 1) cl on true
    where ${inD('a.customer_since', span(P, Q))}) x`;
const surveys = ({ P, Q }: Periods) => {
  const f = (k: string, p: typeof P) => `
  count(*) filter (where kind = 'nps' and ${inT('responded_at', p)}) npsn_${k},
  sum(case when score >= 9 then 1 when score <= 6 then -1 else 0 end) filter (where kind = 'nps' and ${inT('responded_at', p)}) npsd_${k},
  count(*) filter (where kind = 'csat' and ${inT('responded_at', p)}) csatn_${k}, count(*) filter (where kind = 'csat' and score >= 4 and ${inT('responded_at', p)}) csatg_${k},
  avg(score) filter (where kind = 'ces' and ${inT('responded_at', p)}) ces_${k}, count(*) filter (where ${inT('responded_at', p)}) fb_${k}`;
  return `select ${f('p', P)}, ${f('q', Q)} from survey_responses where ${inT('responded_at', span(P, Q))}`;
};
const spend = ({ P, Q }: Periods) => `select
  sum(amount) filter (where category in ('marketing', 'sales') and ${inD('incurred_on', P)}) acq_p,
  sum(amount) filter (where category in ('marketing', 'sales') and ${inD('incurred_on', Q)}) acq_q,
  sum(amount) filter (where category = 'support' and ${inD('incurred_on', P)}) sup_p, sum(amount) filter (where category = 'support' and ${inD('incurred_on', Q)}) sup_q
  from expenses where ${inD('incurred_on', span(P, Q))}`;
const leadsCreated = ({ P, Q }: Periods) => {
  const f = (k: string, p: typeof P) => `count(*) filter (where ${inT('created_at', p)}) lc_${k},
  count(converted_at) filter (where ${inT('created_at', p)}) lconv_${k}, count(first_contacted_at) filter (where ${inT('created_at', p)}) lcont_${k},
  avg(date_part('epoch', first_contacted_at - created_at)) filter (where ${inT('created_at', p)}) / 3600 lresp_${k}`;
  return `select ${f('p', P)}, ${f('q', Q)} from leads where ${inT('created_at', span(P, Q))}`;
};
const mqls = ({ P, Q }: Periods) => `select count(*) filter (where ${inT('mql_at', P)}) mql_p, count(sql_at) filter (where ${inT('mql_at', P)}) msql_p,
  count(*) filter (where ${inT('mql_at', Q)}) mql_q, count(sql_at) filter (where ${inT('mql_at', Q)}) msql_q
  from leads where ${inT('mql_at', span(P, Q))}`;
const campaigns = ({ P, Q }: Periods) => {
  const f = (k: string, p: typeof P) => `sum(cost) filter (where ${inD('started_at', p)}) cost_${k},
  sum((select coalesce(sum(d.amount), 0) from deals d where d.campaign_id = c.id and d.stage = 'won' and d.closed_at < ${ts(p.to)})) filter (where ${inD('started_at', p)}) attr_${k},
  sum(delivered) filter (where channel = 'email' and ${inD('started_at', p)}) del_${k}, sum(opens) filter (where channel = 'email' and ${inD('started_at', p)}) opn_${k},
  sum(clicks) filter (where channel = 'email' and ${inD('started_at', p)}) clk_${k}, sum(unsubscribes) filter (where channel = 'email' and ${inD('started_at', p)}) uns_${k},
  sum(impressions) filter (where channel = 'social' and ${inD('started_at', p)}) imp_${k}, sum(engagements) filter (where channel = 'social' and ${inD('started_at', p)}) eng_${k}`;
  return `select ${f('p', P)}, ${f('q', Q)} from campaigns c where ${inD('started_at', span(P, Q))}`;
};
const ticketsCreated = ({ P, Q }: Periods) => {
  const f = (k: string, p: typeof P) => `count(*) filter (where ${inT('created_at', p)}) tc_${k},
  avg(date_part('epoch', first_response_at - created_at)) filter (where ${inT('created_at', p)}) / 3600 frt_${k},
  count(*) filter (where category = 'complaint' and ${inT('created_at', p)}) cmp_${k}, count(resolved_at) filter (where category = 'complaint' and ${inT('created_at', p)}) cmpr_${k}`;
  return `select ${f('p', P)}, ${f('q', Q)} from tickets where ${inT('created_at', span(P, Q))}`;
};
const ticketsResolved = ({ P, Q }: Periods) => {
  const f = (k: string, p: typeof P) => `avg(date_part('epoch', resolved_at - created_at)) filter (where ${inT('resolved_at', p)}) / 3600 res_${k},
  count(contacts) filter (where ${inT('resolved_at', p)}) fcrn_${k}, count(*) filter (where contacts = 1 and ${inT('resolved_at', p)}) fcr1_${k},
  avg(handle_minutes) filter (where ${inT('resolved_at', p)}) aht_${k}`;
  return `select ${f('p', P)}, ${f('q', Q)} from tickets where ${inT('resolved_at', span(P, Q))}`;
};
const adoption = ({ P, Q }: Periods) => `select count(*) users_n,
  count(*) filter (where exists (select 1 from activities x where x.user_id = u.id and ${inT('x.occurred_at', P)})) act_p,
  count(*) filter (where exists (select 1 from activities x where x.user_id = u.id and ${inT('x.occurred_at', Q)})) act_q
  from users u where u.active`;
const completeness = () => `select
  (select count(*) * 4 from accounts) + (select count(*) from leads) + (select count(*) * 2 from deals) fields_n,
  (select count(segment) + count(industry) + count(region) + count(owner_id) from accounts)
  + (select count(owner_id) from leads) + (select count(owner_id) + count(product) from deals) fields_f`;

const join = (blocks: string[]) => `select * from ${blocks.map((b, i) => `(${b}) b${i}`).join(' cross join ')}`;

// ---- the KPIs from the row: `k` this period's suffix, `o` its previous period's, `y` its T12's ---------
type Sfx = { k: 'p' | 'q'; o: 'q' | 'r'; y: 't' | 'u' };
const SFX: Sfx[] = [{ k: 'p', o: 'q', y: 't' }, { k: 'q', o: 'r', y: 'u' }];
const g = (r: Row, name: string) => (r[name] == null ? null : Number(r[name]));
const z = (r: Row, name: string) => g(r, name) ?? 0;

function clv(r: Row, y: string): number | null {
  const s = z(r, `s_${y}`);
  const b = z(r, `buy_${y}`);
  if (!s || !b) return null;
  const c = z(r, `l_${y}`) / s;
  return (z(r, `rev_${y}`) / b) * (c === 0 ? 10 : Math.min(10, 1 / c));
}
const nps = (r: Row, k: string) => (z(r, `npsn_${k}`) ? (100 * z(r, `npsd_${k}`)) / z(r, `npsn_${k}`) : null);
const csat = (r: Row, k: string) => pct(z(r, `csatg_${k}`), z(r, `csatn_${k}`));
const churn = (r: Row, k: string) => pct(z(r, `l_${k}`), z(r, `s_${k}`));
const retention = (r: Row, k: string) => pct(z(r, `s_${k}`) - z(r, `l_${k}`), z(r, `s_${k}`));
const repeat = (r: Row, k: string) => pct(z(r, `rep_${k}`), z(r, `buy_${k}`));
const winRate = (r: Row, k: string) => pct(z(r, `wonn_${k}`), z(r, `closed_${k}`));

function both(f: (r: Row, s: Sfx) => Values): Baseline['compute'] {
  return (r) => ({ current: f(r, SFX[0]), previous: f(r, SFX[1]) });
}

export const BASELINES: Record<Department, Baseline> = {
  executive: {
    sql: (ps) => join([revenue(ps), buyers(ps), closed(ps), pipeline(ps), customers(ps), surveys(ps), spend(ps)]),
    compute: both((r, { k, o, y }) => ({
      revenue: z(r, `rev_${k}`), revenue_growth_rate: growth(z(r, `rev_${k}`), z(r, `rev_${o}`)), won_revenue: z(r, `won_${k}`),
      win_rate: winRate(r, k), customer_acquisition_cost: div(z(r, `acq_${k}`), z(r, `n_${k}`)), customer_lifetime_value: clv(r, y),
      churn_rate: churn(r, k), nps: nps(r, k), csat: csat(r, k), pipeline_value: z(r, `pipe_${k}`),
    })),
  },
  sales: {
    sql: (ps) => join([leadsCreated(ps), closed(ps), pipeline(ps), upsell(ps), customers(ps)]),
    compute: both((r, { k, o }) => ({
      lead_conversion_rate: pct(z(r, `lconv_${k}`), z(r, `lc_${k}`)), win_rate: winRate(r, k), sales_cycle_length: g(r, `cycle_${k}`),
      average_deal_size: div(z(r, `won_${k}`), z(r, `wonn_${k}`)), won_revenue: z(r, `won_${k}`), pipeline_value: z(r, `pipe_${k}`),
      annual_contract_value: g(r, `acv_${k}`), lead_response_time: g(r, `lresp_${k}`), upsell_cross_sell_rate: pct(z(r, `ups_${k}`), z(r, `a_${k}`)),
      sales_growth_rate: growth(z(r, `won_${k}`), z(r, `won_${o}`)),
    })),
  },
  marketing: {
    sql: (ps) => join([mqls(ps), leadsCreated(ps), customers(ps), converting(ps), spend(ps), campaigns(ps)]),
    compute: both((r, { k }) => ({
      mqls: z(r, `mql_${k}`), mql_to_sql_rate: pct(z(r, `msql_${k}`), z(r, `mql_${k}`)), contact_rate: pct(z(r, `lcont_${k}`), z(r, `lc_${k}`)),
      customer_acquisition_cost: div(z(r, `acq_${k}`), z(r, `n_${k}`)),
      campaign_roi: g(r, `cost_${k}`) == null ? null : pct(z(r, `attr_${k}`) - z(r, `cost_${k}`), z(r, `cost_${k}`)),
      email_open_rate: pct(z(r, `opn_${k}`), z(r, `del_${k}`)), email_click_through_rate: pct(z(r, `clk_${k}`), z(r, `del_${k}`)),
      email_unsubscribe_rate: pct(z(r, `uns_${k}`), z(r, `del_${k}`)), social_engagement_rate: pct(z(r, `eng_${k}`), z(r, `imp_${k}`)),
      customer_referral_rate: pct(z(r, `ref_${k}`), z(r, `n_${k}`)),
    })),
  },
  support: {
    sql: (ps) => join([ticketsCreated(ps), ticketsResolved(ps), surveys(ps), spend(ps)]),
    compute: both((r, { k }) => ({
      first_response_time: g(r, `frt_${k}`), resolution_time: g(r, `res_${k}`), first_contact_resolution_rate: pct(z(r, `fcr1_${k}`), z(r, `fcrn_${k}`)),
      average_handling_time: g(r, `aht_${k}`), complaint_resolution_rate: pct(z(r, `cmpr_${k}`), z(r, `cmp_${k}`)), csat: csat(r, k), nps: nps(r, k),
      customer_effort_score: g(r, `ces_${k}`), feedback_volume: z(r, `fb_${k}`), cost_per_interaction: div(z(r, `sup_${k}`), z(r, `tc_${k}`)),
    })),
  },
  success: {
    sql: (ps) => join([revenue(ps), buyers(ps), upsell(ps), surveys(ps), converting(ps),
      customers(ps, `, count(*) filter (where ${engaged(ps.P)}) eng_p, count(*) filter (where ${engaged(ps.Q)}) eng_q`)]),
    compute: both((r, { k, y }) => {
      const n = nps(r, k);
      const parts = [n == null ? null : (n + 100) / 2, repeat(r, k), retention(r, k)].filter((v): v is number => v != null);
      return {
        churn_rate: churn(r, k), retention_rate: retention(r, k), customer_lifetime_value: clv(r, y), repeat_purchase_rate: repeat(r, k),
        arpu: div(z(r, `rev_${k}`), z(r, `a_${k}`)), average_order_value: div(z(r, `rev_${k}`), z(r, `ord_${k}`)),
        upsell_cross_sell_rate: pct(z(r, `ups_${k}`), z(r, `a_${k}`)), customer_engagement_rate: pct(z(r, `eng_${k}`), z(r, `a_${k}`)),
        customer_loyalty_index: parts.length ? parts.reduce((a, b) => a + b) / parts.length : null,
        customer_journey_length: g(r, `jour_${k}`), average_profit_per_customer: div(g(r, `profit_${k}`), z(r, `pbuy_${k}`)),
      };
    }),
  },
  operations: {
    sql: (ps) => join([adoption(ps), completeness(), leadsCreated(ps), spend(ps)]),
    compute: both((r, { k }) => ({
      crm_adoption_rate: pct(z(r, `act_${k}`), z(r, 'users_n')), data_completeness: pct(z(r, 'fields_f'), z(r, 'fields_n')),
      lead_response_time: g(r, `lresp_${k}`), customer_service_cost: z(r, `sup_${k}`),
    })),
  },
};

