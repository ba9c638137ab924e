// Filters and period as they travel in URL search params (dashboards, KPI pages, bookmarks) and in
// goals. One zod schema, so pages, goals and the CLI accept exactly the same things.
import { z } from 'zod';
import { FILTER_KEYS, type KpiFilters, type Period } from './types';
import { DAY_MS, now as clockNow } from '@/lib/clock';
import {
  BUCKETS, COMPARE_MODES, PERIOD_PRESETS, compareBy, comparedPeriod, parseDateParam, presetPeriod, toDateParam,
  type Bucket, type CompareMode, type CompareRule, type PeriodPreset,
} from './periods';

/** Empty strings (an unset select box) mean "no filter". */
const filterValue = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().max(200).optional(),
);

export const kpiFiltersSchema = z.object({
  team: filterValue,
  owner: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().toLowerCase().max(320).optional(),
  ),
  segment: filterValue,
  region: filterValue,
  industry: filterValue,
  product: filterValue,
  source: filterValue,
  channel: filterValue,
});

// Dates in links are strict `YYYY-MM-DD` days between 1900 and 2200: anything else (year 0000,
// 275760-09-13, +020000-01-01, -1, 1-1-1) is refused with a message before it reaches SQL or the
// calendar code, and fine trend buckets are bounded so a century of weeks is never attempted.
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2200-12-31';
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = `Not a date: use YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}`;

/** A strict `YYYY-MM-DD` day in range, or null. */
export function parseDay(value: string): Date | null {
  const s = value.trim();
  if (!DAY_RE.test(s) || s < MIN_DATE || s > MAX_DATE) return null;
  return parseDateParam(s);
}

const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const dayValue = z.preprocess(unset, z.string().trim().max(10, DATE_MESSAGE).refine((s) => parseDay(s) !== null, DATE_MESSAGE).optional());

/** How many buckets a trend may have, per bucket size: a day trend up to a year, weeks up to 5 years. */
export const MAX_BUCKETS: Record<Bucket, number> = { day: 370, week: 262, month: 600 };
const BUCKET_SPAN: Record<Bucket, string> = { day: 'a year', week: '5 years', month: '50 years' };

export const kpiParamsSchema = kpiFiltersSchema.extend({
  preset: z.preprocess(unset, z.enum(PERIOD_PRESETS, { message: 'Not a known period' }).optional()),
  from: dayValue,
  /** Exclusive end (links, the CLI). */
  to: dayValue,
  /** Inclusive last day (the custom range form): becomes `to` = the next day. */
  through: dayValue,
  compare: z.preprocess(unset, z.enum(COMPARE_MODES, { message: 'Use compare=previous or compare=year' }).optional()),
  compare_from: dayValue,
  compare_to: dayValue,
  bucket: z.preprocess(unset, z.enum(BUCKETS, { message: 'Use bucket=day, week or month' }).optional()),
}).refine((p) => p.from == null || p.to != null || p.through != null, { message: 'Give the end of the range too', path: ['to'] })
  .refine((p) => p.from != null || (p.to == null && p.through == null), { message: 'Give the start of the range too', path: ['from'] })
  .refine((p) => p.from == null || endOf(p) == null || parseDay(p.from)! < endOf(p)!, { message: 'The range must end after it starts', path: ['to'] })
  .refine((p) => (p.compare_from == null) === (p.compare_to == null), { message: 'Give both compare_from and compare_to', path: ['compare_to'] })
  .refine((p) => p.compare_from == null || p.compare_to == null || parseDay(p.compare_from)! < parseDay(p.compare_to)!, {
    message: 'The comparison must end after it starts', path: ['compare_to'],
  });

function endOf(p: { to?: string; through?: string }): Date | null {
  if (p.to) return parseDay(p.to);
  if (p.through) {
    const d = parseDay(p.through);
    return d && new Date(d.getTime() + DAY_MS);
  }
  return null;
}

export interface KpiParams {
  period: Period;
  /** The preset in use, or null for a custom range. */
  preset: PeriodPreset | null;
  filters: KpiFilters;
  /** `compare=year`, or the like-for-like period before (the default). */
  compare: CompareMode;
  /** The period every previous value and growth KPI is computed against, and its own comparison. */
  comparison: Period;
  comparisonOfComparison: Period;
  /** The rule that gave the comparison (trend buckets compare by it too). */
  rule: CompareRule;
  /** The link named the comparison (`compare_from`/`compare_to`): links keep it. */
  comparisonNamed: boolean;
  /** A trend bucket the link asked for (checked against the period's length), or null. */
  bucket: Bucket | null;
}

