// Which teams and owners a viewer may choose in the filter bar: the same scope authorizeView accepts
// (a member themselves and their team, a manager their teams and those teams' members, an admin all).
import { sql } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { intList } from './ownership';
import { viewableTeamIds } from './records';
import type { SessionUser } from './roles';

/** `team`: an owner's team name, so the owner choices can follow the chosen team. */
export interface ScopeChoice { value: string; label: string; team?: string | null }

export async function scopeChoices(db: QueryDb, viewer: SessionUser): Promise<{ team: ScopeChoice[]; owner: ScopeChoice[] }> {
  const teamIds = viewableTeamIds(viewer);
  const idList = teamIds ? intList(teamIds.length ? teamIds : [-1]) : null;
  const ownerColumns = sql`u.email, u.name, t.name as team from users u left join teams t on t.id = u.team_id`;
  const [teams, owners] = await Promise.all([
    queryRows<{ name: string }>(db, idList
      ? sql`select name from teams where id in (${idList}) order by name`
      : sql`select name from teams order by name`),
    queryRows<{ email: string; name: string; team: string | null }>(db, viewer.role === 'member'
      ? sql`select ${ownerColumns} where u.id = ${viewer.id}`
      : idList
        ? sql`select ${ownerColumns} where u.team_id in (${idList}) or u.id = ${viewer.id} order by u.name`
        : sql`select ${ownerColumns} order by u.name`),
  ]);
  return {
    team: teams.map((t) => ({ value: t.name, label: t.name })),
    owner: owners.map((o) => ({ value: o.email, label: `${o.name} (${o.email})`, team: o.team })),
  };
}
