// Literal SQL text for the hand-written baselines of the benchmark (values are our own dates, never
// user input, so they are inlined as literals: the fastest form for the planner).
import type { Period } from '@/lib/kpi/types';
import { previousPeriod, trailingTwelveMonths } from '@/lib/kpi/periods';

export const ts = (d: Date) => `'${d.toISOString()}'::timestamptz`;
export const dt = (d: Date) => `'${d.toISOString().slice(0, 23).replace('T', ' ')}'::timestamp`;
export const inT = (col: string, p: Period) => `(${col} >= ${ts(p.from)} and ${col} < ${ts(p.to)})`;
export const inD = (col: string, p: Period) => `(${col} >= ${dt(p.from)} and ${col} < ${dt(p.to)})`;
export const span = (...ps: Period[]): Period => ({
  from: new Date(Math.min(...ps.map((p) => p.from.getTime()))),
  to: new Date(Math.max(...ps.map((p) => p.to.getTime()))),
});

/** The periods a dashboard with previous-period values reads: P, its previous Q, Q's previous R, T12 of P and of Q. */
export interface Periods { P: Period; Q: Period; R: Period; T: Period; U: Period }
export function periodsOf(from: Date, to: Date): Periods {
  const P = { from, to };
  const Q = previousPeriod(from, to);
  return { P, Q, R: previousPeriod(Q.from, Q.to), T: trailingTwelveMonths(to), U: trailingTwelveMonths(Q.to) };
}

export type Row = Record<string, number | null>;
export const num = (v: unknown): number | null => (v == null ? null : Number(v));
export const div = (n: number | null, d: number | null) => (n == null || d == null || d === 0 ? null : n / d);
export const pct = (n: number | null, d: number | null) => {
  const r = div(n, d);
  return r == null ? null : 100 * r;
};
export const growth = (c: number | null, p: number | null) => (c == null || p == null ? null : pct(c - p, p));

/** Customer sets at a date / over a period (accounts `a`). */
export const cust = {
  at: (t: Date) => `(a.customer_since < ${dt(t)} and (a.churned_at is null or a.churned_at >= ${dt(t)}))`,
  active: (p: Period) => `(a.customer_since < ${dt(p.to)} and (a.churned_at is null or a.churned_at >= ${dt(p.from)}))`,
  lost: (p: Period) => `(${cust.at(p.from)} and a.churned_at < ${dt(p.to)})`,
  fresh: (p: Period) => inD('a.customer_since', p),
};
