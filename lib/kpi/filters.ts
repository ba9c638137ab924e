// Filters and period as they travel in URL search params (dashboards, KPI pages, bookmarks) and in
// goals. One zod schema, so pages, goals and the CLI accept exactly the same things.
import { z } from 'zod';
import { FILTER_KEYS, type KpiFilters, type Period } from './types';
import { PERIOD_PRESETS, parseDateParam, presetPeriod, toDateParam, type PeriodPreset } from './periods';

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

const dateValue = z.string().trim().refine((s) => parseDateParam(s) !== null, 'Not a date (YYYY-MM-DD)');

export const kpiParamsSchema = kpiFiltersSchema.extend({
  preset: z.preprocess((v) => (v === '' ? undefined : v), z.enum(PERIOD_PRESETS).optional()),
  from: z.preprocess((v) => (v === '' ? undefined : v), dateValue.optional()),
  to: z.preprocess((v) => (v === '' ? undefined : v), dateValue.optional()),
}).refine((p) => (p.from == null) === (p.to == null), { message: 'Give both from and to', path: ['to'] })
  .refine((p) => p.from == null || p.to == null || parseDateParam(p.from)! < parseDateParam(p.to)!, {
    message: '`to` must be after `from`', path: ['to'],
  });

export interface KpiParams {
  period: Period;
  /** The preset in use, or null for a custom range. */
  preset: PeriodPreset | null;
  filters: KpiFilters;
}

export const DEFAULT_PRESET: PeriodPreset = 'this_month';

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
 * Period and filters from search params. `from`/`to` (YYYY-MM-DD, `to` exclusive) win over `preset`;
 * with neither, the default preset. Unknown params are ignored.
 */
export function safeParseKpiParams(params: RawParams, now: Date = new Date()):
  { success: true; data: KpiParams } | { success: false; error: z.ZodError } {
  const parsed = kpiParamsSchema.safeParse(toRecord(params));
  if (!parsed.success) return { success: false, error: parsed.error };
  const { preset, from, to, ...filters } = parsed.data;
  const period = from && to
    ? { from: parseDateParam(from)!, to: parseDateParam(to)! }
    : presetPeriod(preset ?? DEFAULT_PRESET, now);
  return { success: true, data: { period, preset: from && to ? null : preset ?? DEFAULT_PRESET, filters: cleanFilters(filters) } };
}

export function parseKpiParams(params: RawParams, now: Date = new Date()): KpiParams {
  const r = safeParseKpiParams(params, now);
  if (!r.success) throw r.error;
  return r.data;
}

/** Search params for a period and filters (the inverse of parseKpiParams), for links and bookmarks. */
export function kpiParamsToSearch(p: { period?: Period; preset?: PeriodPreset | null; filters?: KpiFilters }): URLSearchParams {
  const s = new URLSearchParams();
  if (p.preset) s.set('preset', p.preset);
  else if (p.period) {
    s.set('from', toDateParam(p.period.from));
    s.set('to', toDateParam(p.period.to));
  }
  for (const [k, v] of Object.entries(cleanFilters(p.filters ?? {}))) s.set(k, v);
  return s;
}
