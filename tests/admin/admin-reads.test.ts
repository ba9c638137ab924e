// [ADMIN] The admin pages' reads take `(db, viewer, input)` and check the viewer themselves: the user
// page's and the audit page's data for an admin, a PermissionError for anyone else (issue 13: pages call
// lib, never Drizzle; the lib does not trust the page to have asked requirePermission).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, teams, users } from '@/db/schema';
import { auditPage } from '@/lib/admin/audit-queries';
import { userEditor } from '@/lib/admin/queries';
import { PermissionError, type SessionUser } from '@/lib/access';
import { loadSessionUser } from '@/lib/auth/session-user';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';

let h: TestDb;
let admin: SessionUser;
let manager: SessionUser;
let memberId: number;
let teamId: number;

beforeAll(async () => {
  h = await createTestDb();
  const [t] = await h.db.insert(teams).values({ name: 'Red' }).returning();
  teamId = t.id;
  const [a, g, m] = await h.db.insert(users).values([
    { email: 'root@a.test', name: 'Root Admin', role: 'admin', department: 'executive' },
    { email: 'boss@a.test', name: 'Bo Manager', role: 'manager', department: 'sales', teamId },
    { email: 'mem@a.test', name: 'Mem Ber', role: 'member', department: 'sales', teamId },
  ]).returning();
  memberId = m.id;
  admin = (await loadSessionUser(h.db, { uid: a.id, sv: 0 }))!;
  manager = (await loadSessionUser(h.db, { uid: g.id, sv: 0 }))!;
  await h.db.insert(auditLog).values([
    { userId: a.id, action: 'update', entity: 'users', entityId: String(m.id), before: { role: 'member' }, after: { role: 'member', teamId } },
    { userId: a.id, action: 'create', entity: 'teams', entityId: String(teamId), before: null, after: { name: 'Red' } },
  ]);
});
afterAll(async () => h?.close());

describe('[ADMIN] reads check the viewer', () => {
  it('userEditor: the user and the team choices for an admin; null for no such user', async () => {
    const r = await userEditor(h.db, admin, { id: memberId });
    expect(r?.user).toEqual({ id: memberId, name: 'Mem Ber', email: 'mem@a.test', role: 'member', department: 'sales', teamId, active: true });
    expect(r?.teams).toEqual([{ id: teamId, name: 'Red' }]);
    expect(await userEditor(h.db, admin, { id: 2_000_000 })).toBeNull();
  });

  it('userEditor refuses a manager', async () => {
    await expect(userEditor(h.db, manager, { id: memberId })).rejects.toBeInstanceOf(PermissionError);
  });

  it('auditPage: filtered entries, facets, people and the names the entries mention, for an admin', async () => {
    const r = await auditPage(h.db, admin, { entity: 'users', page: 1 });
    expect(r.total).toBe(1);
    expect(r.rows.map((x) => [x.action, x.entity, x.entityId, x.userName])).toEqual([['update', 'users', String(memberId), 'Root Admin']]);
    expect(r.facets).toEqual({ actions: ['create', 'update'], entities: ['teams', 'users'] });
    expect(r.people.map((p) => p.name)).toEqual(['Bo Manager', 'Mem Ber', 'Root Admin']);
    expect(r.names.get('users')?.get(memberId)).toBe('Mem Ber');
  });

  it('auditPage refuses a manager', async () => {
    await expect(auditPage(h.db, manager, { page: 1 })).rejects.toBeInstanceOf(PermissionError);
  });
});
