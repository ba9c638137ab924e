// The demo sign-ins every e2e spec relies on (here in scripts/lib because the e2e server, tooling, makes
// them; the specs import them from here: tooling does not depend on tests). The demo seed (lib/demo) creates them; when it has not
// (not written yet, or a smaller seed), the e2e server adds them so the suite can still run.
import { eq, inArray, sql } from 'drizzle-orm';
import { teams, users } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Department, Role } from '@/db/schema/enums';
import { hashPassword } from '@/lib/auth/password';
import type { DemoUserInfo } from './e2e-server-state';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS = {
  admin: { email: 'admin@demo.test', role: 'admin', department: 'executive', name: 'Ada Admin', active: true },
  manager: { email: 'manager@demo.test', role: 'manager', department: 'sales', name: 'Max Manager', active: true },
  member: { email: 'member@demo.test', role: 'member', department: 'sales', name: 'Mia Member', active: true },
  inactive: { email: 'inactive@demo.test', role: 'member', department: 'sales', name: 'Ian Inactive', active: false },
} as const satisfies Record<string, { email: string; role: Role; department: Department; name: string; active: boolean }>;

export type DemoRole = 'admin' | 'manager' | 'member';

/** Inserts the demo sign-ins that are missing; returns the e-mails it created. */
export async function ensureDemoSignIns(db: Db): Promise<string[]> {
  const wanted = Object.values(DEMO_USERS);
  const existing = await db.select({ email: users.email }).from(users).where(inArray(users.email, wanted.map((u) => u.email)));
  const missing = wanted.filter((u) => !existing.some((e) => e.email === u.email));
  if (!missing.length) return [];
  const hash = await hashPassword(DEMO_PASSWORD);
  let [team] = await db.select({ id: teams.id }).from(teams).where(sql`lower(${teams.name}) = 'demo sales'`);
  team ??= (await db.insert(teams).values({ name: 'Demo Sales' }).returning({ id: teams.id }))[0];
  await db.insert(users).values(missing.map((u) => ({
    email: u.email, name: u.name, role: u.role, department: u.department, active: u.active, passwordHash: hash,
    teamId: u.role === 'admin' ? null : team.id,
  })));
  return missing.map((u) => u.email);
}

/** The demo sign-ins as stored, keyed like DEMO_USERS (the seed picks the names). */
export async function describeDemoUsers(db: Db): Promise<Record<string, DemoUserInfo>> {
  const out: Record<string, DemoUserInfo> = {};
  for (const [key, u] of Object.entries(DEMO_USERS)) {
    const [row] = await db.select().from(users).where(eq(users.email, u.email));
    if (row) out[key] = { email: row.email, name: row.name, role: row.role as Role, department: row.department, active: row.active };
  }
  return out;
}
