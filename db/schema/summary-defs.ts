// The exact summary tables (docs/architecture.md, "Exact summaries"): one per record kind and time
// column a KPI counts by. A row holds the additive measures (counts, sums) of the records of one UTC
// day, one owner and one own dimension (product, source or channel). Plain data (no drizzle), so the
// drizzle tables (./summaries.ts), the trigger, rebuild and verify SQL (lib/kpi/summary/sql-gen.ts) and
// the engine's reads (lib/kpi/summary/pass.ts) all come from this one list. Measures are integers or
// numerics, never floats, so a contribution subtracted is exactly the one added.
import { ACCOUNT_CHECKED, DEAL_CHECKED, filledCount } from './completeness';

/** The day tables; each has a month companion (`…_months`) with the same keys and measures. */
export type SummaryKey =
  | 'lead_created_days' | 'lead_mql_days' | 'deal_closed_days' | 'order_days'
  | 'ticket_created_days' | 'ticket_resolved_days' | 'survey_days' | 'customer_days' | 'deal_open_days'
  | 'order_chain_days' | 'account_days';
export type MonthKey = SummaryKey extends `${infer B}_days` ? `${B}_months` : never;
/** Year tables (one grain only): the account touches of customer engagement. */
export type YearKey = 'account_touch_years';
/** The touch chain's summary (one grain only: months). */
export type ChainKey = 'touch_chain_months';
/** Campaign ROI's attributed revenue (one grain only: months). */
export type CampaignKey = 'campaign_won_months';

/** How a record's owner is found (the same rules as lib/kpi/sql/sources.ts). */
export type OwnerRule =
  | { kind: 'column'; col: string }
  /** Orders: the account's owner. */
  | { kind: 'account' }
  /** Rows nobody owns (owner_id null): a summary no owner or team filter reaches. */
  | { kind: 'none' };

export interface SummaryDef {
  name: SummaryKey | MonthKey | YearKey | ChainKey | CampaignKey;
  /**
   * 'day': `day` is the record's UTC day. 'month': `day` is the first day of its UTC month — the same
   * records, ~30× fewer rows: a period reads its whole months here and its edge days from the day table.
   * 'year': `day` is the first day of its UTC year (a year table, with per-month measures, and no companion).
   */
  grain: 'day' | 'month' | 'year';
  /** The KPI engine's record kind (lib/kpi/sql/sources.ts), and the raw table with the alias it uses. */
  source: 'leads' | 'deals' | 'orders' | 'tickets' | 'survey_responses' | 'accounts';
  table: string;
  alias: string;
  /**
   * The timestamptz column whose UTC day is the row's day (records without one are not counted), or
   * with `date` a date column (or an expression over `events`) that is the day itself.
   */
  time: string;
  date?: boolean;
  /**
   * For a record that counts on several days: a lateral FROM item listing its events (a row each),
   * which `time` and the measures read. A customer: its start and, once churned, its end.
   */
  events?: string;
  owner: OwnerRule;
  /** The record's own filter column kept as a key (original spelling; filters compare lower-cased). */
  dim: 'product' | 'source' | 'channel' | null;
  /** Measure name -> SQL over the record (alias): record counts (integer) or exact sums (numeric). `n` counts the records. */
  measures: Record<string, Measure>;
  /** Further key columns after owner and dimension: name -> SQL over the record (and `events`), and its type. */
  keys?: Record<string, { sql: string; type: 'date' | 'text' | 'int' }>;
  /**
   * Each record also counts in an "any owner" row (owner_id 0, never a user's id): a view without an
   * owner or team filter reads those rows alone, not one row per owner.
   */
  anyOwner?: boolean;
  /**
   * The month table is also keyed by these attributes of the record's account (`segment_a`, joined
   * through `account_id`), so that a view filtered or broken down by one of them over whole months (a
   * member's KPI page: last 12 months by segment; NPS by region) reads the summary. Month tables only: a
   * day's key would hold about one record at large scale (owners × products × segments), and a period's
   * edge days read the raw rows as before. An account's change of one moves its records' contributions.
   * Each key multiplies the table's rows by up to its distinct values, so only where views need it:
   * segment for every record kind an account segment reaches, region for the survey responses (NPS and
   * CSAT by region: 5,178 → 21,957 month rows at large, against 296,262 responses in a year).
   */
  accountKeys?: readonly AccountKey[];
}

/** Account attributes a month table can be keyed by (`accountKeys`). */
export const ACCOUNT_KEYS = ['segment', 'region'] as const;
export type AccountKey = (typeof ACCOUNT_KEYS)[number];

