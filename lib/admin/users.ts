// User administration: (db, actor, input) functions returning a WriteResult (lib/write-result), called
// by thin 'use server' wrappers and tested directly. Each checks the admin permission itself, writes its
// change and an audit row (before/after) in one transaction, and bumps session_version where an
// existing session must stop (deactivation, role change, password reset): lib/auth/session-user.ts
// refuses a stale version at the next request.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { teams, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { can, type SessionUser } from '@/lib/access';
import { hashPassword } from '@/lib/auth/password';
import { fieldsRefused, refused, type WriteResult } from '@/lib/write-result';
import type { CreateUserInput, ResetPasswordInput, UpdateUserInput } from './schemas';
import { issuePasswordToken, setPasswordPath } from './tokens';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** `link`: the one-time set-password path, when the admin chose to send one. */
export type AdminResult = WriteResult<{ link?: string }>;

export const LAST_ADMIN_MESSAGE = 'This is the last active admin: make another user admin first.';

/** What the audit row shows of a user: never the password hash. */
function auditView(u: typeof users.$inferSelect) {
  return { email: u.email, name: u.name, role: u.role, department: u.department, teamId: u.teamId, active: u.active };
}

async function teamExists(db: Db | Tx, id: number | null): Promise<boolean> {
  if (id == null) return true;
  return (await db.select({ id: teams.id }).from(teams).where(eq(teams.id, id))).length > 0;
}

/**
 * Locks every active admin row (FOR UPDATE) so two concurrent demotions cannot both see "another
 * admin remains"; returns true when `userId` is the only one left.
 */
async function isLastActiveAdmin(tx: Tx, userId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(tx, sql`
    select id from users where role = 'admin' and active order by id for update`);
  const ids = rows.map((r) => Number(r.id));
  return ids.length === 1 && ids[0] === userId;
}

export async function createUser(db: Db, actor: SessionUser, input: CreateUserInput, now: Date = new Date()): Promise<AdminResult> {
  if (!can(actor, 'admin.users')) return refused();
  const [dupe] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (dupe) return fieldsRefused({ email: ['A user with this e-mail already exists.'] });
  if (!(await teamExists(db, input.teamId))) return { ok: false, fieldErrors: { teamId: ['Unknown team.'] } };
  const passwordHash = input.passwordMode === 'password' ? await hashPassword(input.password ?? '') : null;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values({
      email: input.email, name: input.name, role: input.role, department: input.department, teamId: input.teamId,
      passwordHash, createdAt: now, updatedAt: now,
    }).returning();
    await writeAudit(tx, { userId: actor.id, action: 'create', entity: 'users', entityId: row.id, after: auditView(row) });
    if (input.passwordMode === 'link') {
      const { token } = await issuePasswordToken(tx, row.id, now);
      return { ok: true, id: row.id, message: `User ${row.email} created.`, link: setPasswordPath(token) };
    }
    return { ok: true, id: row.id, message: `User ${row.email} created.` };
  });
}

export async function updateUser(db: Db, actor: SessionUser, input: UpdateUserInput): Promise<AdminResult> {
  if (!can(actor, 'admin.users')) return refused();
  if (!(await teamExists(db, input.teamId))) return { ok: false, fieldErrors: { teamId: ['Unknown team.'] } };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.id)).for('update');
    if (!before) return { ok: false, error: 'No such user.' };
    if (before.role === 'admin' && input.role !== 'admin' && before.active && (await isLastActiveAdmin(tx, before.id))) {
      return { ok: false, error: LAST_ADMIN_MESSAGE };
    }
    const roleChanged = before.role !== input.role;
    const [after] = await tx.update(users).set({
      role: input.role, department: input.department, teamId: input.teamId, updatedAt: new Date(),
      // A role change must reach the open session at once (permissions are reloaded anyway; this also
      // signs out so the new role's landing page is used).
      ...(roleChanged ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    }).where(eq(users.id, input.id)).returning();
    await writeAudit(tx, { userId: actor.id, action: 'update', entity: 'users', entityId: after.id, before: auditView(before), after: auditView(after) });
    return { ok: true, id: after.id, message: `Saved ${after.email}.` };
  });
}

export async function setUserActive(db: Db, actor: SessionUser, input: { id: number; active: boolean }): Promise<AdminResult> {
  if (!can(actor, 'admin.users')) return refused();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.id)).for('update');
    if (!before) return { ok: false, error: 'No such user.' };
    if (before.active === input.active) return { ok: true, id: before.id, message: 'Nothing to change.' };
    if (!input.active && before.role === 'admin' && (await isLastActiveAdmin(tx, before.id))) {
      return { ok: false, error: LAST_ADMIN_MESSAGE };
    }
    const [after] = await tx.update(users).set({
      active: input.active, updatedAt: new Date(),
      // Deactivation: the user's JWT carries the old version, so the next request finds no user.
      sessionVersion: sql`${users.sessionVersion} + 1`,
    }).where(eq(users.id, input.id)).returning();
    await writeAudit(tx, {
      userId: actor.id, action: input.active ? 'reactivate' : 'deactivate', entity: 'users', entityId: after.id,
      before: auditView(before), after: auditView(after),
    });
    return { ok: true, id: after.id, message: `${after.email} ${input.active ? 'reactivated' : 'deactivated'}.` };
  });
}

export async function resetPassword(db: Db, actor: SessionUser, input: ResetPasswordInput, now: Date = new Date()): Promise<AdminResult> {
  if (!can(actor, 'admin.users')) return refused();
  const passwordHash = input.passwordMode === 'password' ? await hashPassword(input.password ?? '') : undefined;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.id)).for('update');
    if (!before) return { ok: false, error: 'No such user.' };
    // Either way the old password and every open session stop working now.
    await tx.update(users).set({
      passwordHash: passwordHash ?? null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now,
    }).where(eq(users.id, input.id));
    await writeAudit(tx, { userId: actor.id, action: 'reset_password', entity: 'users', entityId: before.id, after: { via: input.passwordMode } });
    if (input.passwordMode === 'link') {
      const { token } = await issuePasswordToken(tx, before.id, now);
      return { ok: true, id: before.id, message: `Password reset for ${before.email}.`, link: setPasswordPath(token) };
    }
    return { ok: true, id: before.id, message: `Password set for ${before.email}.` };
  });
}
