import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { activities, signInAttempts, teams, users } from '@/db/schema';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { hashPassword } from './password';
import { authenticate, clientAddress, SIGN_IN_LIMITS } from './sign-in';

let t: TestDb;
let aliceId: number;

beforeAll(async () => {
  t = await createTestDb();
  const [team] = await t.db.insert(teams).values({ name: 'Sales East' }).returning();
  const hash = await hashPassword('right-password');
  const rows = await t.db.insert(users).values([
    { email: 'alice@x.test', name: 'Alice', role: 'manager', department: 'sales', teamId: team.id, passwordHash: hash },
    { email: 'gone@x.test', name: 'Gone', role: 'member', department: 'sales', active: false, passwordHash: hash },
    { email: 'nopass@x.test', name: 'No Pass', role: 'member', department: 'sales', passwordHash: null },
  ]).returning();
  aliceId = rows[0].id;
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.db.delete(signInAttempts);
});

const attemptCount = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from sign_in_attempts`))[0].n;

describe('authenticate', () => {
  it('signs in with the right password, case-insensitively on the e-mail, and records a login activity', async () => {
    const r = await authenticate(t.db, { email: '  Alice@X.test ', password: 'right-password', ip: '10.0.0.1' });
    expect(r).toEqual({
      ok: true,
      user: { id: aliceId, email: 'alice@x.test', name: 'Alice', role: 'manager', department: 'sales', teamId: expect.any(Number), sessionVersion: 0 },
    });
    const logins = await t.db.select().from(activities).where(eq(activities.userId, aliceId));
    expect(logins.map((a) => a.kind)).toContain('login');
  });

  it('gives the same answer for a wrong password, an unknown e-mail, a deactivated and a password-less account', async () => {
    const results = await Promise.all([
      authenticate(t.db, { email: 'alice@x.test', password: 'wrong', ip: '10.0.0.2' }),
      authenticate(t.db, { email: 'nobody@x.test', password: 'right-password', ip: '10.0.0.2' }),
      authenticate(t.db, { email: 'gone@x.test', password: 'right-password', ip: '10.0.0.2' }),
      authenticate(t.db, { email: 'nopass@x.test', password: '', ip: '10.0.0.2' }),
      authenticate(t.db, { email: 'nopass@x.test', password: 'anything', ip: '10.0.0.2' }),
    ]);
    for (const r of results) expect(r).toEqual({ ok: false, error: 'invalid' });
    // Every failure with a password is counted (the empty one is refused before any lookup).
    expect(await attemptCount()).toBe(4);
  });

  it('takes similar time for an unknown e-mail and a wrong password (both verify one argon2 hash)', async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await authenticate(t.db, { email, password: 'wrong', ip: `10.1.${Math.random()}` });
      return performance.now() - start;
    };
    await time('alice@x.test'); // warm-up, and the dummy hash is computed once
    await time('warmup@x.test');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time('alice@x.test'));
      unknown.push(await time(`ghost${i}@x.test`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2];
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('locks an account after 5 failures in 15 minutes, even for the right password', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect(await authenticate(t.db, { email: 'alice@x.test', password: `bad${i}`, ip: `10.2.0.${i}` })).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await authenticate(t.db, { email: 'alice@x.test', password: 'right-password', ip: '10.2.1.1' }))
      .toEqual({ ok: false, error: 'rate_limited' });
    // Unknown e-mails are limited the same way, so the limit does not reveal which accounts exist.
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) await authenticate(t.db, { email: 'ghost@x.test', password: 'x', ip: `10.3.0.${i}` });
    expect(await authenticate(t.db, { email: 'ghost@x.test', password: 'x', ip: '10.3.1.1' })).toEqual({ ok: false, error: 'rate_limited' });
  });

  it('forgets failures older than the window', async () => {
    await t.db.insert(signInAttempts).values(
      Array.from({ length: 5 }, () => ({ email: 'alice@x.test', ip: '10.4.0.1', at: new Date(Date.now() - 16 * 60_000) })),
    );
    expect((await authenticate(t.db, { email: 'alice@x.test', password: 'right-password', ip: '10.4.0.1' })).ok).toBe(true);
  });

  it('limits one address to 20 failures across accounts', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await authenticate(t.db, { email: `spray${i}@x.test`, password: 'x', ip: '10.5.0.1' });
    }
    expect(await authenticate(t.db, { email: 'alice@x.test', password: 'right-password', ip: '10.5.0.1' }))
      .toEqual({ ok: false, error: 'rate_limited' });
    // Another address still signs in.
    expect((await authenticate(t.db, { email: 'alice@x.test', password: 'right-password', ip: '10.5.0.2' })).ok).toBe(true);
  });

  it("clears the account's failures after a success", async () => {
    for (let i = 0; i < 4; i++) await authenticate(t.db, { email: 'alice@x.test', password: 'bad', ip: '10.6.0.1' });
    expect((await authenticate(t.db, { email: 'alice@x.test', password: 'right-password', ip: '10.6.0.1' })).ok).toBe(true);
    const left = await t.db.select().from(signInAttempts).where(eq(signInAttempts.email, 'alice@x.test'));
    expect(left).toHaveLength(0);
  });
});

describe('clientAddress', () => {
  it('takes the last x-forwarded-for entry, then x-real-ip', () => {
    expect(clientAddress({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2' })).toBe('2.2.2.2');
    expect(clientAddress(new Headers({ 'x-real-ip': '3.3.3.3' }))).toBe('3.3.3.3');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});
