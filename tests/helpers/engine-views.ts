// The KPI tests state their queries as the engine took them before views existed: filters (and, for
// drill-downs, a viewer) inside the query. This resolves each into the AuthorizedView the engine now
// requires, the way the app does: a viewer's filters through authorizeView (a member's team view when
// no filter is named, which reads the same records as their read scope), tooling's through trustedView.
// A filter out of the viewer's scope is refused (KpiForbiddenError), as pages refuse it.
import type { QueryDb } from '@/db/client';
import { authorizeView, trustedView, type AuthorizedView, type MemberView, type SessionUser } from '@/lib/access';
import * as engine from '@/lib/kpi';
import type { Bucket, CompareRule, Dimension, DrillQuery, KpiFilters, KpiKey, KpiQuery, Period } from '@/lib/kpi';

export async function viewFor(db: QueryDb, filters: KpiFilters = {}, viewer?: SessionUser, memberView: MemberView = 'team'): Promise<AuthorizedView> {
  return viewer ? authorizeView(db, viewer, filters, memberView) : trustedView(db, filters);
}

type WithFilters<Q> = Q & { filters?: KpiFilters };

export async function computeKpis<K extends KpiKey = KpiKey>(db: QueryDb, q: WithFilters<KpiQuery<K>>) {
  return engine.computeKpis(db, await viewFor(db, q.filters), q);
}

export async function computeKpisWithPrevious<K extends KpiKey = KpiKey>(db: QueryDb, q: WithFilters<KpiQuery<K>>) {
  return engine.computeKpisWithPrevious(db, await viewFor(db, q.filters), q);
}

export async function kpiTimeSeries(db: QueryDb, key: KpiKey, q: WithFilters<{ from: Date; to: Date; bucket: Bucket; compare?: CompareRule }>) {
  return engine.kpiTimeSeries(db, await viewFor(db, q.filters), key, q);
}

export async function kpiBreakdown(db: QueryDb, key: KpiKey, q: WithFilters<{ from: Date; to: Date; dimension: Dimension; compare?: Period }>) {
  return engine.kpiBreakdown(db, await viewFor(db, q.filters), key, q);
}

export async function kpiDrilldown(db: QueryDb, key: KpiKey, q: WithFilters<DrillQuery> & { viewer: SessionUser }) {
  return engine.kpiDrilldown(db, await viewFor(db, q.filters, q.viewer), key, q);
}

/** The filters a viewer's view is computed with, as people read them (what authorizeView resolved). */
export async function authorizedFilters(db: QueryDb, viewer: SessionUser, filters: KpiFilters, memberView?: MemberView): Promise<KpiFilters> {
  return { ...(await authorizeView(db, viewer, filters, memberView)).filters };
}