/** The account attributes `def`'s month table is keyed by (none for a day table). */
export const accountKeysOf = (def: SummaryDef): readonly AccountKey[] => (def.grain === 'month' ? def.accountKeys ?? [] : []);

/** The join an account key reads (`segment_a.<key>`), for a def with `accountKeys` at month grain. */
export const accountJoin = (def: SummaryDef): string | null =>
  accountKeysOf(def).length ? `left join accounts segment_a on segment_a.id = ${def.alias}.account_id` : null;

export interface Measure { sql: string; count: boolean }

const hours = (later: string, earlier: string) => `extract(epoch from (${later} - ${earlier})) / 3600`;
/** A sum: `value` for the records where `cond` holds. */
const when = (cond: string, value: string): Measure => ({ sql: `(case when ${cond} then ${value} else 0 end)`, count: false });
const num = (value: string): Measure => ({ sql: value, count: false });
/** A count of the records where `cond` holds. */
const flag = (cond: string): Measure => ({ sql: `(case when ${cond} then 1 else 0 end)`, count: true });
const n: Measure = { sql: '1', count: true };

/** Upper bounds (exclusive) of the won-deal size bins of the sales dashboard's chart, in dollars. */
export const DEAL_SIZE_BOUNDS = [5_000, 10_000, 25_000, 50_000, 100_000] as const;

/** Won deals whose amount falls in size bin `i` (0: below the first bound; the last: at or above the last). */
export function dealSizeCond(i: number, d = 'd'): string {
  const lo = i > 0 ? ` and ${d}.amount >= ${DEAL_SIZE_BOUNDS[i - 1]}` : '';
  const hi = i < DEAL_SIZE_BOUNDS.length ? ` and ${d}.amount < ${DEAL_SIZE_BOUNDS[i]}` : '';
  return `${d}.stage = 'won' and ${d}.amount is not null${lo}${hi}`;
}
const dealSizeMeasures: Record<string, Measure> = Object.fromEntries(
  Array.from({ length: DEAL_SIZE_BOUNDS.length + 1 }, (_, i) => [`won_size${i}`, flag(dealSizeCond(i))]));

