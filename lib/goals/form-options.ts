// The choices of the goal form: the teams and members the user may set goals for (a manager their
// teams and those teams' active members, an admin everyone), and who may be made accountable.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { creatableScopes, type SessionUser } from '@/lib/access';
import type { QueryDb } from '@/db/client';

interface TeamOption { id: number; name: string }
interface PersonOption { id: number; name: string; teamId: number | null; teamName: string | null }

export interface GoalFormOptions {
  scopes: ('company' | 'team' | 'user')[];
  teams: TeamOption[];
  /** Members one may set a goal for (also the possible owners, with the user themself). */
  members: PersonOption[];
  owners: PersonOption[];
}

export async function goalFormOptions(db: QueryDb, user: SessionUser): Promise<GoalFormOptions> {
  const all = user.role === 'admin';
  const ids = sql.join((user.managedTeamIds.length ? user.managedTeamIds : [-1]).map((id) => sql`${id}::int`), sql`, `);
  const teams = await queryRows<TeamOption>(db, all
    ? sql`select id, name from teams order by name`
    : sql`select id, name from teams where id in (${ids}) order by name`);
  const people = await queryRows<{ id: number; name: string; team_id: number | null; team_name: string | null }>(db, sql`
    select u.id, u.name, u.team_id, t.name as team_name from users u left join teams t on t.id = u.team_id
    where u.active and (${all ? sql`true` : sql`u.team_id in (${ids}) or u.id = ${user.id}`}) order by u.name`);
  const toOption = (p: (typeof people)[number]): PersonOption => ({ id: p.id, name: p.name, teamId: p.team_id, teamName: p.team_name });
  const members = people.filter((p) => all || (p.team_id != null && user.managedTeamIds.includes(p.team_id))).map(toOption);
  return { scopes: creatableScopes(user), teams, members, owners: people.map(toOption) };
}
