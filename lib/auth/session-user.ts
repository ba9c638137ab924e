// Turning a session token into the current user, from the database, on every request. A JWT alone
// would keep a deactivated or demoted user signed in until it expires; reloading makes the change
// effective at the next request. Pure over its `db` parameter so it is tested without Next.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { Department, Role } from '@/db/schema/enums';
import type { SessionUser } from '@/lib/access';

/** What the JWT carries (see options.ts callbacks). */
export interface SessionClaims {
  uid: number;
  /** users.session_version when the token was issued. */
  sv: number;
}

export function readClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const uid = Number(token.uid);
  const sv = Number(token.sv);
  if (!Number.isInteger(uid) || uid <= 0 || !Number.isInteger(sv)) return null;
  return { uid, sv };
}

interface Row {
  id: number;
  email: string;
  name: string;
  role: string;
  department: string | null;
  team_id: number | null;
  active: boolean;
  session_version: number;
  managed: number[] | string | null;
}

/** Postgres arrays come back as JS arrays from both drivers; parse the text form just in case. */
function toIds(v: Row['managed']): number[] {
  if (v == null) return [];
  const list = Array.isArray(v) ? v : String(v).replace(/[{}]/g, '').split(',').filter(Boolean);
  return list.map(Number).filter(Number.isInteger);
}

/** The user behind the claims, or null when missing, deactivated, or the session version moved on. */
export async function loadSessionUser(db: Pick<Db, 'execute'>, claims: SessionClaims): Promise<SessionUser | null> {
  const [row] = await queryRows<Row>(db, sql`
    select u.id, u.email, u.name, u.role, u.department, u.team_id, u.active, u.session_version,
           array(select tm.team_id from team_managers tm where tm.user_id = u.id order by tm.team_id) as managed
    from users u
    where u.id = ${claims.uid}`);
  if (!row || !row.active || Number(row.session_version) !== claims.sv) return null;

  const role = row.role as Role;
  const teamId = row.team_id == null ? null : Number(row.team_id);
  let managedTeamIds: number[] = [];
  if (role !== 'member') {
    const ids = new Set(toIds(row.managed));
    // A manager runs their own team even without a team_managers row.
    if (role === 'manager' && teamId != null) ids.add(teamId);
    managedTeamIds = [...ids].sort((a, b) => a - b);
  }
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    role,
    department: row.department as Department | null,
    teamId,
    managedTeamIds,
  };
}
