// The aggregate reads the dashboard and KPI pages show, through the KPI result cache
// (lib/kpi/cached-read.ts): one place that says which reads are shared between viewers.
// Drill-downs (records, paged) and goal progress stay uncached.
import 'server-only';
import { DATA_CHANGED_TABLES } from '@/db/client';
import { KPI_KEYS, computeKpisWithPrevious, kpiBreakdown, kpiReadTables, kpiTimeSeries, type KpiFilters, type KpiKey, type KpiQuery } from '@/lib/kpi';
import { cachedQuery, cachedRead } from '@/lib/kpi/cached-read';
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
    (q: KpiQuery) => kpiReadTables(q.keys ?? KPI_KEYS, q.filters)),
  kpiTimeSeries: cachedRead('kpiTimeSeries', kpiTimeSeries, (key: KpiKey, q: { filters?: KpiFilters }) => kpiReadTables([key], q.filters)),
  kpiBreakdown: cachedRead('kpiBreakdown', kpiBreakdown,
    (key: KpiKey, q: { filters?: KpiFilters; dimension: Parameters<typeof kpiReadTables>[2] }) => kpiReadTables([key], q.filters, q.dimension)),
  leadFunnel: cachedQuery('leadFunnel', leadFunnel, allButActivities),
  openDealsByStage: cachedQuery('openDealsByStage', openDealsByStage, allButActivities),
  wonDealSizes: cachedQuery('wonDealSizes', wonDealSizes, allButActivities),
  npsScores: cachedQuery('npsScores', npsScores, allButActivities),
};

export { ALL_BUT_ACTIVITIES };
