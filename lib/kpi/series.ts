// KPI time series: each KPI per calendar bucket of a period, computed with the KPI's own definition over
// each bucket (and its like-for-like comparison), one query per table: a VALUES list of buckets joined
// laterally to the table's pass, from the summaries where they serve every bucket exactly.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { authorizedRows, type AuthorizedView, type RowFilters } from '@/lib/access';
import { CALCS } from './calc';
import type { Get } from './calc/define';
import { checkPeriod, computeKpis, partId } from './engine';
import { bucketPeriods, compareBy, trailingTwelveMonths, type Bucket, type CompareRule } from './periods';
import type { KpiKey } from './registry';
import { columnPeriod, literalPeriod, type PeriodShift } from './sql/period-sql';
import { buildPass, emptyValue, splitPasses, type Slot } from './sql/pass';
import { SOURCES, type SourceKey } from './sql/sources';
import { isWholeDays, summariesEnabled, summaryPasses } from './summary/pass';
import type { KpiValue, Period } from './types';

/**
 * A bucket's growth compares it with the same bucket one step back, like for like: a month (or the
 * part of it the period holds) with the same days of the month before, a week with the week before.
 */
const BUCKET_RULE: Record<Bucket, CompareRule> = { day: { by: 'days', days: 1 }, week: { by: 'days', days: 7 }, month: { by: 'months', months: 1 } };

export interface SeriesPoint { start: string; end: string; value: KpiValue }

/**
 * The KPI per calendar bucket of [from, to), each computed with the KPI's own definition over the
 * bucket. One query per table: a VALUES list of buckets joined laterally to the table's pass.
 */
/** Buckets computed at once on the per-bucket path: a year of days must not queue 365 requests on the pool. */
const PER_BUCKET_CONCURRENCY = 4;

async function mapInTurn<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

/** Whether a summary would serve, for the literal bucket `b`, some slot the lateral pass leaves to raw rows. */
function literalServes(rest: Map<SourceKey, (Slot & { shift?: PeriodShift })[]>, b: Period, rule: CompareRule, filters: RowFilters): boolean {
  if ([...rest.values()].some((list) => list.some((sl) => sl.part.literalSummary?.(filters)))) return true;
  const withSummary = [...rest].map(([source, list]) => [source, list.filter((sl) => sl.part.summary)] as const).filter(([, list]) => list.length > 0);
  if (withSummary.length === 0) return false;
  const periodOf = (shift: PeriodShift | undefined): Period => (shift === 'prev' ? compareBy(b, rule) : shift === 't12' ? trailingTwelveMonths(b.to) : b);
  const literal = new Map(withSummary.map(([source, list]) => [source, list.map((sl) => {
    const js = periodOf(sl.shift);
    return { ...sl, js, period: literalPeriod(js) };
  })]));
  const probe = summaryPasses(literal, filters);
  const stillRaw = [...probe.rest.values()].reduce((n, list) => n + list.length, 0);
  return stillRaw < withSummary.reduce((n, [, list]) => n + list.length, 0);
}

export interface SeriesQuery { from: Date; to: Date; bucket: Bucket; compare?: CompareRule }

