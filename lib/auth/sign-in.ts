// Checking a sign-in: rate limits (per e-mail-and-address pair, per address, a slow-down per account),
// password, active flag, the 'login' activity. Kept apart from the next-auth wiring (options.ts) and
// given its database as a parameter, so it is tested directly.
import { and, eq, sql } from 'drizzle-orm';
import { signInAttempts, users } from '@/db/schema';
import { queryRows, type Db } from '@/db/client';
import type { Department, Role } from '@/db/schema/enums';
import { recordActivity } from '@/lib/audit';
import { hashPassword, verifyPassword } from './password';
import type { SessionUser } from '@/lib/access';

interface SignInLimits {
  /** The sliding window failures are counted in. */
  windowMinutes: number;
  /** Failures per (e-mail, client address) pair within the window: then that pair is refused. */
  perPair: number;
  /** Failures per client address within the window, across e-mails: then that address is refused. */
  perAddress: number;
  /** Failures per e-mail (from anywhere) answered without delay; each one past it doubles the delay. */
  accountFreeFailures: number;
  /** The first delay, and the most any attempt waits. */
  accountBaseDelayMs: number;
  accountMaxDelayMs: number;
}

// An account is never refused for failures made from other addresses (then anyone could lock anyone
// out): its failures only slow every attempt on it down, the owner's too, by up to 8 s. Guessing is
// bounded by the pair and address limits (5 and 20 failures per 15 minutes per address).
export const SIGN_IN_LIMITS: SignInLimits = {
  windowMinutes: 15, perPair: 5, perAddress: 20, accountFreeFailures: 3, accountBaseDelayMs: 500, accountMaxDelayMs: 8000,
};

/** How long an attempt on an account with `failures` recent failures waits before it is checked. */
export function accountDelayMs(failures: number, limits: SignInLimits = SIGN_IN_LIMITS): number {
  const over = failures - limits.accountFreeFailures;
  if (over < 0) return 0;
  return Math.min(limits.accountMaxDelayMs, limits.accountBaseDelayMs * 2 ** Math.min(over, 16));
}

/** The session's user (permissions.ts) before its managed teams are loaded, with the version the JWT pins. */
type AuthenticatedUser = Omit<SessionUser, 'managedTeamIds'> & { sessionVersion: number };

type SignInResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; error: 'invalid' | 'rate_limited' };

// Verifying against this when the e-mail is unknown makes both failures cost one argon2 verification,
// so response time does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-user-${Math.random()}`);
  return dummyHash;
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

interface AuthenticateOptions {
  limits?: SignInLimits;
  /** Waits for the account's slow-down; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string },
  opts: AuthenticateOptions = {},
): Promise<SignInResult> {
  const limits = opts.limits ?? SIGN_IN_LIMITS;
  const email = normalizeEmail(input.email).slice(0, 320);
  const ip = input.ip || 'unknown';
  if (!email || !input.password) return { ok: false, error: 'invalid' };

  // Refuse before checking the password, so a refused pair or address cannot guess at all.
  const [counts] = await queryRows<{ by_pair: number; by_account: number; by_ip: number }>(db, sql`
    select count(*) filter (where ${signInAttempts.email} = ${email} and ${signInAttempts.ip} = ${ip})::int as by_pair,
           count(*) filter (where ${signInAttempts.email} = ${email})::int as by_account,
           count(*) filter (where ${signInAttempts.ip} = ${ip})::int as by_ip
    from ${signInAttempts}
    where ${signInAttempts.at} > now() - make_interval(mins => ${limits.windowMinutes})
      and (${signInAttempts.email} = ${email} or ${signInAttempts.ip} = ${ip})`);
  if ((counts?.by_pair ?? 0) >= limits.perPair || (counts?.by_ip ?? 0) >= limits.perAddress) {
    return { ok: false, error: 'rate_limited' };
  }
  const delay = accountDelayMs(counts?.by_account ?? 0, limits);
  if (delay > 0) await (opts.sleep ?? realSleep)(delay);

  const [row] = await db
    .select({
      id: users.id, email: users.email, name: users.name, role: users.role, department: users.department,
      teamId: users.teamId, active: users.active, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);

  const hash = row?.passwordHash ?? (await getDummyHash());
  const passwordOk = await verifyPassword(hash, input.password);
  // A deactivated account gets the same answer as a wrong password: nothing tells an outsider it exists.
  if (!row || !row.passwordHash || !passwordOk || !row.active) {
    await db.insert(signInAttempts).values({ email, ip });
    return { ok: false, error: 'invalid' };
  }

  // Success clears this pair's failures only: not the address's (one good account must not unlock
  // guessing others), nor the account's from other addresses (the owner signing in must not hand a
  // guesser elsewhere a fresh allowance).
  await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)));
  // Old rows are useless after the window; trimming them here keeps the table small without a cron job.
  await db.execute(sql`delete from ${signInAttempts} where ${signInAttempts.at} < now() - interval '1 day'`);
  await recordActivity(db, { userId: row.id, kind: 'login' });

  return {
    ok: true,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      department: row.department as Department | null,
      teamId: row.teamId,
      sessionVersion: row.sessionVersion,
    },
  };
}
