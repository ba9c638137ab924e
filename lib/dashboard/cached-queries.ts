// The aggregate reads the dashboard and KPI pages show, through the KPI result cache
// (lib/kpi/cached-read.ts): one place that says which reads are shared between viewers. Every one takes
// the database and an AuthorizedView (lib/access), whose cache key is its filters: people who may see
// the same numbers share one computation; a drill-down's page is also keyed by whose records the viewer may
// open. Goal progress and the CSV export stay uncached.
import 'server-only';
import { DATA_CHANGED_TABLES } from '@/db/client';
import type { AuthorizedView } from '@/lib/access';
import { KPI_KEYS, computeKpisWithPrevious, kpiBreakdown, kpiReadSet, kpiTimeSeries, type Dimension, type KpiKey, type KpiQuery } from '@/lib/kpi';
import type { ReadSet } from '@/lib/kpi/result-cache';
import { cachedRead } from '@/lib/kpi/cached-read';
import type { QueryDb } from '@/db/client';
import { kpiDrilldown, type DrillQuery, type DrillResult } from '@/lib/kpi/drilldown';
import { drillReadSet, drillScopeKey } from '@/lib/kpi/drill-reads';
import { npsScores, wonDealSizes } from './distributions';
import { leadFunnel, openDealsByStage } from './pipeline';

/**
 * The funnel, stage and distribution queries read CRM records, users and teams, never the activity
 * log: a sign-in (an activities row) leaves them be. lib/dashboard has no query on activities.
 */
const ALL_BUT_ACTIVITIES: ReadonlySet<string> = new Set(DATA_CHANGED_TABLES.filter((t) => t !== 'activities'));
const allButActivities = () => ALL_BUT_ACTIVITIES;
/**
 * The funnel reads leads, and the stage and deal-size charts deals, only as the view's own records
 * (their base table, filtered by lib/kpi/sql/sources filterConditions like a KPI pass, and nowhere else
 * in their SQL): another rep's lead or deal leaves a rep's or a team's chart be (lib/kpi/result-cache.ts).
 */
const ownRecordsOf = (table: 'leads' | 'deals') => (view: AuthorizedView): ReadSet => ({
  tables: ALL_BUT_ACTIVITIES, ownerScoped: new Set([table]), rows: { ownerId: view.rows.ownerId, teamId: view.rows.teamId },
});

const cachedDrilldown = cachedRead('kpiDrilldown',
  (db: QueryDb, view: AuthorizedView, key: KpiKey, q: DrillQuery, _scope: string) => kpiDrilldown(db, view, key, q),
  (view: AuthorizedView, key: KpiKey, q: DrillQuery) => drillReadSet(view, key, q));

export const cachedKpis = {
  computeKpisWithPrevious: cachedRead('computeKpisWithPrevious', computeKpisWithPrevious,
    (view: AuthorizedView, q: KpiQuery) => kpiReadSet(q.keys ?? KPI_KEYS, view)),
  kpiTimeSeries: cachedRead('kpiTimeSeries', kpiTimeSeries, (view: AuthorizedView, key: KpiKey) => kpiReadSet([key], view)),
  kpiBreakdown: cachedRead('kpiBreakdown', kpiBreakdown,
    (view: AuthorizedView, key: KpiKey, q: { dimension: Dimension }) => kpiReadSet([key], view, q.dimension)),
  leadFunnel: cachedRead('leadFunnel', leadFunnel, ownRecordsOf('leads')),
  openDealsByStage: cachedRead('openDealsByStage', openDealsByStage, ownRecordsOf('deals')),
  wonDealSizes: cachedRead('wonDealSizes', wonDealSizes, ownRecordsOf('deals')),
  npsScores: cachedRead('npsScores', npsScores, allButActivities),
  /** A page of the records behind a KPI: keyed also by whose records the viewer may open. */
  kpiDrilldown: (db: QueryDb, view: AuthorizedView, key: KpiKey, q: DrillQuery): Promise<DrillResult> => cachedDrilldown(db, view, key, q, drillScopeKey(view)),
};

export { ALL_BUT_ACTIVITIES };