const DAY_TABLES: Omit<SummaryDef, 'grain'>[] = [
  {
    name: 'lead_created_days', source: 'leads', table: 'leads', alias: 'l', time: 'created_at',
    owner: { kind: 'column', col: 'owner_id' }, dim: 'source',
    measures: {
      n,
      converted: flag('l.converted_at is not null'),
      contacted: flag('l.first_contacted_at is not null'),
      contact_hours: when('l.first_contacted_at is not null', hours('l.first_contacted_at', 'l.created_at')),
      /** Data completeness: a lead's checked field (its owner) is filled. */
      owned: flag('l.owner_id is not null'),
      /** The lead funnel (sales and marketing dashboards): the period's leads that reached MQL and SQL. */
      mql: flag('l.mql_at is not null'),
      sqls: flag('l.sql_at is not null'),
    },
  },
  {
    name: 'lead_mql_days', source: 'leads', table: 'leads', alias: 'l', time: 'mql_at',
    owner: { kind: 'column', col: 'owner_id' }, dim: 'source',
    measures: { n, sqls: flag('l.sql_at is not null') },
  },
  {
    name: 'deal_closed_days', accountKeys: ['segment'], source: 'deals', table: 'deals', alias: 'd', time: 'closed_at',
    owner: { kind: 'column', col: 'owner_id' }, dim: 'product',
    measures: {
      n,
      decided: flag("d.stage in ('won', 'lost')"),
      won: flag("d.stage = 'won'"),
      won_amount: when("d.stage = 'won'", 'd.amount'),
      won_days: when("d.stage = 'won'", 'extract(epoch from (d.closed_at - d.created_at)) / 86400'),
      acv_n: flag("d.stage = 'won' and d.contract_months is not null"),
      acv_sum: when("d.stage = 'won' and d.contract_months is not null", 'd.amount * 12 / d.contract_months'),
      /** The won-deal sizes chart (sales dashboard): won deals per size bin. */
      ...dealSizeMeasures,
    },
  },
  {
    name: 'order_days', accountKeys: ['segment'], source: 'orders', table: 'orders', alias: 'o', time: 'ordered_at',
    owner: { kind: 'account' }, dim: 'product',
    measures: { n, amount: num('o.amount'), costed: flag('o.cost is not null'), profit: when('o.cost is not null', '(o.amount - o.cost)') },
  },
  {
    name: 'ticket_created_days', accountKeys: ['segment'], source: 'tickets', table: 'tickets', alias: 't', time: 'created_at',
    owner: { kind: 'column', col: 'assignee_id' }, dim: 'channel',
    measures: {
      n,
      responded: flag('t.first_response_at is not null'),
      response_hours: when('t.first_response_at is not null', hours('t.first_response_at', 't.created_at')),
      complaints: flag("t.category = 'complaint'"),
      complaints_resolved: flag("t.category = 'complaint' and t.resolved_at is not null"),
    },
  },
  {
    name: 'ticket_resolved_days', accountKeys: ['segment'], source: 'tickets', table: 'tickets', alias: 't', time: 'resolved_at',
    owner: { kind: 'column', col: 'assignee_id' }, dim: 'channel',
    measures: {
      n,
      resolve_hours: num(hours('t.resolved_at', 't.created_at')),
      fcr_base: flag('t.contacts is not null'),
      fcr_one: flag('t.contacts = 1'),
      aht_n: flag('t.handle_minutes is not null'),
      aht_sum: when('t.handle_minutes is not null', 't.handle_minutes'),
    },
  },
  {
    // Customer states (S, E, A, N of the catalogue's Conventions) as cumulative counts: an account is a
    // customer at t when customer_since < t and not churned_at < t, and churned_at >= customer_since (a
    // CHECK), so the customers at t are the starts before t minus the churns before t. A start counts on
    // customer_since, a churn on churned_at (only of an account that has been a customer).
    // A churn also keeps the month its customer started (`since_month`): the customers lost in a period
    // from the first of a month F (L: customers at F who churned in it) are the churns in the period of
    // customers who started before F. A start carries the account's journey from its converting lead
    // (derived columns of accounts kept by the leads' triggers): journey length and referral rate.
    name: 'customer_days', source: 'accounts', table: 'accounts', alias: 'a', time: 'ev.day', date: true,
    events: "cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)",
    owner: { kind: 'column', col: 'owner_id' }, dim: null,
    keys: { since_month: { sql: 'ev.since_month', type: 'date' } },
    measures: {
      n, starts: { sql: 'ev.starts', count: true }, ends: { sql: 'ev.ends', count: true },
      journey_n: flag('ev.starts = 1 and a.converting_lead_created_at is not null'),
      journey_days: when('ev.starts = 1 and a.converting_lead_created_at is not null',
        "extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400"),
      referrals: flag("ev.starts = 1 and a.converting_lead_source = 'referral'"),
    },
  },
  {
    // The open pipeline is a state too: a deal is open at t when it was created before t and is not
    // closed before t. closed_at >= created_at is a CHECK, so the deals open at t are the deals created
    // before t minus those closed before t, and their amount likewise. A deal counts on its UTC creation
    // day and, once closed, on its closing day; an amount or owner change moves both contributions.
    name: 'deal_open_days', source: 'deals', table: 'deals', alias: 'd', time: 'ev.day', date: true,
    events: "cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)",
    owner: { kind: 'column', col: 'owner_id' }, dim: 'product',
    measures: {
      n, opened: { sql: 'ev.opened', count: true }, closed: { sql: 'ev.closed', count: true },
      opened_amount: { sql: 'ev.opened_amount', count: false }, closed_amount: { sql: 'ev.closed_amount', count: false },
      /** Data completeness: of a deal's checked fields (owner, product), how many are filled (on its opening event only). */
      filled: { sql: `ev.opened * (${filledCount(DEAL_CHECKED)})`, count: true },
    },
  },
  {
    name: 'survey_days', accountKeys: ['segment', 'region'], source: 'survey_responses', table: 'survey_responses', alias: 's', time: 'responded_at',
    // The response's owner column (its ticket's assignee, else its account's owner) is derived: a
    // ticket's or account's owner change reaches this summary as an update of its responses.
    owner: { kind: 'column', col: 'owner_id' }, dim: null,
    measures: {
      n,
      csat_n: flag("s.kind = 'csat'"),
      csat_pos: flag("s.kind = 'csat' and s.score >= 4"),
      nps_n: flag("s.kind = 'nps'"),
      nps_sum: when("s.kind = 'nps'", '(case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end)'),
      ces_n: flag("s.kind = 'ces'"),
      ces_sum: when("s.kind = 'ces'", 's.score'),
    },
  },
];

