// A fresh database with the small demo company, and its demo sign-ins as server-side session users:
// what the record tests act as. Also the FormData a browser would post, for calling server actions.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { SessionUser } from '@/lib/access';
import { loadSessionUser } from '@/lib/auth/session-user';
import { seedDemo } from '@/lib/demo/seed';
import { createTestDb, type TestDb } from './test-db';

/** The session user of the account with this e-mail, as the app loads it for a request. */
export async function sessionUserByEmail(db: Db, email: string): Promise<SessionUser> {
  const [{ id }] = await queryRows<{ id: number }>(db, sql`select id from users where email = ${email}`);
  return (await loadSessionUser(db, { uid: id, sv: 0 }))!;
}

export interface SeededDemo {
  h: TestDb;
  admin: SessionUser;
  manager: SessionUser;
  member: SessionUser;
}

export async function createSeededDemo(): Promise<SeededDemo> {
  const h = await createTestDb();
  await seedDemo(h.db, { scale: 'small' });
  const [admin, manager, member] = await Promise.all(
    ['admin@demo.test', 'manager@demo.test', 'member@demo.test'].map((e) => sessionUserByEmail(h.db, e)));
  return { h, admin, manager, member };
}

/** The form a browser would post. */
export function formData(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}
