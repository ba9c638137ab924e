// The registry of entity schemas of data-contract.md, over the entity catalogue (lib/entities: names,
// dependency order, labels). The import, the record forms and the docs all read the contract from here.
import type { z } from 'zod';
import { ENTITY_CATALOGUE, ENTITY_NAMES, type EntityName } from '@/lib/entities/catalogue';
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

export { ENTITY_NAMES, parseEntityName, type EntityName } from '@/lib/entities/catalogue';

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

// Each entity's contract: its schema and columns (a Record over the catalogue's names, so an entity
// without a schema does not compile). The casts widen each schema's precise output type to the
// registry's common record type.
const CONTRACTS: Record<EntityName, Pick<EntityDef, 'schema' | 'columns'>> = {
  users: { schema: userSchema as unknown as EntityDef['schema'], columns: userColumns },
  accounts: { schema: accountSchema as unknown as EntityDef['schema'], columns: accountColumns },
  campaigns: { schema: campaignSchema as unknown as EntityDef['schema'], columns: campaignColumns },
  leads: { schema: leadSchema as unknown as EntityDef['schema'], columns: leadColumns },
  deals: { schema: dealSchema as unknown as EntityDef['schema'], columns: dealColumns },
  orders: { schema: orderSchema as unknown as EntityDef['schema'], columns: orderColumns },
  tickets: { schema: ticketSchema as unknown as EntityDef['schema'], columns: ticketColumns },
  survey_responses: { schema: surveyResponseSchema as unknown as EntityDef['schema'], columns: surveyResponseColumns },
  expenses: { schema: expenseSchema as unknown as EntityDef['schema'], columns: expenseColumns },
  activities: { schema: activitySchema as unknown as EntityDef['schema'], columns: activityColumns },
};

/** The import's view of each entity: the catalogue's entry with its contract, in dependency order. */
export const ENTITIES = Object.fromEntries(ENTITY_NAMES.map((name): [EntityName, EntityDef] => {
  const e = ENTITY_CATALOGUE[name];
  return [name, { name, label: e.plural, fileName: `${e.table}.csv`, key: e.key, ...CONTRACTS[name] }];
})) as Record<EntityName, EntityDef>;
