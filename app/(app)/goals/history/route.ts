// JSON for the goal form's "Achievable" panel: the KPI's last 12 whole months for the chosen scope and
// filters, and the proposed baseline (the KPI over the period of the same length before the start).
// Only for users who may set a goal for that scope (a manager for their teams and members).
import { getReadDb } from '@/db/client';
import { can, mayManageGoal } from '@/lib/access';
import { getCurrentUser } from '@/lib/auth/session';
import { monthlyHistory, proposeBaseline, resolveScope, scopeView } from '@/lib/goals/history';
import { getKpi, previousPeriod, toDateParam, type KpiKey } from '@/lib/kpi';
import { GOAL_FILTER_KEYS } from '@/lib/validation/goals';
import { jsonErrors } from '@/lib/route-errors';
import { GOAL_SCOPES } from '@/db/schema/enums';
import { badParamsResponse, dayParam, idParam, oneOfParam, parseParams } from '@/lib/validation/params';

export interface HistoryResponse {
  months: { month: string; value: number | null }[];
  proposedBaseline: number | null;
  /** The period the baseline was computed over, [from, to) as YYYY-MM-DD. */
  baselinePeriod: { from: string; to: string } | null;
}

/** Its parameters; a malformed one is a 400 naming it (a huge id or year 0000 never reaches SQL). */
const PARAMS = {
  scope: oneOfParam(GOAL_SCOPES), team_id: idParam, user_id: idParam, start_date: dayParam, due_date: dayParam,
};

async function get(req: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 });
  if (!can(user, 'goals.write')) return Response.json({ error: 'Forbidden.' }, { status: 403 });
  const q = new URL(req.url).searchParams;
  const kpi = getKpi(q.get('kpi_key') ?? '');
  if (!kpi) return Response.json({ error: 'Unknown KPI.' }, { status: 400 });
  const { values: p, problems } = parseParams(PARAMS, q);
  if (problems.length) return badParamsResponse(problems);
  const db = await getReadDb();
  const scope = await resolveScope(db, { scope: p.scope ?? '', teamId: p.team_id ?? null, userId: p.user_id ?? null });
  if (!scope) return Response.json({ error: 'Choose a team or member.' }, { status: 400 });
  if (!mayManageGoal(user, { scope: scope.scope, teamId: scope.teamId, userTeamId: scope.userTeamId })) {
    return Response.json({ error: 'Forbidden.' }, { status: 403 });
  }
  const filters: Record<string, string> = {};
  for (const k of GOAL_FILTER_KEYS) {
    const v = q.get(`filter_${k}`)?.trim();
    if (v && (kpi.filters as readonly string[]).includes(k)) filters[k] = v.slice(0, 200);
  }
  const view = scopeView(scope, filters); // the viewer manages this scope (checked above)
  const start = p.start_date ?? '';
  const due = p.due_date ?? '';
  const datesOk = start !== '' && due !== '' && start < due;
  const key = kpi.key as KpiKey;
  const [months, proposedBaseline] = await Promise.all([
    monthlyHistory(db, view, key),
    datesOk ? proposeBaseline(db, view, key, start, due) : Promise.resolve(null),
  ]);
  let baselinePeriod: HistoryResponse['baselinePeriod'] = null;
  if (datesOk) {
    const prev = previousPeriod(new Date(`${start}T00:00:00Z`), new Date(`${due}T00:00:00Z`));
    baselinePeriod = { from: toDateParam(prev.from), to: toDateParam(prev.to) };
  }
  const body: HistoryResponse = { months, proposedBaseline, baselinePeriod };
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const GET = jsonErrors(get);
