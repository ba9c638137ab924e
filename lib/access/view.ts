// The numbers a viewer may see. Resolving a request (the filters of a URL, a goal's scope, a CLI's
// arguments) gives an AuthorizedView: a branded, frozen value only this module makes, which every
// aggregate of the KPI engine (values, series, breakdowns, drill-downs, exports, goal progress)
// requires. A page cannot hand the engine raw filters: the type system refuses them, and the engine
// checks at run time that the view was issued here (assertAuthorized).
import { sql } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import type { KpiFilters } from '@/lib/kpi/types';
import { cleanFilters } from '@/lib/kpi/filters';
import { recordScope, viewableTeamIds, type MemberView } from './records';
import type { SessionUser } from './roles';

declare const AUTHORIZED: unique symbol;

/**
 * The filters SQL applies: the team and owner by id (0 when an admin names one that does not exist,
 * which no row matches), the free-text dimensions as given.
 */
export type RowFilters = Omit<KpiFilters, 'team' | 'owner'> & { teamId?: number; ownerId?: number };

export interface AuthorizedView {
  readonly [AUTHORIZED]: true;
  /** Whose view it is: drill-downs list only the records this viewer may open. Null for trusted tooling. */
  readonly viewer: SessionUser | null;
  /** The filters as people read them (team name, owner e-mail as stored), for labels and links. */
  readonly filters: Readonly<KpiFilters>;
  /** The same filters as SQL applies them. */
  readonly rows: Readonly<RowFilters>;
}

/** The viewer asked for numbers or records outside their scope. Pages answer 403. */
export class KpiForbiddenError extends Error {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'KpiForbiddenError';
  }
}

const issued = new WeakSet<object>();

function issue(viewer: SessionUser | null, filters: KpiFilters, ids: { teamId?: number; ownerId?: number }): AuthorizedView {
  const { team: _t, owner: _o, ...attributes } = filters;
  const rows: RowFilters = { ...attributes, ...(ids.teamId != null ? { teamId: ids.teamId } : {}), ...(ids.ownerId != null ? { ownerId: ids.ownerId } : {}) };
  const view = { viewer, filters: Object.freeze({ ...filters }), rows: Object.freeze(rows) };
  // Results are shared between viewers with the same filters (the KPI result cache keys on JSON): the
  // viewer is not part of what an aggregate depends on.
  Object.defineProperty(view, 'toJSON', { value: () => ({ rows: view.rows }), enumerable: false });
  Object.freeze(view);
  issued.add(view);
  return view as unknown as AuthorizedView;
}

/** Throws unless `view` was made by this module (a cast cannot forge one). */
export function assertAuthorized(view: AuthorizedView): void {
  if (typeof view !== 'object' || view === null || !issued.has(view)) throw new KpiForbiddenError('Not an authorized view');
}

/** The SQL filters of a view, after checking it was issued here: what every aggregate reads. */
export function authorizedRows(view: AuthorizedView): RowFilters {
  assertAuthorized(view);
  return view.rows;
}

/**
 * Whether the view's owner and team filters keep only people whose records its viewer may open: the
 * viewer themself, or a team of their read scope (lib/access/records recordScope), or no viewer to
 * limit (tooling; an admin's scope is everything). A drill-down of a kind the filters apply to can
 * then leave the read scope's condition out: it is the same ownership test over a wider set of users,
 * and at medium scale it doubled the time of a survey response list.
 */
export function filtersWithinReadScope(view: AuthorizedView): boolean {
  assertAuthorized(view);
  const { viewer, rows } = view;
  if (!viewer) return true;
  const scope = recordScope(viewer, 'read');
  if (scope.kind === 'all') return true;
  if (rows.ownerId != null && rows.ownerId === viewer.id) return true;
  return scope.kind === 'teams' && rows.teamId != null && scope.teamIds.includes(rows.teamId);
}

interface TeamRow { id: number; name: string }
interface UserRow { id: number; email: string; team_id: number | null }

const findTeam = async (db: QueryDb, name: string) =>
  (await queryRows<TeamRow>(db, sql`select id, name from teams where lower(name) = lower(${name})`))[0];
const findUser = async (db: QueryDb, email: string) =>
  (await queryRows<UserRow>(db, sql`select id, email, team_id from users where lower(email) = lower(${email})`))[0];

