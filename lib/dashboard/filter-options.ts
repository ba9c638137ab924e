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
 * The values that occur in the data, the same for every viewer. Each list is a scan of a large table
 * (30 ms for tickets' channels at medium scale, on every page): kept in the KPI result cache, which
 * drops them when the data changes.
 */
const dimensionValues = cachedRead('dimensionValues', async (db: QueryDb) => {
  const [segment, region, industry, product, source, channel] = await Promise.all([
    distinct(db, sql`select distinct segment as v from accounts where segment is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct region as v from accounts where region is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct industry as v from accounts where industry is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct product as v from deals where product is not null order by 1 limit ${LIMIT}`),
    distinct(db, sql`select distinct source as v from leads order by 1 limit ${LIMIT}`),
    distinct(db, sql`select v from (select channel as v from tickets where channel is not null union select channel from campaigns) c order by 1 limit ${LIMIT}`),
  ]);
  return { segment, region, industry, product, source, channel };
}, () => ALL_BUT_ACTIVITIES);

/** The viewer's filter choices; once per request (React cache), whoever asks. */
export const filterOptions = cache(async (db: QueryDb, user: SessionUser): Promise<FilterOptions> => {
  const [{ team, owner }, { segment, region, industry, product, source, channel }] = await Promise.all([scopeChoices(db, user), dimensionValues(db)]);
  return { team, owner, segment, region, industry, product, source, channel };
});
