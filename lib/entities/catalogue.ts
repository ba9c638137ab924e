// The one catalogue of the app's entities (the record kinds of data-contract.md): what each is called
// in code, in SQL, in URLs and on screen, who owns one, and which features list it. The import, the
// record pages, the KPI drill-downs and ownership (lib/access) derive their lists from here.
//
// One name per entity in code: the key below, which is the table's name ('survey_responses'). The URL
// slug ('survey-responses') and the labels are fields of that entity, not other names for it.
// A leaf module (no imports): client components may read it. The zod schema of each entity stays in
// lib/validation/<entity>.ts; lib/validation's ENTITIES pairs each catalogue entry with it (a
// Record<EntityName, …>, so an entity without a schema does not compile).

/**
 * Who owns a record, declaratively (lib/access renders the SQL):
 * - `column`: the record's own column names its owner (`id` for users: a user owns themself). With
 *   `derived`, the database keeps that column from other rows and nobody writes it: a survey response's
 *   owner is the assignee of its ticket when it has one (even unassigned), else its account's owner
 *   (the golden data set settles this reading of the catalogue; lib/kpi/summary/sql-gen.ts, DERIVED);
 * - `account`: the owner of the record's account (`account_id`), e.g. orders;
 * - null: nobody owns it (campaigns, expenses): company-wide data.
 */
export type OwnerPath =
  | { kind: 'column'; column: 'owner_id' | 'assignee_id' | 'user_id' | 'id'; derived?: true }
  | { kind: 'account' }
  | null;

export interface EntityEntry {
  /** The table's name (snake case), which is also the entity's name in code. */
  table: string;
  /** The alias SQL gives its rows (`deals d`): ownership, filter and drill-down SQL refer to it. */
  alias: string;
  /** The URL segment of its record pages (/records/<slug>) and of drill-down rows and exports. */
  slug: string;
  /** On screen: 'Survey response' / 'Survey responses'. */
  singular: string;
  plural: string;
  ownerPath: OwnerPath;
  /** The column a re-import matches records by. */
  key: 'external_id' | 'email';
  /** Has list, record, new and edit pages under /records/<slug>. */
  recordPage: boolean;
  /** A KPI drill-down may list its records. */
  drillable: boolean;
}

/** Entity names in dependency order: a CSV may reference only entities before it (a folder import runs them in this order). */
export const ENTITY_NAMES = [
  'users', 'accounts', 'campaigns', 'leads', 'deals', 'orders', 'tickets', 'survey_responses', 'expenses', 'activities',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

const own = (column: 'owner_id' | 'assignee_id' | 'user_id' | 'id') => ({ kind: 'column', column }) as const;

export const ENTITY_CATALOGUE = {
  users: { table: 'users', alias: 'u', slug: 'users', singular: 'User', plural: 'Users', ownerPath: own('id'), key: 'email', recordPage: false, drillable: true },
  accounts: { table: 'accounts', alias: 'a', slug: 'accounts', singular: 'Account', plural: 'Accounts', ownerPath: own('owner_id'), key: 'external_id', recordPage: true, drillable: true },
  campaigns: { table: 'campaigns', alias: 'c', slug: 'campaigns', singular: 'Campaign', plural: 'Campaigns', ownerPath: null, key: 'external_id', recordPage: true, drillable: true },
  leads: { table: 'leads', alias: 'l', slug: 'leads', singular: 'Lead', plural: 'Leads', ownerPath: own('owner_id'), key: 'external_id', recordPage: true, drillable: true },
  deals: { table: 'deals', alias: 'd', slug: 'deals', singular: 'Deal', plural: 'Deals', ownerPath: own('owner_id'), key: 'external_id', recordPage: true, drillable: true },
  orders: { table: 'orders', alias: 'o', slug: 'orders', singular: 'Order', plural: 'Orders', ownerPath: { kind: 'account' }, key: 'external_id', recordPage: true, drillable: true },
  tickets: { table: 'tickets', alias: 't', slug: 'tickets', singular: 'Ticket', plural: 'Tickets', ownerPath: own('assignee_id'), key: 'external_id', recordPage: true, drillable: true },
  survey_responses: {
    table: 'survey_responses', alias: 's', slug: 'survey-responses', singular: 'Survey response', plural: 'Survey responses',
    ownerPath: { kind: 'column', column: 'owner_id', derived: true }, key: 'external_id', recordPage: true, drillable: true,
  },
  expenses: { table: 'expenses', alias: 'e', slug: 'expenses', singular: 'Expense', plural: 'Expenses', ownerPath: null, key: 'external_id', recordPage: false, drillable: true },
  activities: { table: 'activities', alias: 'act', slug: 'activities', singular: 'Activity', plural: 'Activities', ownerPath: own('user_id'), key: 'external_id', recordPage: false, drillable: false },
} as const satisfies Record<EntityName, EntityEntry>;

type Catalogue = typeof ENTITY_CATALOGUE;

/** The entities with record pages (/records/<slug>). */
export type RecordEntity = { [K in EntityName]: Catalogue[K]['recordPage'] extends true ? K : never }[EntityName];
/** The entities a drill-down may list. */
export type DrillableEntity = { [K in EntityName]: Catalogue[K]['drillable'] extends true ? K : never }[EntityName];
/** The slug of an entity (its URL spelling). */
export type EntitySlug<K extends EntityName = EntityName> = Catalogue[K]['slug'];

export const RECORD_ENTITIES = ENTITY_NAMES.filter((n) => ENTITY_CATALOGUE[n].recordPage) as RecordEntity[];
export const DRILLABLE_ENTITIES = ENTITY_NAMES.filter((n) => ENTITY_CATALOGUE[n].drillable) as DrillableEntity[];

export function isEntityName(s: string): s is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(s);
}

/** The entity a URL slug names ('survey-responses' -> 'survey_responses'); null for none. */
export function entityOfSlug(slug: string): EntityName | null {
  return ENTITY_NAMES.find((n) => ENTITY_CATALOGUE[n].slug === slug) ?? null;
}

/** The entity with record pages a URL slug names; null for none (a 404). */
export function recordEntityOfSlug(slug: string): RecordEntity | null {
  const e = entityOfSlug(slug);
  return e && ENTITY_CATALOGUE[e].recordPage ? (e as RecordEntity) : null;
}

/** `/records/<slug>`, `/records/<slug>/<id>`, `/records/<slug>/new`. */
export function recordHref(entity: RecordEntity, id?: number | string): string {
  const base = `/records/${ENTITY_CATALOGUE[entity].slug}`;
  return id === undefined ? base : `${base}/${id}`;
}

/**
 * The entity a user typed (CLI argument, file name): its name, slug or plural label, any case,
 * with or without `.csv` — `survey-responses`, `Survey Responses`, `survey_responses.csv`.
 */
export function parseEntityName(input: string): EntityName | null {
  const n = input.trim().toLowerCase().replace(/\.csv$/, '').replace(/[\s-]+/g, '_');
  return isEntityName(n) ? n : null;
}
