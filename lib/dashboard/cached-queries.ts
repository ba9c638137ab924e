// The aggregate reads the dashboard and KPI pages show, through the KPI result cache
// (lib/kpi/cached-read.ts): one place that says which reads are shared between viewers. Every one takes
// the database and an AuthorizedView (lib/access), whose cache key is its filters: people who may see
// the same numbers share one computation; a drill-down's page is also keyed by whose records the viewer may
// open. Goal progress reads through here too (its windows are whole days); the CSV export stays uncached.
import 'server-only';
import type { AuthorizedView } from '@/lib/access';
import { KPI_KEYS, computeKpis, computeKpisWithPrevious, kpiBreakdown, kpiReadSet, kpiTimeSeries, type Dimension, type KpiKey, type KpiQuery, type Period } from '@/lib/kpi';
import type { ReadSet } from '@/lib/kpi/result-cache';
import { readSetOfSql, recordSql } from '@/lib/kpi/recorded-reads';
import type { EntityName } from '@/lib/entities/catalogue';
import { cachedRead } from '@/lib/kpi/cached-read';
import type { QueryDb } from '@/db/client';
import { kpiDrilldown, type DrillQuery, type DrillResult } from '@/lib/kpi/drilldown';
import { drillReadSet, drillScopeKey } from '@/lib/kpi/drill-reads';
import { DEAL_SIZE_PARTS, npsScores, wonDealSizes } from './distributions';
import { FUNNEL_PARTS, leadFunnel, openDealsByStage } from './pipeline';
import { partsReadSet } from '@/lib/kpi/engine';

/**
 * A chart's ReadSet, read off the SQL it builds for a view with these kinds of filters (recorded once,
 * lib/kpi/recorded-reads.ts): the stage chart reads deals and the NPS chart responses as the view's own
 * records (their base table, filtered like a KPI pass, named nowhere else), so another rep's deal
 * leaves a rep's or a team's chart be, and a ticket leaves the stage chart be.
 */
export function chartReads(fn: (db: QueryDb, view: AuthorizedView, period: Period) => Promise<unknown>, base: EntityName) {
  const memo = new Map<string, Promise<{ tables: ReadonlySet<string>; ownerScoped: ReadonlySet<string> }>>();
  return (view: AuthorizedView, period: Period): Promise<ReadSet> => {
    const k = Object.keys(view.rows).sort().join(',');
    let got = memo.get(k);
    if (!got) memo.set(k, (got = recordSql((db) => fn(db, view, period)).then((texts) => readSetOfSql(texts.map((sql) => ({ sql, base }))))));
    return got.then((r) => ({ ...r, rows: { ownerId: view.rows.ownerId, teamId: view.rows.teamId } }));
  };
}

/**
 * What each chart depends on. The funnel and the deal sizes are KPI parts (the summaries serve them):
 * their ReadSet is their raw passes' tables, as a KPI's is, never the summary tables they read.
 */
export const CHART_READS = {
  leadFunnel: (view: AuthorizedView) => partsReadSet('leadFunnel', FUNNEL_PARTS, view),
  openDealsByStage: chartReads(openDealsByStage, 'deals'),
  wonDealSizes: (view: AuthorizedView) => partsReadSet('wonDealSizes', DEAL_SIZE_PARTS, view),
  npsScores: chartReads(npsScores, 'survey_responses'),
};

const cachedDrilldown = cachedRead('kpiDrilldown',
  (db: QueryDb, view: AuthorizedView, key: KpiKey, q: DrillQuery, _scope: string) => kpiDrilldown(db, view, key, q),
  (view: AuthorizedView, key: KpiKey, q: DrillQuery) => drillReadSet(view, key, q));

export const cachedKpis = {
  /** Goal progress's current value (lib/goals/live.ts): the goal's own scope, so everyone who sees the goal shares it. */
  computeKpis: cachedRead('computeKpis', computeKpis, (view: AuthorizedView, q: KpiQuery) => kpiReadSet(q.keys ?? KPI_KEYS, view)),
  computeKpisWithPrevious: cachedRead('computeKpisWithPrevious', computeKpisWithPrevious,
    (view: AuthorizedView, q: KpiQuery) => kpiReadSet(q.keys ?? KPI_KEYS, view)),
  kpiTimeSeries: cachedRead('kpiTimeSeries', kpiTimeSeries, (view: AuthorizedView, key: KpiKey) => kpiReadSet([key], view)),
  kpiBreakdown: cachedRead('kpiBreakdown', kpiBreakdown,
    (view: AuthorizedView, key: KpiKey, q: { dimension: Dimension }) => kpiReadSet([key], view, q.dimension)),
  leadFunnel: cachedRead('leadFunnel', leadFunnel, CHART_READS.leadFunnel),
  openDealsByStage: cachedRead('openDealsByStage', openDealsByStage, CHART_READS.openDealsByStage),
  wonDealSizes: cachedRead('wonDealSizes', wonDealSizes, CHART_READS.wonDealSizes),
  npsScores: cachedRead('npsScores', npsScores, CHART_READS.npsScores),
  /** A page of the records behind a KPI: keyed also by whose records the viewer may open. */
  kpiDrilldown: (db: QueryDb, view: AuthorizedView, key: KpiKey, q: DrillQuery): Promise<DrillResult> => cachedDrilldown(db, view, key, q, drillScopeKey(view)),
};

