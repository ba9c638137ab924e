// Team administration: create, rename, set managers. (db, actor, input) returning a WriteResult, like
// lib/admin/users.ts.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teamManagers, teams, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { fieldsRefused, refused, type WriteResult } from '@/lib/write-result';
import { can, type SessionUser } from '@/lib/access';

const TAKEN = fieldsRefused({ name: ['A team with this name already exists.'] });

async function nameTaken(db: Db, name: string, exceptId?: number): Promise<boolean> {
  const rows = await db.select({ id: teams.id }).from(teams)
    .where(and(sql`lower(${teams.name}) = lower(${name})`, exceptId ? ne(teams.id, exceptId) : undefined));
  return rows.length > 0;
}

export async function createTeam(db: Db, actor: SessionUser, input: { name: string }): Promise<WriteResult> {
  if (!can(actor, 'admin.teams')) return refused();
  if (await nameTaken(db, input.name)) return TAKEN;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(teams).values({ name: input.name }).returning();
    await writeAudit(tx, { userId: actor.id, action: 'create', entity: 'teams', entityId: row.id, after: { name: row.name } });
    return { ok: true, id: row.id, message: `Team ${row.name} created.` };
  });
}

export async function renameTeam(db: Db, actor: SessionUser, input: { id: number; name: string }): Promise<WriteResult> {
  if (!can(actor, 'admin.teams')) return refused();
  if (await nameTaken(db, input.name, input.id)) return TAKEN;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, input.id));
    if (!before) return { ok: false, error: 'No such team.' };
    await tx.update(teams).set({ name: input.name }).where(eq(teams.id, input.id));
    await writeAudit(tx, { userId: actor.id, action: 'rename', entity: 'teams', entityId: input.id, before: { name: before.name }, after: { name: input.name } });
    return { ok: true, id: input.id, message: `Team renamed to ${input.name}.` };
  });
}

/** Replaces the team's managers. Only managers and admins may manage a team (a member cannot). */
export async function setTeamManagers(db: Db, actor: SessionUser, input: { id: number; managerIds: number[] }): Promise<WriteResult> {
  if (!can(actor, 'admin.teams')) return refused();
  const ids = [...new Set(input.managerIds)].sort((a, b) => a - b);
  if (ids.length) {
    const found = await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, ids));
    if (found.length !== ids.length || found.some((u) => u.role === 'member')) {
      return fieldsRefused({ managerIds: ['Managers must be existing users with the manager or admin role.'] });
    }
  }
  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, input.id));
    if (!team) return { ok: false, error: 'No such team.' };
    const before = (await tx.select({ id: teamManagers.userId }).from(teamManagers).where(eq(teamManagers.teamId, input.id))).map((r) => r.id).sort((a, b) => a - b);
    await tx.delete(teamManagers).where(eq(teamManagers.teamId, input.id));
    if (ids.length) await tx.insert(teamManagers).values(ids.map((userId) => ({ teamId: input.id, userId })));
    await writeAudit(tx, { userId: actor.id, action: 'set_managers', entity: 'teams', entityId: input.id, before: { managerIds: before }, after: { managerIds: ids } });
    return { ok: true, id: input.id, message: `Managers of ${team.name} saved.` };
  });
}
