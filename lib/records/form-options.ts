// Choices for record forms, within the viewer's scope: the owners they may assign (a member only
// themselves, a manager their teams' members, an admin any active user) and the accounts they may see.
import 'server-only';
import { sql } from 'drizzle-orm';
import { getReadDb, queryRows } from '@/db/client';
import { recordScope, type SessionUser } from '@/lib/auth/permissions';
import type { QueryDb } from '@/lib/kpi/engine';
import { scopeCondition } from '@/lib/kpi/scope';
import { SOURCES } from '@/lib/kpi/sql/sources';

export interface Option { id: number; name: string }

export async function ownerOptions(viewer: SessionUser, dbIn?: QueryDb): Promise<Option[]> {
  const db = dbIn ?? (await getReadDb());
  const scope = recordScope(viewer);
  if (scope.kind === 'owner') return [{ id: viewer.id, name: viewer.name }];
  const where = scope.kind === 'all' ? sql`true`
    : scope.teamIds.length ? sql`(u.team_id in (${sql.join(scope.teamIds.map((t) => sql`${t}::int`), sql`, `)}) or u.id = ${viewer.id})` : sql`u.id = ${viewer.id}`;
  return queryRows<Option>(db, sql`select u.id, u.name from users u where u.active and ${where} order by u.name limit 500`);
}

export async function accountOptions(viewer: SessionUser, dbIn?: QueryDb): Promise<Option[]> {
  const db = dbIn ?? (await getReadDb());
  return queryRows<Option>(db, sql`select a.id, a.name from accounts a where ${scopeCondition(SOURCES.accounts, viewer)} order by a.name limit 1000`);
}
