import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { teamManagers, teams, users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { loadSessionUser, readClaims } from './session-user';

let t: TestDb;
const ids: Record<string, number> = {};
let teamA: number;
let teamB: number;
let teamC: number;

beforeAll(async () => {
  t = await createTestDb();
  const ts = await t.db.insert(teams).values([{ name: 'A' }, { name: 'B' }, { name: 'C' }]).returning();
  [teamA, teamB, teamC] = ts.map((x) => x.id);
  const us = await t.db.insert(users).values([
    { email: 'boss@x.test', name: 'Boss', role: 'manager', department: 'sales', teamId: teamA },
    { email: 'mem@x.test', name: 'Mem', role: 'member', department: 'support', teamId: teamB },
    { email: 'adm@x.test', name: 'Adm', role: 'admin', department: 'executive', teamId: null },
  ]).returning();
  for (const u of us) ids[u.name] = u.id;
  await t.db.insert(teamManagers).values([{ teamId: teamC, userId: ids.Boss }, { teamId: teamA, userId: ids.Boss }]);
});
afterAll(async () => t?.close());

describe('loadSessionUser', () => {
  it("gives a manager their own team plus team_managers rows, once each", async () => {
    const u = await loadSessionUser(t.db, { uid: ids.Boss, sv: 0 });
    expect(u).toEqual({
      id: ids.Boss, email: 'boss@x.test', name: 'Boss', role: 'manager', department: 'sales', teamId: teamA,
      managedTeamIds: [teamA, teamC].sort((a, b) => a - b),
    });
  });

  it('gives a member no managed teams', async () => {
    const u = await loadSessionUser(t.db, { uid: ids.Mem, sv: 0 });
    expect(u).toMatchObject({ role: 'member', department: 'support', teamId: teamB, managedTeamIds: [] });
  });

  it('returns null for a changed session version, a deactivated or a missing user', async () => {
    expect(await loadSessionUser(t.db, { uid: ids.Adm, sv: 0 })).toMatchObject({ role: 'admin', teamId: null });
    await t.db.update(users).set({ sessionVersion: 1 }).where(eq(users.id, ids.Adm));
    expect(await loadSessionUser(t.db, { uid: ids.Adm, sv: 0 })).toBeNull();
    expect(await loadSessionUser(t.db, { uid: ids.Adm, sv: 1 })).not.toBeNull();
    await t.db.update(users).set({ active: false }).where(eq(users.id, ids.Adm));
    expect(await loadSessionUser(t.db, { uid: ids.Adm, sv: 1 })).toBeNull();
    expect(await loadSessionUser(t.db, { uid: 999_999, sv: 0 })).toBeNull();
  });
});

describe('readClaims', () => {
  it('accepts only integer ids and versions', () => {
    expect(readClaims({ uid: 3, sv: 0 })).toEqual({ uid: 3, sv: 0 });
    expect(readClaims({ uid: 'x', sv: 0 })).toBeNull();
    expect(readClaims({ uid: 3 })).toBeNull();
    expect(readClaims(null)).toBeNull();
  });
});
