// [SECURITY] Sign-in limits through next-auth's real handler and our options (auth-harness.ts):
// - nobody can lock another user out: an attacker's failures from address A do not stop the owner
//   signing in from address B with the right password, while the attacker at A is refused;
// - the client address is the socket's: rotating X-Forwarded-For does not escape the limit unless
//   TRUSTED_PROXIES says a proxy of ours wrote it (then its last hop is the client).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { signInAttempts, users } from '@/db/schema';
import { queryRows } from '@/db/client';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { installPeerAddressHeader } from '@/lib/auth/peer-address';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';

vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
vi.stubEnv('NEXTAUTH_SECRET', 'test-secret-0123456789abcdef0123456789abcdef');
const holder: { t?: TestDb } = {};
vi.mock('@/db/client', async (orig) => ({
  ...(await orig<typeof import('@/db/client')>()),
  getDb: async () => holder.t!.db,
}));

const { AuthClient } = await import('./auth-harness');
const { hashPassword } = await import('@/lib/auth/password');
const { SIGN_IN_LIMITS } = await import('@/lib/auth/sign-in');

const OK = 'http://localhost:3000/dashboard';
const INVALID = 'http://localhost:3000/api/auth/error?error=CredentialsSignin&provider=credentials';
const LIMITED = 'http://localhost:3000/api/auth/error?error=RateLimited';

beforeAll(async () => {
  // What instrumentation.ts does at server start: the peer header is then the socket's.
  installPeerAddressHeader();
  holder.t = await createTestDb();
  await holder.t.db.insert(users).values({
    email: 'owner@x.test', name: 'Owner', role: 'member', department: 'sales', passwordHash: await hashPassword('owner-password'),
  });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await holder.t?.close();
});
beforeEach(async () => {
  await holder.t!.db.delete(signInAttempts);
});
afterEach(() => {
  vi.stubEnv('TRUSTED_PROXIES', '');
});

/** A client at `address` (the socket), optionally sending its own X-Forwarded-For. */
const clientAt = (address: string, forwardedFor?: string) =>
  new AuthClient({ [PEER_ADDRESS_HEADER]: address, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) });

describe('no lockout of others', () => {
  it("an attacker's failures from A do not stop the owner signing in from B; the attacker at A is refused", async () => {
    const attacker = clientAt('203.0.113.66');
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) expect(await attacker.signIn('owner@x.test', `guess-${i}`)).toBe(INVALID);
    // The attacker is refused from A now, even with the right password.
    expect(await attacker.signIn('owner@x.test', 'guess-again')).toBe(LIMITED);
    expect(await attacker.signIn('owner@x.test', 'owner-password')).toBe(LIMITED);

    // The owner, from B, gets in (after the account's slow-down).
    const owner = clientAt('198.51.100.10');
    const started = Date.now();
    expect(await owner.signIn('owner@x.test', 'owner-password')).toBe(OK);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // 5 failures: 2 s
    expect(await owner.session()).toMatchObject({ user: { email: 'owner@x.test' } });
    // And the attacker is still refused at A.
    expect(await attacker.signIn('owner@x.test', 'guess-more')).toBe(LIMITED);
  });

  it('an unknown e-mail and a wrong password get the same answer', async () => {
    const c = clientAt('198.51.100.11');
    expect(await c.signIn('nobody@x.test', 'owner-password')).toBe(INVALID);
    expect(await c.signIn('owner@x.test', 'wrong')).toBe(INVALID);
  });
});

describe('the client address is not taken from X-Forwarded-For by default', () => {
  it('TRUSTED_PROXIES=0: rotating X-Forwarded-For from one socket is still limited', async () => {
    const at = (i: number) => clientAt('203.0.113.77', `192.0.2.${i}`);
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) expect(await at(i).signIn('owner@x.test', `guess-${i}`)).toBe(INVALID);
    expect(await at(99).signIn('owner@x.test', 'guess')).toBe(LIMITED);
    const rows = await queryRows<{ ip: string }>(holder.t!.db, sql`select distinct ip from sign_in_attempts`);
    expect(rows).toEqual([{ ip: '203.0.113.77' }]);
  });

  it('TRUSTED_PROXIES=1: the last hop is the client (our load balancer appended it)', async () => {
    vi.stubEnv('TRUSTED_PROXIES', '1');
    const viaLb = (client: string) => clientAt('10.0.0.2', `forged-by-client, ${client}`);
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) expect(await viaLb('203.0.113.5').signIn('owner@x.test', `guess-${i}`)).toBe(INVALID);
    expect(await viaLb('203.0.113.5').signIn('owner@x.test', 'guess')).toBe(LIMITED);
    // Another client behind the same load balancer is another address.
    expect(await viaLb('198.51.100.20').signIn('owner@x.test', 'owner-password')).toBe(OK);
    const rows = await queryRows<{ ip: string }>(holder.t!.db, sql`select distinct ip from sign_in_attempts`);
    expect(rows).toEqual([{ ip: '203.0.113.5' }]);
  });
});
