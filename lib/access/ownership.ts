// Who owns a record, in SQL: the one place that says it (product.md, "Roles": a lead, deal, account is
// its owner's; a ticket its assignee's; an order its account owner's; a survey response its ticket's
// assignee's when it has a ticket, else its account owner's; campaigns and expenses nobody's). The KPI
// sources (filters, breakdowns), drill-downs, record pages and forms all build on these expressions,
// with the record kinds' usual aliases (l, d, o, t, s, a, c, e, u).
import { sql, type SQL } from 'drizzle-orm';
import type { SourceKey } from '@/lib/kpi/sql/sources';
import { recordScope, type RecordAccess } from './records';
import type { SessionUser } from './roles';

// A survey response belongs to its ticket's assignee when it has a ticket (even an unassigned one),
// else to its account's owner (the golden data set settles this reading of the catalogue).
const SURVEY_OWNER = sql`(case when s.ticket_id is not null then (select ft.assignee_id from tickets ft where ft.id = s.ticket_id)
  else (select fa.owner_id from accounts fa where fa.id = s.account_id) end)`;

/** The owning user's id of a row of each kind (null: the kind has no owner). */
const OWNER_ID: Record<SourceKey, SQL | null> = {
  leads: sql`l.owner_id`,
  deals: sql`d.owner_id`,
  orders: sql`(select fa.owner_id from accounts fa where fa.id = o.account_id)`,
  tickets: sql`t.assignee_id`,
  surveys: SURVEY_OWNER,
  accounts: sql`a.owner_id`,
  campaigns: null,
  expenses: null,
  users: sql`u.id`,
};

export function ownerIdOf(key: SourceKey): SQL | null {
  return OWNER_ID[key];
}

/**
 * `the row's owner is in (users)`. Written as `IN` subqueries the planner turns into (index-driven)
 * semi-joins, not per-row lookups: orders through their account, survey responses through their ticket
 * or account.
 */
export function ownedBy(key: SourceKey, users: SQL): SQL {
  if (key === 'orders') return sql`o.account_id in (select fa.id from accounts fa where fa.owner_id in (${users}))`;
  if (key === 'surveys') {
    return sql`s.id in (select fs.id from survey_responses fs where fs.ticket_id in (select ft.id from tickets ft where ft.assignee_id in (${users}))
      union all select fs.id from survey_responses fs where fs.ticket_id is null and fs.account_id in (select fa.id from accounts fa where fa.owner_id in (${users})))`;
  }
  const owner = OWNER_ID[key];
  return owner ? sql`${owner} in (${users})` : sql`false`;
}

/** The owner's id for grouping a whole period's rows, with the joins it needs (joins, not per-row subqueries). */
export function ownerGroupExpr(key: SourceKey): { joins: SQL[]; id: SQL } | null {
  if (key === 'orders') return { joins: [sql`left join accounts goa on goa.id = o.account_id`], id: sql`goa.owner_id` };
  if (key === 'surveys') {
    return {
      joins: [sql`left join tickets gtk on gtk.id = s.ticket_id`, sql`left join accounts goa on goa.id = s.account_id`],
      id: sql`(case when s.ticket_id is not null then gtk.assignee_id else goa.owner_id end)`,
    };
  }
  const owner = OWNER_ID[key];
  return owner ? { joins: [], id: owner } : null;
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
export function visibleRecords(key: SourceKey, viewer: SessionUser, access: RecordAccess = 'write'): SQL {
  const users = scopeUsers(viewer, access);
  if (!users) return sql`true`;
  if (!OWNER_ID[key]) return sql`false`;
  return ownedBy(key, users);
}

export { intList };
