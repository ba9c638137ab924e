// Checking a sign-in: rate limits, password, active flag, the 'login' activity. Kept apart from the
// next-auth wiring (options.ts) and given its database as a parameter, so it is tested directly.
import { eq, sql } from 'drizzle-orm';
import { signInAttempts, users } from '@/db/schema';
import { queryRows, type Db } from '@/db/client';
import type { Department, Role } from '@/db/schema/enums';
import { recordActivity } from '@/lib/audit';
import { hashPassword, verifyPassword } from './password';

export interface SignInLimits {
  /** The sliding window failures are counted in. */
  windowMinutes: number;
  /** Failures per e-mail address (known or not) within the window. */
  perAccount: number;
  /** Failures per client address within the window. */
  perAddress: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  department: Department | null;
  teamId: number | null;
  sessionVersion: number;
}

export type SignInResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; error: 'invalid' | 'rate_limited' };

// Verifying against this when the e-mail is unknown makes both failures cost one argon2 verification,
// so response time does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-user-${Math.random()}`);
  return dummyHash;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The client address for per-address limits. Next sets x-forwarded-for to the socket address when the
 * request has none; behind a reverse proxy the last entry is the one that proxy saw. A client talking
 * to the app directly can forge it, which is why the per-account limit is the hard guarantee.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[v.length - 1] : v;
  };
  const forwarded = get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return (last || get('x-real-ip') || 'unknown').slice(0, 64);
}

export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string },
  limits: SignInLimits = SIGN_IN_LIMITS,
): Promise<SignInResult> {
  const email = normalizeEmail(input.email).slice(0, 320);
  const ip = input.ip || 'unknown';
  if (!email || !input.password) return { ok: false, error: 'invalid' };

  // Refuse before checking the password, so a locked account cannot be guessed at all.
  const [counts] = await queryRows<{ by_account: number; by_ip: number }>(db, sql`
    select count(*) filter (where ${signInAttempts.email} = ${email})::int as by_account,
           count(*) filter (where ${signInAttempts.ip} = ${ip})::int as by_ip
    from ${signInAttempts}
    where ${signInAttempts.at} > now() - make_interval(mins => ${limits.windowMinutes})
      and (${signInAttempts.email} = ${email} or ${signInAttempts.ip} = ${ip})`);
  if ((counts?.by_account ?? 0) >= limits.perAccount || (counts?.by_ip ?? 0) >= limits.perAddress) {
    return { ok: false, error: 'rate_limited' };
  }

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

  // Success clears the account's failures (not the address's: one good account must not unlock guessing others).
  await db.delete(signInAttempts).where(eq(signInAttempts.email, email));
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
