// The record kinds KPIs are computed over, and how each filter reaches them (kpi-catalog.md,
// Conventions, "Filters"). Every aggregate, breakdown and drill-down builds its WHERE from here.
import { sql, type SQL } from 'drizzle-orm';
import type { Dimension, DrillEntity, FilterKey, KpiFilters } from '../types';

export type SourceKey = 'leads' | 'deals' | 'orders' | 'tickets' | 'surveys' | 'accounts' | 'campaigns' | 'expenses' | 'users';

export interface SourceDef {
  key: SourceKey;
  /** `table alias`; conditions refer to the alias. */
  from: SQL;
  alias: string;
  entity: DrillEntity;
  /** Conditions every row must meet (e.g. only active users count). */
  base?: SQL;
  /** The owning user's id (owner, assignee, user), for owner/team filters, scoping and breakdowns. */
  owner: SQL | null;
  /** True when the owner is the account's owner (orders): filters go through the account. */
  ownerViaAccount?: boolean;
  /** The account the record belongs to, for segment/region/industry. */
  account: SQL | null;
  /** Own columns matched by the product, source and channel filters. */
  columns: Partial<Record<'product' | 'source' | 'channel', SQL>>;
  /**
   * Small tables (one row per customer, user, campaign, expense) are read whole: a window of
   * customer-set conditions would cost more to evaluate than it saves.
   */
  readWhole?: boolean;
}

const S = (key: SourceKey, def: Omit<SourceDef, 'key'>): SourceDef => ({ key, ...def });

// A survey response belongs to its ticket's assignee when it has a ticket (even an unassigned one),
// else to its account's owner (the golden data set settles this reading of the catalogue).
const surveyOwner = sql`(case when s.ticket_id is not null then (select ft.assignee_id from tickets ft where ft.id = s.ticket_id)
  else (select fa.owner_id from accounts fa where fa.id = s.account_id) end)`;

export const SOURCES: Record<SourceKey, SourceDef> = {
  leads: S('leads', { from: sql`leads l`, alias: 'l', entity: 'leads', owner: sql`l.owner_id`, account: null, columns: { source: sql`l.source` } }),
  deals: S('deals', { from: sql`deals d`, alias: 'd', entity: 'deals', owner: sql`d.owner_id`, account: sql`d.account_id`, columns: { product: sql`d.product` } }),
  orders: S('orders', {
    from: sql`orders o`, alias: 'o', entity: 'orders', owner: sql`(select fa.owner_id from accounts fa where fa.id = o.account_id)`,
    ownerViaAccount: true, account: sql`o.account_id`, columns: { product: sql`o.product` },
  }),
  tickets: S('tickets', { from: sql`tickets t`, alias: 't', entity: 'tickets', owner: sql`t.assignee_id`, account: sql`t.account_id`, columns: { channel: sql`t.channel` } }),
  surveys: S('surveys', { from: sql`survey_responses s`, alias: 's', entity: 'survey-responses', owner: surveyOwner, account: sql`s.account_id`, columns: {} }),
  accounts: S('accounts', { from: sql`accounts a`, alias: 'a', entity: 'accounts', owner: sql`a.owner_id`, account: sql`a.id`, columns: {}, readWhole: true }),
  campaigns: S('campaigns', { from: sql`campaigns c`, alias: 'c', entity: 'campaigns', owner: null, account: null, columns: { channel: sql`c.channel` }, readWhole: true }),
  expenses: S('expenses', { from: sql`expenses e`, alias: 'e', entity: 'expenses', owner: null, account: null, columns: {} }),
  users: S('users', { from: sql`users u`, alias: 'u', entity: 'users', base: sql`u.active`, owner: sql`u.id`, account: null, columns: {}, readWhole: true }),
};

const ACCOUNT_ATTRS = ['segment', 'region', 'industry'] as const;

/** The filters that reach a record kind; the others leave it unfiltered. */
export function sourceFilterKeys(src: SourceDef): FilterKey[] {
  const keys: FilterKey[] = [];
  if (src.owner) keys.push('team', 'owner');
  if (src.account) keys.push(...ACCOUNT_ATTRS);
  for (const k of ['product', 'source', 'channel'] as const) if (src.columns[k]) keys.push(k);
  return keys;
}

