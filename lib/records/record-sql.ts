// How the record pages and forms name a kind in SQL: its table and alias (the entity catalogue), its
// owner (lib/access/ownership, the same expression the drill-downs scope by) and the account a record
// belongs to (shown on its page).
import { sql, type SQL } from 'drizzle-orm';
import { ownerIdOf } from '@/lib/access';
import { ENTITY_CATALOGUE } from '@/lib/entities/catalogue';
import type { RecordEntity } from './entities';

export interface RecordSql {
  kind: RecordEntity;
  /** `table alias`. */
  from: SQL;
  alias: string;
  owner: SQL | null;
  account: SQL | null;
}

/** The record's account. A lead's account_id is the account it converted into, not one it belongs to. */
const ACCOUNT: Record<RecordEntity, string | null> = {
  accounts: 'a.id', leads: null, deals: 'd.account_id', orders: 'o.account_id', campaigns: null, tickets: 't.account_id', survey_responses: 's.account_id',
};

export function recordSql(kind: RecordEntity): RecordSql {
  const { table, alias } = ENTITY_CATALOGUE[kind];
  const account = ACCOUNT[kind];
  return { kind, from: sql.raw(`${table} ${alias}`), alias, owner: ownerIdOf(kind), account: account ? sql.raw(account) : null };
}

/** Whether records of the kind have an owner (campaigns do not: company-wide data). */
export const kindHasOwner = (kind: RecordEntity): boolean => ENTITY_CATALOGUE[kind].ownerPath != null;
