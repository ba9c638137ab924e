// [SECURITY] Sign-out ends the session on the server: a session token copied before sign-out no longer
// opens anything afterwards, and /api/auth/session never reports a stale role or a deactivated user.
// Runs next-auth's real handler with our options (tests/security/auth-harness.ts) on a test database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import { users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';

const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
vi.stubEnv('NEXTAUTH_SECRET', SECRET);
const holder: { t?: TestDb } = {};
vi.mock('@/db/client', async (orig) => ({
  ...(await orig<typeof import('@/db/client')>()),
  getDb: async () => holder.t!.db,
}));

const { AuthClient, SESSION_COOKIE } = await import('./auth-harness');
const { hashPassword } = await import('@/lib/auth/password');
const { loadSessionUser, readClaims } = await import('@/lib/auth/session-user');
const { revokeSessions } = await import('@/lib/auth/session-revocation');

let userId: number;

beforeAll(async () => {
  holder.t = await createTestDb();
  const [u] = await holder.t.db.insert(users).values({
    email: 'sam@x.test', name: 'Sam', role: 'manager', department: 'sales', passwordHash: await hashPassword('sam-password'),
  }).returning();
  userId = u!.id;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await holder.t?.close();
});

/** What every page does with a cookie (lib/auth/session.ts): decode the JWT, reload the user. */
async function pageUser(token: string) {
  const claims = readClaims((await decode({ token, secret: SECRET })) as Record<string, unknown> | null);
  return claims ? loadSessionUser(holder.t!.db, claims) : null;
}

describe('sign-out revokes the session on the server', () => {
  it('a token copied before sign-out is rejected afterwards, by the pages and by /api/auth/session', async () => {
    const browser = new AuthClient();
    expect(await browser.signIn('sam@x.test', 'sam-password')).toBe('http://localhost:3000/dashboard');
    const copied = browser.jar[SESSION_COOKIE]!;
    expect(copied).toBeTruthy();
    expect(await pageUser(copied)).toMatchObject({ id: userId, role: 'manager' });
    expect(await browser.session()).toMatchObject({ user: { id: userId, role: 'manager', email: 'sam@x.test' } });

    const out = await browser.signOut();
    expect(out.cookies[SESSION_COOKIE]).toBe('');
    const [row] = await holder.t!.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, userId));
    expect(row!.sv).toBe(1);

    // The attacker replays the copied cookie.
    expect(await pageUser(copied)).toBeNull();
    const attacker = new AuthClient();
    attacker.jar[SESSION_COOKIE] = copied;
    const res = await attacker.call(['session']);
    expect(res.body).toEqual({});
    expect(res.cookies[SESSION_COOKIE]).toBe(''); // and next-auth tells the browser to drop it

    // Signing in again gives a working session at the new version.
    const again = new AuthClient();
    await again.signIn('sam@x.test', 'sam-password');
    expect(await pageUser(again.jar[SESSION_COOKIE]!)).toMatchObject({ id: userId });
    // Replaying the old sign-out does not end the new session (its version moved on).
    expect(await revokeSessions(holder.t!.db, readClaims((await decode({ token: copied, secret: SECRET })) as Record<string, unknown>)!)).toBe(false);
    expect(await pageUser(again.jar[SESSION_COOKIE]!)).not.toBeNull();
  });

  it('/api/auth/session reports the current role and name, and nothing once the user is deactivated', async () => {
    const browser = new AuthClient();
    await browser.signIn('sam@x.test', 'sam-password');
    expect(await browser.session()).toMatchObject({ user: { role: 'manager', name: 'Sam' } });
    await holder.t!.db.update(users).set({ role: 'member', name: 'Samantha' }).where(eq(users.id, userId));
    expect(await browser.session()).toMatchObject({ user: { role: 'member', name: 'Samantha' } });
    // The re-issued cookie carries the fresh claims too.
    expect(await decode({ token: browser.jar[SESSION_COOKIE]!, secret: SECRET })).toMatchObject({ role: 'member', name: 'Samantha' });

    await holder.t!.db.update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await browser.session()).toEqual({});
    await holder.t!.db.update(users).set({ active: true, role: 'manager', name: 'Sam' }).where(eq(users.id, userId));
  });
});
