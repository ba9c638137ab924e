// The registry of entity schemas of data-contract.md, in dependency order (a file may reference only
// entities before it). The import, the record forms and the docs all read the contract from here.
import type { z } from 'zod';
import type { ColumnSpec } from './fields';
import { accountColumns, accountSchema } from './accounts';
import { activityColumns, activitySchema } from './activities';
import { campaignColumns, campaignSchema } from './campaigns';
import { dealColumns, dealSchema } from './deals';
import { expenseColumns, expenseSchema } from './expenses';
import { leadColumns, leadSchema } from './leads';
import { orderColumns, orderSchema } from './orders';
import { surveyResponseColumns, surveyResponseSchema } from './survey-responses';
import { ticketColumns, ticketSchema } from './tickets';
import { userColumns, userSchema } from './users';

export * from './accounts';
export * from './activities';
export * from './campaigns';
export * from './deals';
export * from './expenses';
export * from './leads';
export * from './orders';
export * from './survey-responses';
export * from './tickets';
export * from './users';
export type { ColumnMeta, ColumnSpec, ColumnType } from './fields';

/** Entity names in dependency order: the order a folder import runs them. */
export const ENTITY_NAMES = [
  'users', 'accounts', 'campaigns', 'leads', 'deals', 'orders', 'tickets', 'survey_responses', 'expenses', 'activities',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export interface EntityDef {
  name: EntityName;
  /** Human label, e.g. 'Survey responses'. */
  label: string;
  /** The file a folder import reads, e.g. 'survey_responses.csv'. */
  fileName: string;
  /** The column a re-import matches records by. */
  key: 'external_id' | 'email';
  schema: z.ZodType<Record<string, unknown>, Record<string, unknown>>;
  columns: readonly ColumnSpec[];
}

function def(name: EntityName, label: string, schema: EntityDef['schema'], columns: ColumnSpec[]): EntityDef {
  return { name, label, fileName: `${name}.csv`, key: name === 'users' ? 'email' : 'external_id', schema, columns };
}

// The casts widen each schema's precise output type to the registry's common record type.
export const ENTITIES: Record<EntityName, EntityDef> = {
  users: def('users', 'Users', userSchema as unknown as EntityDef['schema'], userColumns),
  accounts: def('accounts', 'Accounts', accountSchema as unknown as EntityDef['schema'], accountColumns),
  campaigns: def('campaigns', 'Campaigns', campaignSchema as unknown as EntityDef['schema'], campaignColumns),
  leads: def('leads', 'Leads', leadSchema as unknown as EntityDef['schema'], leadColumns),
  deals: def('deals', 'Deals', dealSchema as unknown as EntityDef['schema'], dealColumns),
  orders: def('orders', 'Orders', orderSchema as unknown as EntityDef['schema'], orderColumns),
  tickets: def('tickets', 'Tickets', ticketSchema as unknown as EntityDef['schema'], ticketColumns),
  survey_responses: def('survey_responses', 'Survey responses', surveyResponseSchema as unknown as EntityDef['schema'], surveyResponseColumns),
  expenses: def('expenses', 'Expenses', expenseSchema as unknown as EntityDef['schema'], expenseColumns),
  activities: def('activities', 'Activities', activitySchema as unknown as EntityDef['schema'], activityColumns),
};

/** `survey-responses`, `Survey Responses`, `survey_responses.csv` -> 'survey_responses'; else null. */
export function parseEntityName(input: string): EntityName | null {
  const n = input.trim().toLowerCase().replace(/\.csv$/, '').replace(/[\s-]+/g, '_');
  return (ENTITY_NAMES as readonly string[]).includes(n) ? (n as EntityName) : null;
}
