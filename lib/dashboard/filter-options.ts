// The choices of the filter bar: teams and owners the viewer may look at (lib/access), and the values
// that occur in the data for the free-text dimensions (capped, and shared through the KPI result cache).
import 'server-only';
import { cache } from 'react';
import { sql } from 'drizzle-orm';
import { queryRows, type QueryDb } from '@/db/client';
import { scopeChoices, type ScopeChoice, type SessionUser } from '@/lib/access';
import type { FilterKey } from '@/lib/kpi';
import { cachedRead } from '@/lib/kpi/cached-read';
import { ALL_BUT_ACTIVITIES } from './cached-queries';

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
  const [segment, region, industry, product, source, channel] = await Promise.all([
    distinct(db, sql`select distinct segment as v from accounts where segment is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct region as v from accounts where region is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct industry as v from accounts where industry is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct product as v from deal_open_months where product is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct source as v from lead_created_months order by 1 limit ${LIMIT}`),
    distinct(db, sql`select v from (select channel as v from ticket_created_months where channel is not null union select channel from campaigns) c order by 1 limit ${LIMIT}`),
  ]);
  return { segment, region, industry, product, source, channel };
}

const dimensionValues = cachedRead('dimensionValues', readDimensionValues, () => ALL_BUT_ACTIVITIES);

/** The viewer's filter choices; once per request (React cache), whoever asks. */
export const filterOptions = cache(async (db: QueryDb, user: SessionUser): Promise<FilterOptions> => {
  const [{ team, owner }, { segment, region, industry, product, source, channel }] = await Promise.all([scopeChoices(db, user), dimensionValues(db)]);
  return { team, owner, segment, region, industry, product, source, channel };
});
