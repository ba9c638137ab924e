// The record kinds with pages (/records/<slug>, lib/entities/catalogue) and what their lists show. Who
// may open a record is lib/access's visibleRecords for the kind (the drill-down's scope rule; ./record-sql.ts).
import { ENTITY_CATALOGUE, RECORD_ENTITIES, type RecordEntity } from '@/lib/entities/catalogue';
import { ticketTitleSql } from './titles';

export type { RecordEntity };

export interface RecordKindDef {
  label: string;
  singular: string;
  table: string;
  /** SQL expression naming a record in lists and titles, over the table's alias `a` (the source's). */
  title: (a: string) => string;
  /** Columns listed (database names, or `title` for the title above); the first links to the record. */
  listColumns: string[];
  /** Searched by the list's search box (ILIKE). */
  search: string[];
  /** The time column lists sort by, newest first. */
  sortColumn: string;
}

type ListDef = Pick<RecordKindDef, 'title' | 'listColumns' | 'search' | 'sortColumn'>;

// What a list shows of each kind; names, labels and tables come from the catalogue.
const LISTS: Record<RecordEntity, ListDef> = {
  accounts: { title: (a) => `${a}.name`, listColumns: ['name', 'segment', 'industry', 'region', 'customer_since', 'churned_at'], search: ['name', 'external_id'], sortColumn: 'id' },
  leads: { title: (a) => `${a}.external_id`, listColumns: ['external_id', 'source', 'created_at', 'mql_at', 'sql_at', 'converted_at'], search: ['external_id', 'source'], sortColumn: 'created_at' },
  deals: { title: (a) => `${a}.name`, listColumns: ['name', 'stage', 'amount', 'product', 'created_at', 'closed_at'], search: ['name', 'external_id', 'stage'], sortColumn: 'created_at' },
  orders: { title: (a) => `${a}.external_id`, listColumns: ['external_id', 'ordered_at', 'amount', 'product'], search: ['external_id', 'product'], sortColumn: 'ordered_at' },
  campaigns: { title: (a) => `${a}.name`, listColumns: ['name', 'channel', 'started_at', 'ended_at', 'cost'], search: ['name', 'external_id', 'channel'], sortColumn: 'id' },
  tickets: { title: ticketTitleSql, listColumns: ['title', 'external_id', 'channel', 'priority', 'category', 'created_at', 'resolved_at'], search: ['subject', 'external_id', 'channel', 'category'], sortColumn: 'created_at' },
  survey_responses: { title: (a) => `${a}.external_id`, listColumns: ['external_id', 'kind', 'score', 'responded_at'], search: ['external_id', 'kind'], sortColumn: 'responded_at' },
};

export const ENTITY_DEFS = Object.fromEntries(RECORD_ENTITIES.map((name): [RecordEntity, RecordKindDef] => {
  const e = ENTITY_CATALOGUE[name];
  return [name, { label: e.plural, singular: e.singular, table: e.table, ...LISTS[name] }];
})) as Record<RecordEntity, RecordKindDef>;

/** The SQL expression of a list column over alias `a`: the record's title for `title`, else the column. */
export function listColumnSql(def: RecordKindDef, a: string, column: string): string {
  return column === 'title' ? def.title(a) : `${a}.${column}`;
}
