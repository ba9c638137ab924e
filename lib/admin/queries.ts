// Read side of the admin pages: users with filters, teams with managers and members. Each page has one
// (db, viewer, input) entry that checks the admin permission (usersPage, teamsPage, userEditor).
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teamManagers, teams, users } from '@/db/schema';
import { assertCan, type SessionUser } from '@/lib/access';

export interface UserFilters { q?: string; role?: string; department?: string; teamId?: number; active?: 'true' | 'false' }

interface UserListRow {
  id: number; email: string; name: string; role: string; department: string | null;
  teamId: number | null; teamName: string | null; active: boolean;
}

async function listUsers(db: Db, f: UserFilters, limit = 500): Promise<UserListRow[]> {
  const conds: (SQL | undefined)[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.name, like), ilike(users.email, like)));
  }
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.department) conds.push(eq(users.department, f.department));
  if (f.teamId) conds.push(eq(users.teamId, f.teamId));
  if (f.active) conds.push(eq(users.active, f.active === 'true'));
  return db.select({
    id: users.id, email: users.email, name: users.name, role: users.role, department: users.department,
    teamId: users.teamId, teamName: teams.name, active: users.active,
  }).from(users).leftJoin(teams, eq(teams.id, users.teamId)).where(and(...conds)).orderBy(asc(users.name)).limit(limit);
}

async function listTeamOptions(db: Db): Promise<{ id: number; name: string }[]> {
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
}

export interface TeamRow { id: number; name: string; managerIds: number[]; members: { id: number; name: string; role: string; active: boolean }[] }

async function listTeams(db: Db): Promise<TeamRow[]> {
  const list = await listTeamOptions(db);
  const mgrs = await db.select().from(teamManagers);
  const members = await db.select({ id: users.id, name: users.name, role: users.role, active: users.active, teamId: users.teamId })
    .from(users).where(sql`${users.teamId} is not null`).orderBy(asc(users.name));
  return list.map((t) => ({
    ...t,
    managerIds: mgrs.filter((m) => m.teamId === t.id).map((m) => m.userId),
    members: members.filter((m) => m.teamId === t.id).map(({ teamId: _t, ...m }) => m),
  }));
}

async function listManagerCandidates(db: Db): Promise<{ id: number; name: string; email: string }[]> {
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users)
    .where(and(sql`${users.role} in ('manager', 'admin')`, eq(users.active, true))).orderBy(asc(users.name));
}

/** The users page: the users matching the filters and the team choices of its filter. Admins only. */
export async function usersPage(db: Db, viewer: SessionUser, f: UserFilters): Promise<{ rows: UserListRow[]; teams: { id: number; name: string }[] }> {
  assertCan(viewer, 'admin.users');
  const [rows, teams] = await Promise.all([listUsers(db, f), listTeamOptions(db)]);
  return { rows, teams };
}

/** The teams page: every team with its managers and members, and who may be made a manager. Admins only. */
export async function teamsPage(db: Db, viewer: SessionUser): Promise<{ teams: TeamRow[]; candidates: { id: number; name: string; email: string }[] }> {
  assertCan(viewer, 'admin.teams');
  const [teams, candidates] = await Promise.all([listTeams(db), listManagerCandidates(db)]);
  return { teams, candidates };
}

export interface EditableUser {
  id: number; name: string; email: string; role: string; department: string | null; teamId: number | null; active: boolean;
}

/** The user page's data (the user and the team choices), or null for no such user. Admins only. */
export async function userEditor(db: Db, viewer: SessionUser, input: { id: number }): Promise<{ user: EditableUser; teams: { id: number; name: string }[] } | null> {
  assertCan(viewer, 'admin.users');
  const [user] = await db.select({
    id: users.id, name: users.name, email: users.email, role: users.role, department: users.department, teamId: users.teamId, active: users.active,
  }).from(users).where(eq(users.id, input.id));
  if (!user) return null;
  return { user, teams: await listTeamOptions(db) };
}
