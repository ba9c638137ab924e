// Who owns a record, in SQL: the one place that says it, rendered from the entity catalogue's owner
// paths (product.md, "Roles": a lead, deal, account is its owner's; a ticket its assignee's; an order its
// account owner's; a survey response its ticket's assignee's when it has a ticket, else its account
// owner's, which the database keeps in the response's own owner_id; campaigns and expenses nobody's). The KPI sources (filters, breakdowns), drill-downs, record
// pages and forms all build on these expressions, with the catalogue's aliases (l, d, o, t, s, a, …).
import { sql, type SQL } from 'drizzle-orm';
import { ENTITY_CATALOGUE, type EntityName } from '@/lib/entities/catalogue';
import { recordScope, type RecordAccess } from './records';
import type { SessionUser } from './roles';

/** A record kind with rows to own (every catalogue entity; campaigns and expenses own nothing). */
export type OwnedKind = EntityName;

const aliasOf = (kind: OwnedKind) => ENTITY_CATALOGUE[kind].alias;

/** The owning user's id of a row of each kind, from the catalogue's owner path (null: nobody's). */
export function ownerIdOf(kind: OwnedKind): SQL | null {
  const path = ENTITY_CATALOGUE[kind].ownerPath;
  const a = aliasOf(kind);
  if (!path) return null;
  if (path.kind === 'column') return sql.raw(`${a}.${path.column}`);
  return sql.raw(`(select fa.owner_id from accounts fa where fa.id = ${a}.account_id)`);
}

/**
 * `the row's owner is in (users)`. Through the account as an `IN` subquery the planner turns into an
 * (index-driven) semi-join.
 */
export function ownedBy(kind: OwnedKind, users: SQL): SQL {
  const path = ENTITY_CATALOGUE[kind].ownerPath;
  const a = sql.raw(aliasOf(kind));
  if (!path) return sql`false`;
  if (path.kind === 'column') return sql`${sql.raw(`${aliasOf(kind)}.${path.column}`)} in (${users})`;
  return sql`${a}.account_id in (select fa.id from accounts fa where fa.owner_id in (${users}))`;
}

/** The owner's id for grouping a whole period's rows, with the joins it needs (joins, not per-row subqueries). */
export function ownerGroupExpr(kind: OwnedKind): { joins: SQL[]; id: SQL } | null {
  const path = ENTITY_CATALOGUE[kind].ownerPath;
  const a = aliasOf(kind);
  if (!path) return null;
  if (path.kind === 'column') return { joins: [], id: sql.raw(`${a}.${path.column}`) };
  return { joins: [sql.raw(`left join accounts goa on goa.id = ${a}.account_id`)], id: sql`goa.owner_id` };
}

const intList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}::int`), sql`, `);

/** The users of a team, as a subquery. */
export const teamMembers = (teamId: number): SQL => sql`select fu.id from users fu where fu.team_id = ${teamId}::int`;

/** The users whose records `viewer` may open ('read') or edit ('write'); null: everyone's. */
function scopeUsers(viewer: SessionUser, access: RecordAccess): SQL | null {
  const scope = recordScope(viewer, access);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'owner' || scope.teamIds.length === 0) return sql`select ${scope.userId}::int`;
  return sql`select su.id from users su where su.team_id in (${intList(scope.teamIds)}) or su.id = ${scope.userId}::int`;
}

/**
 * Rows of kind `key` the viewer may open (`access` 'read': drill-downs, exports, record pages) or edit
 * ('write', the default: forms and writes): an admin all; a manager those owned by members of their
 * teams and their own; a member their own, and for reading also their team's (recordScope). Records
 * without an owner (and kinds without owners: campaigns, expenses) are for admins only.
 */
export function visibleRecords(kind: OwnedKind, viewer: SessionUser, access: RecordAccess = 'write'): SQL {
  const users = scopeUsers(viewer, access);
  if (!users) return sql`true`;
  return ownedBy(kind, users);
}

export { intList };
