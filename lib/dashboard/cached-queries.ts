// The aggregate reads the dashboard and KPI pages show, through the KPI result cache
// (lib/kpi/cached-read.ts): one place that says which reads are shared between viewers.
// Drill-downs (records, paged) and goal progress stay uncached.
import 'server-only';
import { computeKpisWithPrevious, kpiBreakdown, kpiTimeSeries } from '@/lib/kpi';
import { cachedQuery, cachedRead } from '@/lib/kpi/cached-read';
import { npsScores, wonDealSizes } from './distributions';
import { leadFunnel, openDealsByStage } from './pipeline';

export const cachedKpis = {
  computeKpisWithPrevious: cachedRead('computeKpisWithPrevious', computeKpisWithPrevious),
  kpiTimeSeries: cachedRead('kpiTimeSeries', kpiTimeSeries),
  kpiBreakdown: cachedRead('kpiBreakdown', kpiBreakdown),
  leadFunnel: cachedQuery('leadFunnel', leadFunnel),
  openDealsByStage: cachedQuery('openDealsByStage', openDealsByStage),
  wonDealSizes: cachedQuery('wonDealSizes', wonDealSizes),
  npsScores: cachedQuery('npsScores', npsScores),
};
