// Choices for record forms, within the viewer's scope: the owners they may assign (a member only
// themselves, a manager their teams' members, an admin any active user), the accounts and tickets they
// may see, and the campaigns (company-wide). Lists are capped; the record's current choice is always
// included so an edit never silently drops it.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { recordScope, visibleRecords, type SessionUser } from '@/lib/access';
import type { RefKind } from './form-defs';

export interface Option { id: number; name: string }

const LIMIT = { account: 1000, ticket: 500, campaign: 500, owner: 500 } as const;

/** `current` first when it is in scope but not among the first `limit` (ordered) rows. */
const orCurrent = (current: number | null | undefined): SQL => (current ? sql` or x.id = ${current}` : sql``);

export async function ownerOptions(db: QueryDb, viewer: SessionUser): Promise<Option[]> {
  const scope = recordScope(viewer);
  if (scope.kind === 'owner') return [{ id: viewer.id, name: viewer.name }];
  const where = scope.kind === 'all' ? sql`true`
    : scope.teamIds.length ? sql`(u.team_id in (${sql.join(scope.teamIds.map((t) => sql`${t}::int`), sql`, `)}) or u.id = ${viewer.id})` : sql`u.id = ${viewer.id}`;
  return queryRows<Option>(db, sql`select u.id, u.name from users u where u.active and ${where} order by u.name limit ${LIMIT.owner}`);
}

async function accountOptions(db: QueryDb, viewer: SessionUser, current?: number | null): Promise<Option[]> {
  return queryRows<Option>(db, sql`select x.id, x.name from (
      (select a.id, a.name from accounts a where ${visibleRecords('accounts', viewer)} order by a.name limit ${LIMIT.account})
      union select a.id, a.name from accounts a where a.id = ${current ?? 0} and ${visibleRecords('accounts', viewer)}
    ) x order by x.name`);
}

async function ticketOptions(db: QueryDb, viewer: SessionUser, current?: number | null): Promise<Option[]> {
  const label = sql`t.external_id || ' · ' || to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD') || coalesce(' · ' || t.category, '')`;
  return queryRows<Option>(db, sql`select x.id, x.name from (
      (select t.id, ${label} as name, t.created_at from tickets t where ${visibleRecords('tickets', viewer)} order by t.created_at desc limit ${LIMIT.ticket})
      union select t.id, ${label} as name, t.created_at from tickets t where t.id = ${current ?? 0} and ${visibleRecords('tickets', viewer)}
    ) x order by x.created_at desc`);
}

async function campaignOptions(db: QueryDb, current?: number | null): Promise<Option[]> {
  return queryRows<Option>(db, sql`select x.id, x.name from campaigns x where x.id in (
      select c.id from campaigns c order by c.started_at desc limit ${LIMIT.campaign}) ${orCurrent(current)} order by x.name`);
}

/** The options of each reference kind a form uses. */
export async function referenceOptions(db: QueryDb, viewer: SessionUser, kinds: RefKind[], current: Partial<Record<RefKind, number | null>> = {}): Promise<Partial<Record<RefKind, Option[]>>> {
  const load = (k: RefKind): Promise<Option[]> =>
    k === 'owner' ? ownerOptions(db, viewer) : k === 'account' ? accountOptions(db, viewer, current.account)
      : k === 'ticket' ? ticketOptions(db, viewer, current.ticket) : campaignOptions(db, current.campaign);
  const lists = await Promise.all(kinds.map(load));
  return Object.fromEntries(kinds.map((k, i) => [k, lists[i]]));
}