/** Users matching the owner or team filter value (case-insensitive). */
export function usersMatching(key: 'owner' | 'team', value: string): SQL {
  return key === 'owner'
    ? sql`select fu.id from users fu where lower(fu.email) = lower(${value})`
    : sql`select fu.id from users fu join teams ftm on ftm.id = fu.team_id where lower(ftm.name) = lower(${value})`;
}

/**
 * `owner in (users)`, through the account for kinds owned via their account. Written as `IN`
 * subqueries the planner turns into (index-driven) semi-joins, not per-row lookups.
 */
export function ownerIn(src: SourceDef, users: SQL): SQL {
  if (src.ownerViaAccount) return sql`${src.account} in (select fa.id from accounts fa where fa.owner_id in (${users}))`;
  if (src.key === 'surveys') {
    return sql`s.id in (select fs.id from survey_responses fs where fs.ticket_id in (select ft.id from tickets ft where ft.assignee_id in (${users}))
      union all select fs.id from survey_responses fs where fs.ticket_id is null and fs.account_id in (select fa.id from accounts fa where fa.owner_id in (${users})))`;
  }
  if (!src.owner) return sql`false`;
  return sql`${src.owner} in (${users})`;
}

/** The WHERE conditions that apply `filters` to `src` (plus its base condition). */
export function filterConditions(src: SourceDef, filters: KpiFilters): SQL[] {
  const conds: SQL[] = src.base ? [src.base] : [];
  const applies = new Set(sourceFilterKeys(src));
  for (const key of ['owner', 'team'] as const) {
    const v = filters[key];
    if (v && applies.has(key)) conds.push(ownerIn(src, usersMatching(key, v)));
  }
  const attrs = ACCOUNT_ATTRS.filter((k) => filters[k] && applies.has(k));
  if (attrs.length > 0) {
    if (src.key === 'accounts') {
      for (const k of attrs) conds.push(sql`lower(${sql.raw(`a.${k}`)}) = lower(${filters[k]!})`);
    } else {
      const inner = attrs.map((k) => sql`lower(${sql.raw(`fa.${k}`)}) = lower(${filters[k]!})`);
      conds.push(sql`${src.account} in (select fa.id from accounts fa where ${sql.join(inner, sql` and `)})`);
    }
  }
  for (const k of ['product', 'source', 'channel'] as const) {
    const col = src.columns[k];
    if (filters[k] && col) conds.push(sql`lower(${col}) = lower(${filters[k]!})`);
  }
  return conds;
}

/**
 * A breakdown dimension on a record kind: the joins it needs, the group key (usable as the filter
 * value) and a label. Joins, not per-row subqueries: a breakdown reads every row of the period.
 */
export interface GroupExpr { joins: SQL[]; key: SQL; label: SQL }

/** The owner's user id for grouping, with the joins it needs (same rules as `owner`). */
function groupOwner(src: SourceDef): { joins: SQL[]; id: SQL } {
  if (src.key === 'orders') return { joins: [sql`left join accounts goa on goa.id = o.account_id`], id: sql`goa.owner_id` };
  if (src.key === 'surveys') {
    return {
      joins: [sql`left join tickets gtk on gtk.id = s.ticket_id`, sql`left join accounts goa on goa.id = s.account_id`],
      id: sql`(case when s.ticket_id is not null then gtk.assignee_id else goa.owner_id end)`,
    };
  }
  return { joins: [], id: src.owner! };
}

export function groupExpr(src: SourceDef, dim: Dimension): GroupExpr | null {
  if (!sourceFilterKeys(src).includes(dim)) return null;
  if (dim === 'owner' || dim === 'team') {
    const { joins, id } = groupOwner(src);
    joins.push(sql`left join users gu on gu.id = ${id}`);
    if (dim === 'owner') return { joins, key: sql`lower(gu.email)`, label: sql`gu.name` };
    joins.push(sql`left join teams gt on gt.id = gu.team_id`);
    return { joins, key: sql`lower(gt.name)`, label: sql`gt.name` };
  }
  if (dim === 'segment' || dim === 'region' || dim === 'industry') {
    if (src.key === 'accounts') return { joins: [], key: sql`lower(${sql.raw(`a.${dim}`)})`, label: sql.raw(`a.${dim}`) };
    const col = sql.raw(`ga.${dim}`);
    return { joins: [sql`left join accounts ga on ga.id = ${src.account}`], key: sql`lower(${col})`, label: col };
  }
  const col = src.columns[dim]!;
  return { joins: [], key: sql`lower(${col})`, label: col };
}