/** One default everywhere: the last 12 complete months, compared with the 12 before (never a partial period). */
export const DEFAULT_PRESET: PeriodPreset = 'last_12_months';

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined) out[k] = first;
    }
  }
  return out;
}

/** Whether a trend of `bucket` over `period` stays within MAX_BUCKETS; the message says why not. */
export function bucketProblem(period: Period, bucket: Bucket): string | null {
  // Counted, not listed: a refused century of days must not be built first.
  const days = (period.to.getTime() - period.from.getTime()) / DAY_MS;
  const months = (period.to.getUTCFullYear() - period.from.getUTCFullYear()) * 12 + period.to.getUTCMonth() - period.from.getUTCMonth() + 1;
  const n = bucket === 'day' ? Math.ceil(days) : bucket === 'week' ? Math.ceil(days / 7) + 1 : months;
  return n > MAX_BUCKETS[bucket] ? `A ${bucket} trend covers at most ${BUCKET_SPAN[bucket]}: choose a larger bucket or a shorter period` : null;
}

/** Removes unset filters, so `{}` means "no filter" everywhere. */
export function cleanFilters(filters: KpiFilters): KpiFilters {
  const out: KpiFilters = {};
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

/**
 * Period, comparison and filters from search params. `from` with `to` (exclusive) or `through`
 * (inclusive) win over `preset`; with neither, the default preset. `compare_from`/`compare_to` name
 * the comparison explicitly; otherwise the preset's like-for-like rule, or `compare=year`. Unknown
 * params are ignored.
 */
export function safeParseKpiParams(params: RawParams, now: Date = clockNow()):
  { success: true; data: KpiParams } | { success: false; error: z.ZodError } {
  const parsed = kpiParamsSchema.safeParse(toRecord(params));
  if (!parsed.success) return { success: false, error: parsed.error };
  const { preset: p, from, to, through, compare: c, compare_from: cf, compare_to: ct, bucket: b, ...filters } = parsed.data;
  const custom = from != null;
  const preset = custom ? null : p ?? DEFAULT_PRESET;
  const period = custom ? { from: parseDay(from)!, to: endOf({ to, through })! } : presetPeriod(preset!, now);
  const compare = c ?? 'previous';
  const compared = comparedPeriod(period, preset, compare);
  const comparison = cf && ct ? { from: parseDay(cf)!, to: parseDay(ct)! } : compared.comparison;
  const bucket = b ?? null;
  const problem = bucket ? bucketProblem(period, bucket) : null;
  if (problem) return { success: false, error: new z.ZodError([{ code: 'custom', path: ['bucket'], message: problem, input: b }]) };
  return {
    success: true,
    data: {
      period, preset, filters: cleanFilters(filters), compare, comparison, bucket, rule: compared.rule, comparisonNamed: !!(cf && ct),
      comparisonOfComparison: cf && ct ? compareBy(comparison, compared.rule) : compared.comparisonOfComparison,
    },
  };
}

export function parseKpiParams(params: RawParams, now: Date = clockNow()): KpiParams {
  const r = safeParseKpiParams(params, now);
  if (!r.success) throw r.error;
  return r.data;
}

/** The issues of a refused link in words, field first ("from: Not a date: use YYYY-MM-DD …"). */
export function describeParamsError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'period'}: ${i.message}`).join('; ');
}

/** Search params for a period and filters (the inverse of parseKpiParams), for links and bookmarks. */
export function kpiParamsToSearch(p: { period?: Period; preset?: PeriodPreset | null; filters?: KpiFilters; compare?: CompareMode }): URLSearchParams {
  const s = new URLSearchParams();
  if (p.preset) s.set('preset', p.preset);
  else if (p.period) {
    s.set('from', toDateParam(p.period.from));
    s.set('to', toDateParam(p.period.to));
  }
  if (p.compare === 'year') s.set('compare', 'year');
  for (const [k, v] of Object.entries(cleanFilters(p.filters ?? {}))) s.set(k, v);
  return s;
}
