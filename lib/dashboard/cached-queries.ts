// The aggregate reads the dashboard and KPI pages show, through the KPI result cache
// (lib/kpi/cached-read.ts): one place that says which reads are shared between viewers. Every one takes
// the database and an AuthorizedView (lib/access), whose cache key is its filters: people who may see
// the same numbers share one computation. Drill-downs (records, paged) and goal progress stay uncached.
import 'server-only';
import { DATA_CHANGED_TABLES } from '@/db/client';
import type { AuthorizedView } from '@/lib/access';
import { KPI_KEYS, computeKpisWithPrevious, kpiBreakdown, kpiReadTables, kpiTimeSeries, type Dimension, type KpiKey, type KpiQuery } from '@/lib/kpi';
import { cachedRead } from '@/lib/kpi/cached-read';
import { npsScores, wonDealSizes } from './distributions';
import { leadFunnel, openDealsByStage } from './pipeline';

/**
 * The funnel, stage and distribution queries read CRM records, users and teams, never the activity
 * log: a sign-in (an activities row) leaves them be. lib/dashboard has no query on activities.
 */
const ALL_BUT_ACTIVITIES: ReadonlySet<string> = new Set(DATA_CHANGED_TABLES.filter((t) => t !== 'activities'));
const allButActivities = () => ALL_BUT_ACTIVITIES;

export const cachedKpis = {
  computeKpisWithPrevious: cachedRead('computeKpisWithPrevious', computeKpisWithPrevious,
    (view: AuthorizedView, q: KpiQuery) => kpiReadTables(q.keys ?? KPI_KEYS, view)),
  kpiTimeSeries: cachedRead('kpiTimeSeries', kpiTimeSeries, (view: AuthorizedView, key: KpiKey) => kpiReadTables([key], view)),
  kpiBreakdown: cachedRead('kpiBreakdown', kpiBreakdown,
    (view: AuthorizedView, key: KpiKey, q: { dimension: Dimension }) => kpiReadTables([key], view, q.dimension)),
  leadFunnel: cachedRead('leadFunnel', leadFunnel, allButActivities),
  openDealsByStage: cachedRead('openDealsByStage', openDealsByStage, allButActivities),
  wonDealSizes: cachedRead('wonDealSizes', wonDealSizes, allButActivities),
  npsScores: cachedRead('npsScores', npsScores, allButActivities),
};

export { ALL_BUT_ACTIVITIES };
