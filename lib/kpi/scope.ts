// Who may see which numbers and which records (product.md's role matrix), inside the engine so no
// page can forget it. Aggregates: authorizeFilters turns a request into filters the viewer may see
// (or refuses it). Drill-downs: scopeCondition restricts rows to the viewer's records, whatever filters.
// A member's two views (their own numbers by default, their team's with `view=team`) are decided here
// too: the default filter of the view, and a read scope that opens the team's records read-only.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { MemberView, RecordAccess, SessionUser } from '@/lib/access';
import { recordScope } from '@/lib/access';
import type { QueryDb } from '@/db/client';
import { cleanFilters } from './filters';
import { ownerIn, type SourceDef } from './sql/sources';
import type { KpiFilters } from './types';

/** The viewer asked for numbers or records outside their scope. Pages answer 403. */
export class KpiForbiddenError extends Error {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'KpiForbiddenError';
  }
}

interface TeamRow { id: number; name: string }
interface UserRow { id: number; email: string; team_id: number | null }

/**
 * The filters `viewer` gets for `filters`: a member sees their own numbers or their own team's
 * (default: their own, or their team's when `view` is 'team'); a manager their teams' or any of their
 * members' (default: their own team if they manage it, else the first team they manage); an admin
 * anything (default: the whole company). Names are resolved case-insensitively and returned as stored.
 * Throws KpiForbiddenError for a team or owner out of scope (or unknown, for non-admins).
 */
export async function authorizeFilters(db: QueryDb, viewer: SessionUser, filters: KpiFilters, view: MemberView = 'mine'): Promise<KpiFilters> {
  const f = cleanFilters(filters);
  if (viewer.role === 'admin') return f;
  const teamIds = viewer.role === 'manager' ? viewer.managedTeamIds : viewer.teamId != null ? [viewer.teamId] : [];
  const out: KpiFilters = { ...f };
  if (f.team) {
    const [team] = await queryRows<TeamRow>(db, sql`select id, name from teams where lower(name) = lower(${f.team})`);
    if (!team || !teamIds.includes(team.id)) throw new KpiForbiddenError(`You may not view team "${f.team}".`);
    out.team = team.name;
  }
  if (f.owner) {
    const [user] = await queryRows<UserRow>(db, sql`select id, email, team_id from users where lower(email) = lower(${f.owner})`);
    const allowed = user && (user.id === viewer.id || (viewer.role === 'manager' && user.team_id != null && teamIds.includes(user.team_id)));
    if (!allowed) throw new KpiForbiddenError(`You may not view the numbers of ${f.owner}.`);
    out.owner = user.email;
  }
  if (!out.team && !out.owner) {
    // A member's dashboard opens on their own numbers: the drill-down then lists exactly their records.
    if (viewer.role === 'member' && view === 'mine') return { ...out, owner: viewer.email };
    const teamId = viewer.teamId != null && teamIds.includes(viewer.teamId) ? viewer.teamId : teamIds[0];
    if (teamId == null) {
      out.owner = viewer.email;
    } else {
      const [team] = await queryRows<TeamRow>(db, sql`select id, name from teams where id = ${teamId}`);
      if (team) out.team = team.name;
      else out.owner = viewer.email;
    }
  }
  return out;
}

/**
 * Rows of `src` the viewer may open (`access` 'read': drill-downs, exports, record pages) or edit
 * ('write', the default: forms and writes): an admin all; a manager those owned by members of their
 * teams and their own; a member their own, and for reading also their team's (recordScope). Records
 * without an owner (and kinds without owners: campaigns, expenses) are for admins only.
 */
export function scopeCondition(src: SourceDef, viewer: SessionUser, access: RecordAccess = 'write'): SQL {
  const scope = recordScope(viewer, access);
  if (scope.kind === 'all') return sql`true`;
  if (!src.owner && !src.ownerViaAccount) return sql`false`;
  if (scope.kind === 'owner') return ownerIn(src, sql`select ${scope.userId}::int`);
  const teams = scope.teamIds.length
    ? sql`select su.id from users su where su.team_id in (${sql.join(scope.teamIds.map((id) => sql`${id}::int`), sql`, `)}) or su.id = ${scope.userId}::int`
    : sql`select ${scope.userId}::int`;
  return ownerIn(src, teams);
}
