// [ADMIN] User and team mutations: last-admin protection (with the row lock), deactivation stopping
// the session (session_version), one-time set-password links (single use, expiry, hashed), audit rows.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, passwordTokens, teamManagers, teams, users } from '@/db/schema';
import { FORBIDDEN_MESSAGE } from '@/lib/actions/protected-action';
import { createUserSchema } from '@/lib/admin/schemas';
import { createTeam, renameTeam, setTeamManagers } from '@/lib/admin/teams';
import { checkPasswordToken, consumePasswordToken, hashToken } from '@/lib/admin/tokens';
import { createUser, LAST_ADMIN_MESSAGE, resetPassword, setUserActive, updateUser } from '@/lib/admin/users';
import type { SessionUser } from '@/lib/access';
import { verifyPassword } from '@/lib/auth/password';
import { loadSessionUser } from '@/lib/auth/session-user';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';

let h: TestDb;
let admin: SessionUser;
let member: SessionUser;
let teamId: number;

const lastAudit = async (entity: string, entityId: number) =>
  (await h.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId)))).orderBy(desc(auditLog.id)).limit(1))[0];
const userRow = async (id: number) => (await h.db.select().from(users).where(eq(users.id, id)))[0];
const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

beforeAll(async () => {
  h = await createTestDb();
  const [t] = await h.db.insert(teams).values({ name: 'Red' }).returning();
  teamId = t.id;
  const [a, m] = await h.db.insert(users).values([
    { email: 'root@a.test', name: 'Root Admin', role: 'admin', department: 'executive' },
    { email: 'mem@a.test', name: 'Mem Ber', role: 'member', department: 'sales', teamId },
  ]).returning();
  admin = (await loadSessionUser(h.db, { uid: a.id, sv: 0 }))!;
  member = (await loadSessionUser(h.db, { uid: m.id, sv: 0 }))!;
});
afterAll(async () => h?.close());

