import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { activities, signInAttempts, teams, users } from '@/db/schema';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { hashPassword } from './password';
import { accountDelayMs, authenticate as authenticateWithDelay, SIGN_IN_LIMITS } from './sign-in';

let t: TestDb;
let aliceId: number;
/** The account slow-downs asked for, instead of waiting them out. */
let slept: number[] = [];
const authenticate = (db: TestDb['db'], input: { email: string; password: string; ip: string }) =>
  authenticateWithDelay(db, input, { sleep: async (ms) => { slept.push(ms); } });

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
  slept = [];
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
    // Interleaved, and the median of 9 each: other work on the machine shifts single samples.
    for (let i = 0; i < 9; i++) {
      known.push(await time('alice@x.test'));
      unknown.push(await time(`ghost${i}@x.test`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[4];
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('refuses an (e-mail, address) pair after 5 failures in 15 minutes, even with the right password', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) {
      expect(await authenticate(t.db, { email: 'alice@x.test', password: `bad${i}`, ip: '10.2.0.1' })).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await authenticate(t.db, { email: 'alice@x.test', password: 'right-password', ip: '10.2.0.1' }))
      .toEqual({ ok: false, error: 'rate_limited' });
    // The refusal itself is not counted as a failure.
    expect(await attemptCount()).toBe(SIGN_IN_LIMITS.perPair);
    // Unknown e-mails are limited the same way, so the limit does not reveal which accounts exist.
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) await authenticate(t.db, { email: 'ghost@x.test', password: 'x', ip: '10.3.0.1' });
    expect(await authenticate(t.db, { email: 'ghost@x.test', password: 'x', ip: '10.3.0.1' })).toEqual({ ok: false, error: 'rate_limited' });
  });

  it('does not refuse an account for failures from other addresses: it slows it down, doubling up to 8 s', async () => {
    for (let i = 0; i < 8; i++) {
      expect(await authenticate(t.db, { email: 'alice@x.test', password: `bad${i}`, ip: `10.2.1.${i}` })).toEqual({ ok: false, error: 'invalid' });
    }
    // No delay for the first 3 failures, then 0.5, 1, 2, 4, 8 s (the cap).
    expect(slept).toEqual([500, 1000, 2000, 4000, 8000]);
    slept = [];
    expect((await authenticate(t.db, { email: 'alice@x.test', password: 'right-password', ip: '10.2.2.1' })).ok).toBe(true);
    expect(slept).toEqual([8000]);
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

  it("clears the pair's failures after a success, not the account's from other addresses", async () => {
    for (let i = 0; i < 4; i++) await authenticate(t.db, { email: 'alice@x.test', password: 'bad', ip: '10.6.0.1' });
    await authenticate(t.db, { email: 'alice@x.test', password: 'bad', ip: '10.6.0.9' });
    expect((await authenticate(t.db, { email: 'alice@x.test', password: 'right-password', ip: '10.6.0.1' })).ok).toBe(true);
    const left = await t.db.select().from(signInAttempts).where(eq(signInAttempts.email, 'alice@x.test'));
    expect(left.map((r) => r.ip)).toEqual(['10.6.0.9']);
  });
});

describe('accountDelayMs', () => {
  it('is 0 for the first failures, then doubles from 0.5 s to the 8 s cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50, 10_000].map((n) => accountDelayMs(n))).toEqual([0, 0, 0, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
  });
});