/**
 * Order chains (distinct buyers, docs/architecture.md "Exact summaries"). Each order carries the UTC
 * months of its account's two orders before it (by ordered_at, then id) and, with a cost, of its account's
 * costed order before it: columns of orders kept by their chain triggers. An account has an order in
 * [F, to), F the first day of a month, exactly when its first order there has none before it from F on:
 * the period's orders whose previous order is before F (or none) count the buyers, one each; those whose
 * previous order is from F on but the one before that is not count the accounts with two orders or more
 * (their second order in the period). Periods starting mid-month read raw rows.
 */
/**
 * Accounts all-time (data completeness: every current account, whatever its dates): one event per
 * account on a fixed day (0001-01-01), so a row per owner holds its accounts (`n`) and their filled
 * checked fields (`filled`: segment, industry, region, owner; lib/kpi/calc/operations.ts CHECKED). Read
 * whole (`allTime`); an account's owner or field change moves its contribution like any update.
 */
const ACCOUNT_FIELDS: Omit<SummaryDef, 'grain'> = {
  name: 'account_days', source: 'accounts', table: 'accounts', alias: 'a', time: 'ev.day', date: true,
  events: "cross join lateral (values ('0001-01-01'::date)) ev(day)",
  owner: { kind: 'column', col: 'owner_id' }, dim: null,
  measures: { n, filled: { sql: `(${filledCount(ACCOUNT_CHECKED)})`, count: true } },
};

const ORDER_CHAIN: Omit<SummaryDef, 'grain'> = {
  name: 'order_chain_days', source: 'orders', table: 'orders', alias: 'o', time: 'ev.at',
  events: "cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2)",
  owner: { kind: 'account' }, dim: null,
  keys: {
    chain: { sql: 'ev.chain', type: 'text' },
    prev_month: { sql: 'ev.p1', type: 'date' },
    prev2_month: { sql: 'ev.p2', type: 'date' },
  },
  measures: { n },
};

/**
 * Account touches (customer engagement: active customers with an order, a ticket or a survey response
 * in the period; docs/architecture.md "Exact summaries"). One table fed by three record tables: a row
 * per UTC year, owner and account, with the account's touches in each month of that year (m1–m12).
 * The owner is the touch's own (an order's is its account's, a ticket's its assignee, a response's its
 * derived owner), and every touch also counts in its account's "any owner" row (owner_id 0). An
 * account with a touch in the whole months [F, T) of a period is one with a row of those years whose
 * months in range are not all 0: a view reads one row per account and year (its owner rows, or the
 * any-owner rows), not every order, ticket and response. Edge days read the raw rows.
 */
const monthFlags = (time: string): Record<string, Measure> => Object.fromEntries(Array.from({ length: 12 }, (_, i) =>
  [`m${i + 1}`, flag(`date_part('month', ${time} at time zone 'UTC') = ${i + 1}`)]));
const touch = (source: 'orders' | 'tickets' | 'survey_responses', alias: string, at: string, owner: OwnerRule): Omit<SummaryDef, 'grain'> => {
  // A ticket or response without an account touches no account: it has no time here.
  const time = source === 'orders' ? `${alias}.${at}` : `(case when ${alias}.account_id is not null then ${alias}.${at} end)`;
  return {
    name: 'account_touch_years', source, table: source, alias, time, owner, anyOwner: true, dim: null,
    keys: { account_id: { sql: `${alias}.account_id`, type: 'int' } },
    // The month of the touch (the WHERE has already left out records without one).
    measures: { n, ...monthFlags(`${alias}.${at}`) },
  };
};
const TOUCHES: SummaryDef[] = [
  touch('orders', 'o', 'ordered_at', { kind: 'account' }),
  touch('tickets', 't', 'created_at', { kind: 'column', col: 'assignee_id' }),
  touch('survey_responses', 's', 'responded_at', { kind: 'column', col: 'owner_id' }),
].map((d) => ({ ...d, grain: 'year' as const }));

/**
 * The account month chains (distinct accounts without enumerating them; docs/architecture.md "Exact
 * summaries"). `account_touch_chain` holds a row per kind, account, owner (0: any owner) and UTC month
 * with an event of that kind — 'touch': an order, a ticket or a survey response (customer engagement);
 * 'upsell': a won upsell or cross-sell deal closed (the upsell rate) — carrying the account's previous
 * such month under that owner (kept by triggers, lib/kpi/summary/touch-chain.ts) and, for touches, as
 * derived columns, the account's customer-since and churn months and whether the owner is the
 * account's own (`own`). An account has an event in the whole months [F, T) exactly when one of its
 * chain rows there has its previous month before F (or none): that row counts it once. It is active in
 * [F, T) (kpi-catalog.md A) when customer_since < T and churned_at is null or >= F, dates compared with
 * month starts: the same test on their months. So the engaged active customers, and the accounts with
 * an upsell, of whole months are a Σ n over this summary.
 */
