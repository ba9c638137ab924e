// The one view resolver: what a dashboard, a KPI page or an export shows for a request's URL — the
// department, the period and its comparison, and the AuthorizedView of the filters (lib/access decides;
// a filter out of scope is refused with KpiForbiddenError, never widened).
import { z } from 'zod';
import type { QueryDb } from '@/db/client';
import { DEPARTMENTS, type Department } from '@/db/schema/enums';
import { authorizeView, can, hasMemberViews, type AuthorizedView, type MemberView, type SessionUser } from '@/lib/access';
import { now as clockNow } from '@/lib/clock';
import { firstParam } from '@/lib/validation/params';
import { departmentRefusal } from './refusals';
import { cleanFilters, describeParamsError, safeParseKpiParams } from './filters';
import { comparedPeriod, presetPeriod, type Bucket, type CompareMode, type CompareRule, type PeriodPreset } from './periods';
import type { KpiFilters, Period } from './types';

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Dashboards open on the last 12 complete months (the current month left out), compared with the 12
 * before: a year of whole months, so trends have a dozen complete points and nothing partial is
 * compared with anything whole. The to-date presets compare like for like (lib/kpi/periods).
 */
const DASHBOARD_DEFAULT_PRESET: PeriodPreset = 'last_12_months';

export interface DashboardView {
  department: Department;
  /** The department the URL asked for (kept in links), null when it is the viewer's default. */
  deptParam: Department | null;
  period: Period;
  preset: PeriodPreset | null;
  /** What every previous value, change and growth KPI is computed against (lib/kpi/periods). */
  comparison: Period;
  comparisonOfComparison: Period;
  compare: CompareMode;
  /** How the comparison follows from the period (trend buckets compare by the same rule). */
  rule: CompareRule;
  /** The link named the comparison period explicitly (kept in links). */
  comparisonNamed: boolean;
  /** A trend bucket the link asked for (already checked against the period), or null. */
  bucket: Bucket | null;
  /** What the user asked for (the URL), cleaned. */
  requested: KpiFilters;
  /** What the numbers are computed with: requested plus the viewer's default scope, as people read it. */
  filters: KpiFilters;
  /** The same, authorized: what the engine takes. */
  access: AuthorizedView;
  /** A message when the URL held something invalid (then defaults were used). */
  problem: string | null;
  /** The link's `dept` was not followed: what was refused and why (lib/kpi/refusals). */
  refused: string | null;
  /** A member's view ('mine' by default, 'team' with `view=team`); null for managers and admins. */
  memberView: MemberView | null;
}


function defaultDepartment(user: SessionUser): Department {
  return user.department ?? 'executive';
}

function departmentFor(user: SessionUser, requested: string | undefined): Department {
  if (requested && can(user, 'dashboard.viewAs') && (DEPARTMENTS as readonly string[]).includes(requested)) {
    return requested as Department;
  }
  return defaultDepartment(user);
}

/** The params with the dashboards' default period when the URL names none. */
export function withDefaultPeriod(params: SearchParams): SearchParams {
  if (firstParam(params.preset) || firstParam(params.from) || firstParam(params.to) || firstParam(params.through)) return params;
  return { ...params, preset: DASHBOARD_DEFAULT_PRESET };
}

const memberViewSchema = z.enum(['mine', 'team']).optional();

/**
 * `view=team` in the URL: a member's team view (lib/access/view decides what it opens); 'mine' without
 * it. Null for managers and admins, who have one view. An invalid value is reported and gives 'mine'.
 */
export function memberViewParam(user: SessionUser, raw: string | undefined): { view: MemberView | null; problem: string | null } {
  const parsed = memberViewSchema.safeParse(raw);
  const problem = parsed.success ? null : `view: "${String(raw).slice(0, 20)}" is not "mine" or "team"`;
  if (!hasMemberViews(user)) return { view: null, problem: null };
  return { view: parsed.success ? parsed.data ?? 'mine' : 'mine', problem };
}

/**
 * Resolves the view. An invalid parameter gives the defaults and `problem` (pages show it, the export
 * answers 400); a team or owner the viewer may not see throws KpiForbiddenError (pages answer 403).
 */
export async function resolveView(db: QueryDb, user: SessionUser, raw: SearchParams, now = clockNow()): Promise<DashboardView> {
  const params = withDefaultPeriod(raw);
  const department = departmentFor(user, firstParam(params.dept));
  const deptParam = department !== defaultDepartment(user) ? department : null;
  const parsed = safeParseKpiParams(params, now);
  let problem: string | null = null;
  const fallback = comparedPeriod(presetPeriod(DASHBOARD_DEFAULT_PRESET, now), DASHBOARD_DEFAULT_PRESET, 'previous');
  let when = {
    period: fallback.period, preset: DASHBOARD_DEFAULT_PRESET as PeriodPreset | null, comparison: fallback.comparison,
    comparisonOfComparison: fallback.comparisonOfComparison, compare: 'previous' as CompareMode, rule: fallback.rule,
    comparisonNamed: false, bucket: null as Bucket | null,
  };
  let requested: KpiFilters = {};
  if (parsed.success) {
    const { filters: parsedFilters, ...rest } = parsed.data;
    when = rest;
    requested = cleanFilters(parsedFilters);
  } else {
    problem = describeParamsError(parsed.error);
  }
  const mv = memberViewParam(user, firstParam(params.view));
  const memberView = mv.view;
  if (mv.problem) problem = problem ? `${problem}; ${mv.problem}` : mv.problem;
  const access = await authorizeView(db, user, requested, memberView ?? undefined);
  const refused = departmentRefusal(user, firstParam(params.dept), department);
  return { department, deptParam, ...when, requested, filters: { ...access.filters }, access, problem, refused, memberView };
}

/** The search string of a view, for links that keep the department, period and filters. */
export function viewSearch(view: Pick<DashboardView, 'period' | 'preset' | 'requested'> & Partial<Pick<DashboardView, 'compare' | 'comparison' | 'comparisonNamed'>> & { deptParam?: Department | null; memberView?: MemberView | null }, extra: Record<string, string | undefined | null> = {}): string {
  const p = new URLSearchParams();
  if (view.deptParam) p.set('dept', view.deptParam);
  if (view.preset) p.set('preset', view.preset);
  else {
    p.set('from', view.period.from.toISOString().slice(0, 10));
    p.set('to', view.period.to.toISOString().slice(0, 10));
  }
  if (view.comparisonNamed && view.comparison) {
    p.set('compare_from', view.comparison.from.toISOString().slice(0, 10));
    p.set('compare_to', view.comparison.to.toISOString().slice(0, 10));
  } else if (view.compare === 'year') p.set('compare', 'year');
  for (const [k, v] of Object.entries(view.requested)) if (v) p.set(k, v);
  if (view.memberView === 'team') p.set('view', 'team');
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v); else p.delete(k);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A view's stable identity, for Suspense keys (a new view shows the skeleton again). */
export function viewKey(view: DashboardView): string {
  return JSON.stringify([view.department, view.period.from, view.period.to, view.comparison.from, view.comparison.to, view.filters]);
}