describe('[ADMIN] users', () => {
  it('creates a user with a one-time link; only the token hash is stored; audit has the after values', async () => {
    const input = createUserSchema.parse({ name: 'New Person', email: 'New@A.test', role: 'member', department: 'support', teamId: String(teamId), passwordMode: 'link' });
    const r = await createUser(h.db, admin, input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.link).toMatch(/^\/set-password\?token=/);
    const token = tokenOf(r.link!);
    const [stored] = await h.db.select().from(passwordTokens).where(eq(passwordTokens.userId, Number(r.id)));
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.tokenHash).not.toContain(token);
    const u = await userRow(Number(r.id));
    expect(u).toMatchObject({ email: 'new@a.test', role: 'member', department: 'support', teamId, passwordHash: null });
    const audit = await lastAudit('users', u.id);
    expect(audit).toMatchObject({ action: 'create', userId: admin.id, before: null });
    expect(audit.after).toEqual({ email: 'new@a.test', name: 'New Person', role: 'member', department: 'support', teamId, active: true });
  });

  it('refuses a duplicate e-mail and a member calling createUser directly', async () => {
    const input = createUserSchema.parse({ name: 'X', email: 'mem@a.test', role: 'member', passwordMode: 'password', password: 'long-enough-pw' });
    const dup = await createUser(h.db, admin, input);
    expect(dup.ok).toBe(false);
    expect(!dup.ok && dup.fieldErrors?.email).toEqual(['A user with this e-mail already exists.']);
    const byMember = await createUser(h.db, member, { ...input, email: 'other@a.test' });
    expect(byMember).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
    expect(await h.db.select().from(users).where(eq(users.email, 'other@a.test'))).toHaveLength(0);
  });

  it('the set-password link works once, then is refused; the password is set and hashed', async () => {
    const r = await resetPassword(h.db, admin, { id: member.id, passwordMode: 'link' });
    const token = tokenOf(r.ok ? r.link! : '');
    expect(await checkPasswordToken(h.db, token)).toMatchObject({ ok: true, userId: member.id });
    expect(await consumePasswordToken(h.db, token, 'a-new-password-1')).toMatchObject({ ok: true });
    expect(await consumePasswordToken(h.db, token, 'another-password')).toEqual({ ok: false, reason: 'used' });
    expect(await verifyPassword((await userRow(member.id)).passwordHash, 'a-new-password-1')).toBe(true);
    expect(await checkPasswordToken(h.db, 'not-a-real-token-at-all-xxxxxxxx')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('an expired link is refused and changes nothing', async () => {
    const issued = new Date('2025-01-01T00:00:00Z');
    const r = await resetPassword(h.db, admin, { id: member.id, passwordMode: 'link' }, issued);
    const token = tokenOf(r.ok ? r.link! : '');
    const hashBefore = (await userRow(member.id)).passwordHash;
    const later = new Date('2025-01-04T00:00:01Z'); // 72 h + 1 s
    expect(await consumePasswordToken(h.db, token, 'too-late-password', later)).toEqual({ ok: false, reason: 'expired' });
    expect((await userRow(member.id)).passwordHash).toBe(hashBefore);
  });

  it('a new link voids the earlier unused one', async () => {
    const first = await resetPassword(h.db, admin, { id: member.id, passwordMode: 'link' });
    await resetPassword(h.db, admin, { id: member.id, passwordMode: 'link' });
    expect(await checkPasswordToken(h.db, tokenOf(first.ok ? first.link! : ''))).toEqual({ ok: false, reason: 'used' });
  });

  it('deactivation bumps session_version so the open session stops; reactivation works; audit before/after', async () => {
    const before = await userRow(member.id);
    const claims = { uid: member.id, sv: before.sessionVersion };
    expect(await loadSessionUser(h.db, claims)).not.toBeNull();
    const r = await setUserActive(h.db, admin, { id: member.id, active: false });
    expect(r.ok).toBe(true);
    const after = await userRow(member.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadSessionUser(h.db, claims)).toBeNull();
    const audit = await lastAudit('users', member.id);
    expect(audit).toMatchObject({ action: 'deactivate', userId: admin.id });
    expect(audit.before).toMatchObject({ active: true });
    expect(audit.after).toMatchObject({ active: false });
    expect((await setUserActive(h.db, admin, { id: member.id, active: true })).ok).toBe(true);
    expect((await userRow(member.id)).active).toBe(true);
  });

  it('refuses deactivating or demoting the last active admin, and allows it once another admin exists', async () => {
    expect(await setUserActive(h.db, admin, { id: admin.id, active: false })).toEqual({ ok: false, error: LAST_ADMIN_MESSAGE });
    expect(await updateUser(h.db, admin, { id: admin.id, role: 'manager', department: null, teamId: null })).toEqual({ ok: false, error: LAST_ADMIN_MESSAGE });
    expect(await userRow(admin.id)).toMatchObject({ role: 'admin', active: true });

    // Promote the member: now there are two admins and the first may step down.
    const promoted = await updateUser(h.db, admin, { id: member.id, role: 'admin', department: 'sales', teamId });
    expect(promoted.ok).toBe(true);
    const audit = await lastAudit('users', member.id);
    expect(audit.before).toMatchObject({ role: 'member' });
    expect(audit.after).toMatchObject({ role: 'admin' });
    // Concurrent demotions of both admins: the row lock serialises them, exactly one succeeds.
    const results = await Promise.all([
      updateUser(h.db, admin, { id: admin.id, role: 'manager', department: null, teamId: null }),
      updateUser(h.db, admin, { id: member.id, role: 'member', department: 'sales', teamId }),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    const admins = await h.db.select().from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
    expect(admins).toHaveLength(1);
  });
});

describe('[ADMIN] teams', () => {
  it('creates, renames (unique name, case-insensitive), sets managers with audit rows', async () => {
    const c = await createTeam(h.db, admin, { name: 'Blue' });
    expect(c.ok).toBe(true);
    const id = Number(c.ok ? c.id : 0);
    expect((await createTeam(h.db, admin, { name: 'blue' })).ok).toBe(false);
    expect((await renameTeam(h.db, admin, { id, name: 'red' })).ok).toBe(false);
    expect((await renameTeam(h.db, admin, { id, name: 'Navy' })).ok).toBe(true);
    expect((await lastAudit('teams', id))).toMatchObject({ action: 'rename', before: { name: 'Blue' }, after: { name: 'Navy' } });

    const [mgr] = await h.db.insert(users).values({ email: 'mgr@a.test', name: 'Mgr', role: 'manager' }).returning();
    const [plain] = await h.db.insert(users).values({ email: 'plain@a.test', name: 'Plain', role: 'member' }).returning();
    expect((await setTeamManagers(h.db, admin, { id, managerIds: [plain.id] })).ok).toBe(false);
    expect((await setTeamManagers(h.db, admin, { id, managerIds: [mgr.id] })).ok).toBe(true);
    expect(await h.db.select().from(teamManagers).where(eq(teamManagers.teamId, id))).toEqual([{ teamId: id, userId: mgr.id }]);
    expect(await lastAudit('teams', id)).toMatchObject({ action: 'set_managers', before: { managerIds: [] }, after: { managerIds: [mgr.id] } });
    expect(await createTeam(h.db, member, { name: 'Nope' })).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
  });
});