/**
 * The view `viewer` gets for `requested`: a member sees their own numbers or their own team's
 * (default: their own, or their team's when `memberView` is 'team'); a manager their teams' or any of
 * their members' (default: their own team if they manage it, else the first team they manage); an
 * admin anything (default: the whole company). Names are resolved case-insensitively and kept as
 * stored. Throws KpiForbiddenError for a team or owner out of scope (or unknown, for non-admins).
 */
export async function authorizeView(db: QueryDb, viewer: SessionUser, requested: KpiFilters, memberView: MemberView = 'mine'): Promise<AuthorizedView> {
  const f = cleanFilters(requested);
  const teamIds = viewableTeamIds(viewer);
  const out: KpiFilters = { ...f };
  const ids: { teamId?: number; ownerId?: number } = {};
  if (f.team) {
    const team = await findTeam(db, f.team);
    if (teamIds && (!team || !teamIds.includes(team.id))) throw new KpiForbiddenError(`You may not view team "${f.team}".`);
    if (team) out.team = team.name;
    ids.teamId = team?.id ?? 0;
  }
  if (f.owner) {
    const user = await findUser(db, f.owner);
    const allowed = !teamIds || (user && (user.id === viewer.id || (viewer.role === 'manager' && user.team_id != null && teamIds.includes(user.team_id))));
    if (!allowed) throw new KpiForbiddenError(`You may not view the numbers of ${f.owner}.`);
    if (user) out.owner = user.email;
    ids.ownerId = user?.id ?? 0;
  }
  if (teamIds && !out.team && !out.owner) {
    const teamId = viewer.teamId != null && teamIds.includes(viewer.teamId) ? viewer.teamId : teamIds[0];
    // A member's dashboard opens on their own numbers: the drill-down then lists exactly their records.
    const team = viewer.role === 'member' && memberView === 'mine' || teamId == null ? undefined
      : (await queryRows<TeamRow>(db, sql`select id, name from teams where id = ${teamId}`))[0];
    if (team) {
      out.team = team.name;
      ids.teamId = team.id;
    } else {
      out.owner = viewer.email;
      ids.ownerId = viewer.id;
    }
  }
  return issue(viewer, out, ids);
}

/**
 * A view for trusted tooling that already holds the database (the CLI, the seed, benchmarks, tests):
 * the filters as given, names resolved (unknown ones match nothing), no viewer and so no record scope.
 * Never called from app/ (tests/architecture.test.ts checks it).
 */
export async function trustedView(db: QueryDb, filters: KpiFilters = {}): Promise<AuthorizedView> {
  const f = cleanFilters(filters);
  const out: KpiFilters = { ...f };
  const ids: { teamId?: number; ownerId?: number } = {};
  if (f.team) {
    const team = await findTeam(db, f.team);
    if (team) out.team = team.name;
    ids.teamId = team?.id ?? 0;
  }
  if (f.owner) {
    const user = await findUser(db, f.owner);
    if (user) out.owner = user.email;
    ids.ownerId = user?.id ?? 0;
  }
  return issue(null, out, ids);
}

/** A goal's scope as the engine measures it: a team or a member, by id, with the goal's own filters. */
export interface GoalScope {
  scope: string;
  scopeTeamId: number | null;
  scopeTeamName: string | null;
  scopeUserId: number | null;
  scopeUserEmail: string | null;
  filters: Record<string, string>;
}

/**
 * The numbers of a goal the viewer sees (lib/access/goals decides which goals those are): the goal's
 * team or member, whoever looks, so everyone who sees a goal sees the same progress. The caller has the
 * goal from visibleGoals(viewer) or checks mayManageGoal before measuring a proposed one.
 */
export function goalView(viewer: SessionUser | null, goal: GoalScope): AuthorizedView {
  const out: KpiFilters = cleanFilters({ ...goal.filters, team: undefined, owner: undefined });
  const ids: { teamId?: number; ownerId?: number } = {};
  if (goal.scope === 'team' && goal.scopeTeamId != null) {
    ids.teamId = goal.scopeTeamId;
    if (goal.scopeTeamName) out.team = goal.scopeTeamName;
  }
  if (goal.scope === 'user' && goal.scopeUserId != null) {
    ids.ownerId = goal.scopeUserId;
    if (goal.scopeUserEmail) out.owner = goal.scopeUserEmail;
  }
  return issue(viewer, out, ids);
}
