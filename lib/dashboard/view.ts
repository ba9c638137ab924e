// What a dashboard or KPI page shows for a request: the department, the period and the filters the
// viewer is allowed (lib/kpi/scope decides; a filter out of scope is refused, never widened).
import 'server-only';
import { forbidden } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { DEPARTMENTS, type Department } from '@/db/schema/enums';
import { can, type SessionUser } from '@/lib/auth/permissions';
import {
  DEFAULT_PRESET, KpiForbiddenError, authorizeFilters, cleanFilters, presetPeriod, safeParseKpiParams,
  type KpiFilters, type Period, type PeriodPreset,
} from '@/lib/kpi';

export type SearchParams = Record<string, string | string[] | undefined>;

export interface DashboardView {
  department: Department;
  period: Period;
  preset: PeriodPreset | null;
  /** What the user asked for (the URL), cleaned. */
  requested: KpiFilters;
  /** What the numbers are computed with: requested plus the viewer's default scope. */
  filters: KpiFilters;
  /** A message when the URL held something invalid (then defaults were used). */
  problem: string | null;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function departmentFor(user: SessionUser, requested: string | undefined): Department {
  if (requested && can(user, 'dashboard.viewAs') && (DEPARTMENTS as readonly string[]).includes(requested)) {
    return requested as Department;
  }
  return user.department ?? 'executive';
}

/** Resolves the view; a team or owner the viewer may not see gives the 403 page. */
export async function resolveView(user: SessionUser, params: SearchParams, now = new Date()): Promise<DashboardView> {
  const department = departmentFor(user, first(params.dept));
  const parsed = safeParseKpiParams(params, now);
  let problem: string | null = null;
  let period = presetPeriod(DEFAULT_PRESET, now);
  let preset: PeriodPreset | null = DEFAULT_PRESET;
  let requested: KpiFilters = {};
  if (parsed.success) {
    ({ period, preset } = parsed.data);
    requested = cleanFilters(parsed.data.filters);
  } else {
    problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'period'}: ${i.message}`).join('; ');
  }
  let filters: KpiFilters;
  try {
    filters = await authorizeFilters(await getReadDb(), user, requested);
  } catch (err) {
    if (err instanceof KpiForbiddenError) forbidden();
    throw err;
  }
  return { department, period, preset, requested, filters, problem };
}

/** The search string of a view, for links that keep the period and filters. */
export function viewSearch(view: Pick<DashboardView, 'period' | 'preset' | 'requested'>, extra: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams();
  if (view.preset) p.set('preset', view.preset);
  else {
    p.set('from', view.period.from.toISOString().slice(0, 10));
    p.set('to', view.period.to.toISOString().slice(0, 10));
  }
  for (const [k, v] of Object.entries(view.requested)) if (v) p.set(k, v);
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v); else p.delete(k);
  const s = p.toString();
  return s ? `?${s}` : '';
}