export async function kpiTimeSeries(db: QueryDb, view: AuthorizedView, key: KpiKey, q: SeriesQuery): Promise<SeriesPoint[]> {
  checkPeriod(q);
  const buckets = bucketPeriods({ from: q.from, to: q.to }, q.bucket);
  const rule = q.compare ?? BUCKET_RULE[q.bucket];
  const wholeBucket = (b: Period) => [b, compareBy(b, rule), trailingTwelveMonths(b.to)].every(isWholeDays);
  // A series that ends at an instant: its whole buckets read the summaries together, and its last,
  // part-day bucket is computed alone by the engine, which reads that bucket's whole days from the
  // summaries too (EdgeSplit). Otherwise one part day would send every bucket to the raw rows.
  const last = buckets[buckets.length - 1];
  // (With the summaries off, every bucket reads raw rows in one query, as the tests' reference.)
  if (summariesEnabled() && buckets.length > 1 && !wholeBucket(last) && buckets.slice(0, -1).every(wholeBucket) && isWholeDays({ from: last.from, to: last.from })) {
    const [head, tail] = await Promise.all([
      kpiTimeSeries(db, view, key, { ...q, to: last.from, compare: rule }),
      computeKpis(db, view, { from: last.from, to: last.to, keys: [key], compare: compareBy(last, rule) }),
    ]);
    const v = tail[key];
    return [...head, { start: last.from.toISOString(), end: last.to.toISOString(), value: v }];
  }
  const filters = authorizedRows(view);
  const calc = CALCS[key];
  const PREFIX: Record<PeriodShift, string> = { cur: 'c', prev: 'p', t12: 'y' };
  const slots = new Map<string, Slot & { source: SourceKey; shift: PeriodShift }>();
  for (const ref of calc.parts) {
    const k = `${partId(ref.part)}|${ref.shift}`;
    if (!slots.has(k)) slots.set(k, { name: `m${slots.size}`, part: ref.part, period: columnPeriod('b', PREFIX[ref.shift]), source: ref.part.source, shift: ref.shift });
  }
  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const values = sql.join(buckets.map((b, i) => {
    const prev = compareBy(b, rule);
    const t12 = trailingTwelveMonths(b.to);
    return sql`(${sql.raw(String(i))}, ${ts(b.from)}, ${ts(b.to)}, ${ts(prev.from)}, ${ts(prev.to)}, ${ts(t12.from)}, ${ts(t12.to)})`;
  }), sql`, `);
  const bySource = new Map<SourceKey, Slot[]>();
  for (const s of slots.values()) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  const perSource = new Map<SourceKey, Record<string, KpiValue>[]>();
  const whole = buckets.every(wholeBucket);
  const summary = summaryPasses(bySource, filters, undefined, () => whole);
  // Parts a summary serves for a literal period only (distinct buyers and lost customers from the first
  // of a month, customer states at a bound, segment rows of whole months), not for a column of
  // buckets: each bucket is then its own engine request, from the summaries, instead of one lateral
  // pass over the raw rows (a 12-month trend of CLV read a year of orders for each month: 1–9 s at large).
  // Only where it helps: a slot left to raw rows here must be served for a literal bucket (the second,
  // the first may be clipped); a filter no summary keys (region) would send every bucket to raw rows anyway.
  if (summariesEnabled() && whole && buckets.length > 1 && literalServes(summary.rest, buckets[1], rule, filters)) {
    return mapInTurn(buckets, PER_BUCKET_CONCURRENCY, async (b) => {
      const v = (await computeKpis(db, view, { from: b.from, to: b.to, keys: [key], compare: compareBy(b, rule) }))[key];
      return { start: b.from.toISOString(), end: b.to.toISOString(), value: v };
    });
  }
  const passes: (readonly [SourceKey, SQL])[] = [...summary.passes.map((p) => [p.source, p.query] as const),
    ...[...summary.rest].flatMap(([source, list]) => splitPasses(SOURCES[source], list).map((l) => [source, buildPass(SOURCES[source], l, filters)] as const))];
  await Promise.all(passes.map(async ([source, pass]) => {
    const rows = await queryRows<Record<string, KpiValue>>(db, sql`select x.* from (values ${values}) as b(i, cf, ct, pf, pt, yf, yt)
      cross join lateral (${pass}) x order by b.i`);
    const prev = perSource.get(source);
    perSource.set(source, prev ? rows.map((r, i) => ({ ...prev[i], ...r })) : rows);
  }));
  return buckets.map((b, i) => {
    const get: Get = (part, shift = 'cur') => {
      const slot = slots.get(`${partId(part)}|${shift}`)!;
      const v = perSource.get(part.source)![i]?.[slot.name];
      return v == null ? (perSource.get(part.source)![i] ? null : emptyValue(part)) : Number(v);
    };
    const v = calc.compute(get);
    return { start: b.from.toISOString(), end: b.to.toISOString(), value: v == null || !Number.isFinite(v) ? null : v };
  });
}
