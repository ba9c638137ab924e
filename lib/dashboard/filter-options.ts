// The choices of the filter bar: teams and owners the viewer may look at (lib/access), and the values
// that occur in the data for the free-text dimensions (capped, and shared through the KPI result cache).
import 'server-only';
import { cache } from 'react';
import { sql } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { scopeChoices, type ScopeChoice, type SessionUser } from '@/lib/access';
import type { FilterKey } from '@/lib/kpi';
import { cachedRead } from '@/lib/kpi/cached-read';

/** `team`: an owner's team name, so the owner choices can follow the chosen team. */
export type Option = ScopeChoice;
export type FilterOptions = Record<FilterKey, Option[]>;

const LIMIT = 200;

async function distinct(db: QueryDb, query: ReturnType<typeof sql>): Promise<Option[]> {
  const rows = await queryRows<{ v: string }>(db, query);
  return rows.map((r) => ({ value: r.v, label: r.v }));
}

/**
 * The values that occur in the data, the same for every viewer, kept in the KPI result cache (which
 * drops them when the data changes). Products, lead sources and ticket channels are read from the
 * monthly summaries (lib/kpi/summary), which hold a row for every value of every deal, lead and ticket
 * (each is counted in the month it was created, and rows are deleted when their count reaches 0):
 * the same values as the raw tables, from thousands of rows instead of millions. A scan of 1M tickets
 * took 285 ms at large scale, after every write, in every dashboard's filter bar.
 */
export async function readDimensionValues(db: QueryDb): Promise<Omit<FilterOptions, 'team' | 'owner'>> {
  const [accountValues, recordValues] = await Promise.all([readAccountValues(db), readRecordValues(db)]);
  return { ...accountValues, ...recordValues };
}

/** The accounts' attributes: a scan of every account (80 ms at large scale), so cached apart from the rest. */
async function readAccountValues(db: QueryDb): Promise<Pick<FilterOptions, 'segment' | 'region' | 'industry'>> {
  const [segment, region, industry] = await Promise.all([
    distinct(db, sql`select distinct segment as v from accounts where segment is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct region as v from accounts where region is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct industry as v from accounts where industry is not null order by 1 limit ${LIMIT}`),
  ]);
  return { segment, region, industry };
}

async function readRecordValues(db: QueryDb): Promise<Pick<FilterOptions, 'product' | 'source' | 'channel'>> {
  const [product, source, channel] = await Promise.all([
    distinct(db, sql`select distinct product as v from deal_open_months where product is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct source as v from lead_created_months order by 1 limit ${LIMIT}`),
    distinct(db, sql`select v from (select channel as v from ticket_created_months where channel is not null union select channel from campaigns) c order by 1 limit ${LIMIT}`),
  ]);
  return { product, source, channel };
}

// Each part is dropped only by a change of the tables it reads: the account attributes by accounts
// alone, so the deals and tickets a team saves all day no longer rescan every account for every page
// (under load at large with 2 saves a second they had been 20 s of database time a minute). The
// summaries are written only by their record tables' triggers.
const accountValues = cachedRead('accountValues', readAccountValues, () => new Set(['accounts']));
const recordValues = cachedRead('recordValues', readRecordValues, () => new Set(['deals', 'leads', 'tickets', 'campaigns']));
const dimensionValues = async (db: QueryDb) => {
  const [a, r] = await Promise.all([accountValues(db), recordValues(db)]);
  return { ...a, ...r };
};

// The teams and people a viewer may choose (the viewer, with their role and teams, is the key): dropped
// by any change of users or teams (a rename, a move, a new person), not by the records people save.
const cachedScopeChoices = cachedRead('scopeChoices', scopeChoices, () => new Set(['users', 'teams']));

/** The viewer's filter choices; once per request (React cache), whoever asks. */
export const filterOptions = cache(async (db: QueryDb, user: SessionUser): Promise<FilterOptions> => {
  const [{ team, owner }, { segment, region, industry, product, source, channel }] = await Promise.all([cachedScopeChoices(db, user), dimensionValues(db)]);
  return { team, owner, segment, region, industry, product, source, channel };
});
