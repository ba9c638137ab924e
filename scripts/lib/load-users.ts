// Who the virtual users of `npm run bench:load` are: every active seeded user (or the first N by id),
// each signed in as themselves, so each has their own scope, their own default dashboard and their own
// cache keys, as a real team does. Three shared identities would let hundreds of virtual users share
// a handful of cached views and hide what recomputation costs.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { Department, Role } from '@/db/schema/enums';
import { DASHBOARDS } from '@/lib/kpi/registry';
import { mapPool, signIn, type LoadTarget, type PageKind, type VirtualUser } from './load-test';

export interface SeededUser {
  id: number;
  email: string;
  role: Role;
  department: Department | null;
}

/** The active users, first by id (the seed's named people come first: every role and department), at most `limit`. */
export async function activeUsers(db: Db, limit: number | null): Promise<SeededUser[]> {
  return queryRows<SeededUser>(db, sql`
    select id, email, role, department from users where active and password_hash is not null
    order by id ${limit == null ? sql`` : sql`limit ${limit}`}`);
}

const plural: Record<Role, string> = { admin: 'admins', manager: 'managers', member: 'members' };

/**
 * A user's pages: their default dashboard (no `dept`: their department; a member's "Mine" view) and
 * two KPI pages of that dashboard, chosen by the user's position so that together the users open
 * every KPI of each department.
 */
export function pagesOf(u: SeededUser, i: number): { kind: PageKind; path: string; group: string }[] {
  const keys = DASHBOARDS[u.department ?? 'executive'];
  const a = keys[i % keys.length];
  const b = keys[(i + Math.ceil(keys.length / 2)) % keys.length];
  const group = (kind: string) => `${kind}, ${plural[u.role]}`;
  return [
    { kind: 'dashboard', path: '/dashboard', group: group('dashboard') },
    { kind: 'kpi', path: `/kpis/${a}`, group: group('KPI page') },
    ...(b === a ? [] : [{ kind: 'kpi' as const, path: `/kpis/${b}`, group: group('KPI page') }]),
  ];
}

/**
 * Signs every user in through next-auth, a few at a time (each costs an argon2 verification on the
 * server). All come from 127.0.0.1, but lib/auth/sign-in.ts counts only failed attempts against the
 * address and the pair, so hundreds of successful sign-ins are never throttled.
 */
export async function signInAll(
  baseUrl: string, users: readonly SeededUser[], password: string, log: (s: string) => void, concurrency = 4,
): Promise<VirtualUser[]> {
  const started = performance.now();
  const out = await mapPool(users, concurrency, async (u, i) => {
    const cookie = await signIn(baseUrl, u.email, password);
    const targets: LoadTarget[] = pagesOf(u, i).map((p) => ({ ...p, cookie }));
    return { email: u.email, targets };
  });
  log(`signed in ${out.length} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

/** How many of each role, e.g. { admin: 2, manager: 6, member: 32 }. */
export function roleCounts(users: readonly SeededUser[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of users) out[u.role] = (out[u.role] ?? 0) + 1;
  return out;
}
