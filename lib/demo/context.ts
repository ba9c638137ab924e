// What every step of the generator shares: the transaction, the draws, the clock, the scale, the people.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { DemoCalendar } from './calendar';
import type { ScaleTargets } from './config';
import type { SqlRand } from './sql-rand';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Owner pools as slot arrays: an owner is `slots[1 + floor(u * slots.length)]`, 0 = no owner. */
export interface OwnerSlots {
  /** Accounts: sales and success people. */
  accounts: number[];
  /** Leads and deals not inherited from an account: sales people. */
  sales: number[];
  /** Ticket assignees: support people. */
  support: number[];
}

export interface DemoPeople {
  adminId: number;
  managerId: number;
  memberId: number;
  inactiveId: number;
  slots: OwnerSlots;
}

export interface SeedContext {
  tx: Tx;
  rand: SqlRand;
  cal: DemoCalendar;
  /** Scale factor: 1 small, 10 medium, 100 large (money and volumes scale with it). */
  f: number;
  targets: ScaleTargets;
  people: DemoPeople;
  /** SQL literals of now and of the first instant of history. */
  now: string;
  start: string;
}

export async function exec(ctx: Pick<SeedContext, 'tx'>, text: string): Promise<void> {
  await ctx.tx.execute(sql.raw(text));
}

/**
 * SQL: an external id, `prefix` and the number zero-padded to `width` digits ('DEAL-0000001'); wider
 * numbers keep all their digits (lpad alone would cut 10,000,000 to '1000000', a duplicate at xlarge).
 */
export function externalIdSql(prefix: string, idExpr: string, width: number): string {
  return `'${prefix}-' || lpad((${idExpr})::text, greatest(${width}, length((${idExpr})::text)), '0')`;
}

/**
 * Inserts the rows of `parts` (selects of `columns` plus a tie-breaker `k`, joined by union all) with
 * ids and external ids ('DEAL-0000001') numbered in order of creation, as a real CRM's would be.
 */
export async function insertNumbered(ctx: Pick<SeedContext, 'tx'>, table: string, prefix: string, columns: string, parts: string[]): Promise<void> {
  await exec(ctx, `
    insert into ${table} (id, external_id, ${columns})
    select id, ${externalIdSql(prefix, 'id', 7)}, ${columns}
    from (
      select row_number() over (order by created_at, k) as id, ${columns}
      from (${parts.join(' union all ')}) all_rows
    ) numbered`);
}
