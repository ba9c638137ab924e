// What a dashboard or KPI page shows for a request: the department, the period and the filters the
// viewer is allowed (lib/kpi/scope decides; a filter out of scope is refused, never widened).
import 'server-only';
import { forbidden } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { DEPARTMENTS, type Department } from '@/db/schema/enums';
import { can, type SessionUser } from '@/lib/auth/permissions';
import {
  KpiForbiddenError, authorizeFilters, cleanFilters, presetPeriod, safeParseKpiParams,
  type KpiFilters, type Period, type PeriodPreset,
} from '@/lib/kpi';

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Dashboards open on the last 12 months: whole months that end with the current one, so trends have
 * a dozen points and the comparison is against the 12 months before (a partial "this month" compared
 * with a whole previous month would read as a fall every morning).
 */
export const DASHBOARD_DEFAULT_PRESET: PeriodPreset = 'last_12_months';

export interface DashboardView {
  department: Department;
  /** The department the URL asked for (kept in links), null when it is the viewer's default. */
  deptParam: Department | null;
  period: Period;
  preset: PeriodPreset | null;
  /** What the user asked for (the URL), cleaned. */
  requested: KpiFilters;
  /** What the numbers are computed with: requested plus the viewer's default scope. */
  filters: KpiFilters;
  /** A message when the URL held something invalid (then defaults were used). */
  problem: string | null;
}

export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function defaultDepartment(user: SessionUser): Department {
  return user.department ?? 'executive';
}

export function departmentFor(user: SessionUser, requested: string | undefined): Department {
  if (requested && can(user, 'dashboard.viewAs') && (DEPARTMENTS as readonly string[]).includes(requested)) {
    return requested as Department;
  }
  return defaultDepartment(user);
}

/** The params with the dashboards' default period when the URL names none. */
export function withDefaultPeriod(params: SearchParams): SearchParams {
  if (first(params.preset) || first(params.from) || first(params.to)) return params;
  return { ...params, preset: DASHBOARD_DEFAULT_PRESET };
}

/** Resolves the view; a team or owner the viewer may not see gives the 403 page. */
export async function resolveView(user: SessionUser, raw: SearchParams, now = new Date()): Promise<DashboardView> {
  const params = withDefaultPeriod(raw);
  const department = departmentFor(user, first(params.dept));
  const deptParam = department !== defaultDepartment(user) ? department : null;
  const parsed = safeParseKpiParams(params, now);
  let problem: string | null = null;
  let period = presetPeriod(DASHBOARD_DEFAULT_PRESET, now);
  let preset: PeriodPreset | null = DASHBOARD_DEFAULT_PRESET;
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
  return { department, deptParam, period, preset, requested, filters, problem };
}

/** The search string of a view, for links that keep the department, period and filters. */
export function viewSearch(view: Pick<DashboardView, 'period' | 'preset' | 'requested'> & { deptParam?: Department | null }, extra: Record<string, string | undefined | null> = {}): string {
  const p = new URLSearchParams();
  if (view.deptParam) p.set('dept', view.deptParam);
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

/** A view's stable identity, for Suspense keys (a new view shows the skeleton again). */
export function viewKey(view: DashboardView): string {
  return JSON.stringify([view.department, view.period.from, view.period.to, view.filters]);
}
