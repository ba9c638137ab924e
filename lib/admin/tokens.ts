// One-time set-password links: a random token shown once to the admin; only its SHA-256 is stored,
// so a database leak does not hand out links. Single use and expiring (checked under a row lock).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { passwordTokens, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';

const TOKEN_TTL_HOURS = 72;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token for the user (earlier unused tokens are voided) and returns the clear token. */
export async function issuePasswordToken(tx: Tx | Db, userId: number, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_HOURS * 3_600_000);
  await tx.update(passwordTokens).set({ usedAt: now }).where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
  await tx.insert(passwordTokens).values({ userId, tokenHash: hashToken(token), expiresAt });
  return { token, expiresAt };
}

export function setPasswordPath(token: string): string {
  return `/set-password?token=${encodeURIComponent(token)}`;
}

type TokenCheck = { ok: true; userId: number; email: string } | { ok: false; reason: 'invalid' | 'used' | 'expired' };

export async function checkPasswordToken(db: Db, token: string, now: Date = new Date()): Promise<TokenCheck> {
  const [row] = await db.select({ t: passwordTokens, email: users.email, active: users.active })
    .from(passwordTokens).innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(eq(passwordTokens.tokenHash, hashToken(token)));
  if (!row || !row.active) return { ok: false, reason: 'invalid' };
  if (row.t.usedAt) return { ok: false, reason: 'used' };
  if (row.t.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.t.userId, email: row.email };
}

export const TOKEN_MESSAGES: Record<'invalid' | 'used' | 'expired', string> = {
  invalid: 'This link is not valid. Ask an administrator for a new one.',
  used: 'This link has already been used. Ask an administrator for a new one.',
  expired: 'This link has expired. Ask an administrator for a new one.',
};

/** Sets the password and burns the token in one transaction; the row lock makes a double submit fail. */
export async function consumePasswordToken(db: Db, token: string, password: string, now: Date = new Date()): Promise<TokenCheck> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [t] = await queryRows<{ id: number; user_id: number; expires_at: string | Date; used_at: unknown }>(tx, sql`
      select id, user_id, expires_at, used_at from password_tokens where token_hash = ${hashToken(token)} for update`);
    if (!t) return { ok: false, reason: 'invalid' } as const;
    if (t.used_at) return { ok: false, reason: 'used' } as const;
    if (new Date(t.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' } as const;
    const [u] = await tx.select().from(users).where(eq(users.id, Number(t.user_id)));
    if (!u || !u.active) return { ok: false, reason: 'invalid' } as const;
    await tx.update(passwordTokens).set({ usedAt: now }).where(eq(passwordTokens.id, Number(t.id)));
    await tx.update(users).set({ passwordHash: hash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, u.id));
    await writeAudit(tx, { userId: u.id, action: 'set_password', entity: 'users', entityId: u.id, after: { via: 'link' } });
    return { ok: true, userId: u.id, email: u.email } as const;
  });
}