const TOUCH_CHAIN: SummaryDef = {
  name: 'touch_chain_months', grain: 'month', source: 'accounts', table: 'account_touch_chain', alias: 'tc', time: 'tc.month', date: true,
  owner: { kind: 'column', col: 'owner_id' }, dim: null,
  keys: {
    kind: { sql: 'tc.kind', type: 'text' },
    prev_month: { sql: 'tc.prev_month', type: 'date' },
    since_month: { sql: 'tc.since_month', type: 'date' },
    churn_month: { sql: 'tc.churn_month', type: 'date' },
    own: { sql: 'tc.own', type: 'int' },
  },
  measures: { n },
};

/**
 * Campaign ROI's R (kpi-catalog.md campaign_roi: a campaign's won deals closed before \`to\`, unfiltered):
 * a row per campaign and UTC month of its won deals' closing, with their count and amounts. A
 * campaign's R is its rows before \`to\`'s month plus, from raw rows, its won deals from that month's
 * first day to \`to\` (lib/kpi/calc/marketing.ts). On raw rows R read every won deal of the period's
 * campaigns: the seed keeps 229 campaigns at every scale, so their deals grow with the data (the
 * marketing year 2.3× from large to xlarge). No owner (campaign ROI takes no owner or team filter);
 * a deal's change of stage, amount, close date or campaign moves its contribution like any update.
 */
const CAMPAIGN_WON: SummaryDef = {
  name: 'campaign_won_months', grain: 'month', source: 'deals', table: 'deals', alias: 'd',
  time: "(case when d.stage = 'won' and d.campaign_id is not null then d.closed_at end)",
  owner: { kind: 'none' }, dim: null,
  keys: { campaign_id: { sql: 'd.campaign_id', type: 'int' } },
  measures: { n, amount: num('coalesce(d.amount, 0)') },
};

export const monthOf = (name: SummaryKey): MonthKey => name.replace(/_days$/, '_months') as MonthKey;

export const SUMMARIES: SummaryDef[] = [...[...DAY_TABLES, ORDER_CHAIN, ACCOUNT_FIELDS].flatMap(({ accountKeys, ...d }) => [
  { ...d, grain: 'day' as const },
  {
    // Month tables also hold "any owner" rows (owner 0, migration 0023): a view without an owner or
    // team filter (an admin's, an executive's) reads one row per month and key instead of one per
    // owner, so its cost does not grow with the staff (docs/architecture.md "Any-owner rows").
    ...d, name: monthOf(d.name as SummaryKey), grain: 'month' as const, anyOwner: true,
    ...(accountKeys ? {
      accountKeys,
      keys: { ...d.keys, ...Object.fromEntries(accountKeys.map((k) => [k, { sql: `segment_a.${k}`, type: 'text' as const }])) },
    } : {}),
  },
]), ...TOUCHES, TOUCH_CHAIN, CAMPAIGN_WON];

/** A table fed by several record tables has a def per record table; same columns in each. */
export const SUMMARY_BY_KEY = Object.fromEntries(SUMMARIES.map((d) => [d.name, d])) as Record<SummaryKey | MonthKey | YearKey | ChainKey | CampaignKey, SummaryDef>;

/** Each summary table once, with the defs (one per record table) that feed it. */
export const SUMMARY_TABLES: { name: SummaryDef['name']; defs: SummaryDef[] }[] = [...new Set(SUMMARIES.map((d) => d.name))]
  .map((name) => ({ name, defs: SUMMARIES.filter((d) => d.name === name) }));

/** The first day of each UTC year whose months the whole-month period [from, to) covers, with those months (1–12). */
export function yearMonths(from: Date, to: Date): { year: string; months: number[] }[] {
  const out: { year: string; months: number[] }[] = [];
  const index = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
  for (let i = index(from); i < index(to); i++) {
    const year = `${String(Math.floor(i / 12)).padStart(4, '0')}-01-01`;
    if (out.at(-1)?.year !== year) out.push({ year, months: [] });
    out.at(-1)!.months.push((i % 12) + 1);
  }
  return out;
}
/** The key columns of a summary row, in order. */
export const keyColumns = (def: SummaryDef): string[] => ['day', 'owner_id', ...(def.dim ? [def.dim] : []), ...Object.keys(def.keys ?? {})];
