// The record kinds KPIs are computed over, and how each filter reaches them (kpi-catalog.md,
// Conventions, "Filters"). Every aggregate, breakdown and drill-down builds its WHERE from here.
import { sql, type SQL } from 'drizzle-orm';
import { ownedBy, ownerGroupExpr, ownerIdOf, teamMembers, type RowFilters } from '@/lib/access';
import { ENTITY_CATALOGUE } from '@/lib/entities/catalogue';
import type { Dimension, DrillEntity, FilterKey } from '../types';

export type SourceKey = 'leads' | 'deals' | 'orders' | 'tickets' | 'survey_responses' | 'accounts' | 'campaigns' | 'expenses' | 'users';

export interface SourceDef {
  key: SourceKey;
  /** `table alias`; conditions refer to the alias. */
  from: SQL;
  alias: string;
  entity: DrillEntity;
  /** Conditions every row must meet (e.g. only active users count). */
  base?: SQL;
  /** The owning user's id (lib/access/ownership), for owner/team filters, scoping and breakdowns. */
  owner: SQL | null;
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

/** A source's table, alias, drill-down entity and owner come from the entity catalogue (lib/entities). */
const S = (key: SourceKey, def: Omit<SourceDef, 'key' | 'from' | 'alias' | 'entity' | 'owner'>): SourceDef => {
  const { table, alias, slug } = ENTITY_CATALOGUE[key];
  return { key, from: sql.raw(`${table} ${alias}`), alias, entity: slug, owner: ownerIdOf(key), ...def };
};

export const SOURCES: Record<SourceKey, SourceDef> = {
  leads: S('leads', { account: null, columns: { source: sql`l.source` } }),
  deals: S('deals', { account: sql`d.account_id`, columns: { product: sql`d.product` } }),
  orders: S('orders', {
    account: sql`o.account_id`, columns: { product: sql`o.product` },
  }),
  tickets: S('tickets', { account: sql`t.account_id`, columns: { channel: sql`t.channel` } }),
  survey_responses: S('survey_responses', { account: sql`s.account_id`, columns: {} }),
  accounts: S('accounts', { account: sql`a.id`, columns: {}, readWhole: true }),
  campaigns: S('campaigns', { account: null, columns: { channel: sql`c.channel` }, readWhole: true }),
  expenses: S('expenses', { account: null, columns: {} }),
  users: S('users', { base: sql`u.active`, account: null, columns: {}, readWhole: true }),
};

/** The account attributes a view can filter or break records down by (through their account). */
export const ACCOUNT_ATTRS = ['segment', 'region', 'industry'] as const;

/** The filters that reach a record kind; the others leave it unfiltered. */
export function sourceFilterKeys(src: SourceDef): FilterKey[] {
  const keys: FilterKey[] = [];
  if (src.owner) keys.push('team', 'owner');
  if (src.account) keys.push(...ACCOUNT_ATTRS);
  for (const k of ['product', 'source', 'channel'] as const) if (src.columns[k]) keys.push(k);
  return keys;
}

/** The filters a record kind is filtered by, named as the catalogue names them. */
export function rowFilterKeys(filters: RowFilters): FilterKey[] {
  const keys: FilterKey[] = [];
  if (filters.teamId != null) keys.push('team');
  if (filters.ownerId != null) keys.push('owner');
  for (const k of ['segment', 'region', 'industry', 'product', 'source', 'channel'] as const) if (filters[k]) keys.push(k);
  return keys;
}

/** The users the owner and team filters keep, as subqueries (both apply when both are set). */
export function filterUsers(filters: RowFilters): SQL[] {
  const users: SQL[] = [];
  if (filters.ownerId != null) users.push(sql`select ${filters.ownerId}::int`);
  if (filters.teamId != null) users.push(teamMembers(filters.teamId));
  return users;
}

/** The WHERE conditions that apply `filters` to `src` (plus its base condition). */
export function filterConditions(src: SourceDef, filters: RowFilters): SQL[] {
  const conds: SQL[] = src.base ? [src.base] : [];
  const applies = new Set(sourceFilterKeys(src));
  if (applies.has('owner')) for (const users of filterUsers(filters)) conds.push(ownedBy(src.key, users));
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

export function groupExpr(src: SourceDef, dim: Dimension): GroupExpr | null {
  if (!sourceFilterKeys(src).includes(dim)) return null;
  if (dim === 'owner' || dim === 'team') {
    const { joins, id } = ownerGroupExpr(src.key)!;
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
