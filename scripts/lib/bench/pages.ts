// Benchmark cases beyond dashboards: a KPI page (value with its previous period, 12-month trend, one
// breakdown) and a drill-down's first page, each with its hand-written baseline.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { authorizeView, trustedView, type SessionUser } from '@/lib/access';
import { computeKpisWithPrevious, kpiBreakdown, kpiTimeSeries } from '@/lib/kpi';
import type { QueryDb } from '@/db/client';
import { kpiDrilldown } from '@/lib/kpi/drilldown';
import type { KpiKey } from '@/lib/kpi/registry';
import type { Dimension } from '@/lib/kpi/types';
import { trailingTwelveMonths } from '@/lib/kpi/periods';
import { inT, periodsOf, span } from './sql-text';

const raw = (db: QueryDb, text: string) => queryRows<Record<string, unknown>>(db, sql.raw(text));

export interface PageCase {
  label: string;
  key: KpiKey;
  dimension: Dimension;
  /** Hand-written: value (this and previous period), monthly trend over T12, breakdown: three statements run together. */
  baseline: (db: QueryDb, from: Date, to: Date) => Promise<unknown>;
}

export async function enginePage(db: QueryDb, c: PageCase, from: Date, to: Date) {
  const t12 = trailingTwelveMonths(to);
  const view = await trustedView(db);
  return Promise.all([
    computeKpisWithPrevious(db, view, { from, to, keys: [c.key] }),
    kpiTimeSeries(db, view, c.key, { ...t12, bucket: 'month' }),
    kpiBreakdown(db, view, c.key, { from, to, dimension: c.dimension }),
  ]);
}

const month = (col: string) => `date_trunc('month', ${col} at time zone 'UTC')`;

export const PAGE_CASES: PageCase[] = [
  {
    label: 'revenue by segment', key: 'revenue', dimension: 'segment',
    baseline: (db, from, to) => {
      const { P, Q, T } = periodsOf(from, to);
      return Promise.all([
        raw(db, `select sum(amount) filter (where ${inT('ordered_at', P)}) c, sum(amount) filter (where ${inT('ordered_at', Q)}) p from orders where ${inT('ordered_at', span(P, Q))}`),
        raw(db, `select ${month('ordered_at')} m, sum(amount) v from orders where ${inT('ordered_at', T)} group by 1 order by 1`),
        raw(db, `select lower(a.segment) k, sum(o.amount) v from orders o left join accounts a on a.id = o.account_id where ${inT('o.ordered_at', P)} group by 1`),
      ]);
    },
  },
  {
    label: 'win rate by owner', key: 'win_rate', dimension: 'owner',
    baseline: (db, from, to) => {
      const { P, Q, T } = periodsOf(from, to);
      const rate = `100.0 * count(*) filter (where stage = 'won') / nullif(count(*), 0)`;
      return Promise.all([
        raw(db, `select count(*) filter (where stage = 'won' and ${inT('closed_at', P)}) wc, count(*) filter (where ${inT('closed_at', P)}) c,
          count(*) filter (where stage = 'won' and ${inT('closed_at', Q)}) wp, count(*) filter (where ${inT('closed_at', Q)}) p
          from deals where stage in ('won', 'lost') and ${inT('closed_at', span(P, Q))}`),
        raw(db, `select ${month('closed_at')} m, ${rate} v from deals where stage in ('won', 'lost') and ${inT('closed_at', T)} group by 1 order by 1`),
        raw(db, `select lower(u.email) k, ${rate} v from deals d left join users u on u.id = d.owner_id
          where stage in ('won', 'lost') and ${inT('d.closed_at', P)} group by 1`),
      ]);
    },
  },
  {
    label: 'NPS by region', key: 'nps', dimension: 'region',
    baseline: (db, from, to) => {
      const { P, Q, T } = periodsOf(from, to);
      const score = `100.0 * avg(case when score >= 9 then 1 when score <= 6 then -1 else 0 end)`;
      return Promise.all([
        raw(db, `select ${score} filter (where ${inT('responded_at', P)}) c, ${score} filter (where ${inT('responded_at', Q)}) p
          from survey_responses where kind = 'nps' and ${inT('responded_at', span(P, Q))}`),
        raw(db, `select ${month('responded_at')} m, ${score} v from survey_responses where kind = 'nps' and ${inT('responded_at', T)} group by 1 order by 1`),
        raw(db, `select lower(a.region) k, ${score} v from survey_responses s left join accounts a on a.id = s.account_id
          where kind = 'nps' and ${inT('s.responded_at', P)} group by 1`),
      ]);
    },
  },
];

export interface DrillCase {
  label: string;
  key: KpiKey;
  viewer: 'admin' | 'member';
  baseline: (db: QueryDb, from: Date, to: Date, viewerId: number) => Promise<unknown>;
}

/**
 * A member's drill-down as their dashboard opens it (their own records, the "Mine" view); a ratio's
 * denominator set, which lists every record the ratio reads, as the baselines do.
 */
export async function engineDrill(db: QueryDb, c: DrillCase, from: Date, to: Date, viewer: SessionUser) {
  const view = await authorizeView(db, viewer, {}, 'mine');
  return kpiDrilldown(db, view, c.key, { from, to, pageSize: 50, set: 'denominator' });
}

const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const DRILL_CASES: DrillCase[] = [
  {
    label: 'revenue: orders, newest first (admin)', key: 'revenue', viewer: 'admin',
    baseline: (db, from, to) => {
      const where = inT('o.ordered_at', { from, to });
      return Promise.all([
        raw(db, `select o.id, o.external_id, a.name account, u.name owner, ${iso('o.ordered_at')} ordered_at, o.amount::float8 amount, o.cost::float8 cost, o.product
          from orders o left join accounts a on a.id = o.account_id left join users u on u.id = a.owner_id
          where ${where} order by o.ordered_at desc, o.id desc limit 50`),
        raw(db, `select count(*)::int n from orders o where ${where}`),
      ]);
    },
  },
  {
    label: 'win rate: closed deals, newest first (member)', key: 'win_rate', viewer: 'member',
    baseline: (db, from, to, viewerId) => {
      const where = `d.stage in ('won', 'lost') and ${inT('d.closed_at', { from, to })} and d.owner_id = ${viewerId}`;
      return Promise.all([
        raw(db, `select d.id, d.external_id, d.name, a.name account, u.name owner, d.product, d.type, d.stage, d.amount::float8 amount,
          ${iso('d.created_at')} created_at, ${iso('d.closed_at')} closed_at, d.stage = 'won' in_numerator
          from deals d left join accounts a on a.id = d.account_id left join users u on u.id = d.owner_id
          where ${where} order by d.closed_at desc, d.id desc limit 50`),
        raw(db, `select count(*)::int n from deals d where ${where}`),
      ]);
    },
  },
];
