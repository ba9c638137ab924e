// The KPI page: what the number means, its value and previous value, its trend, its breakdown by the
// dimensions it allows, and the exact records behind it (scoped to the viewer), with CSV export.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { requirePermission } from '@/lib/auth/session';
import { filterOptions } from '@/lib/dashboard/filter-options';
import { resolveView, viewSearch, type SearchParams } from '@/lib/dashboard/view';
import { FILTER_KEYS, PERIOD_PRESETS, PRESET_LABELS, getKpi, isKpiKey, toDateParam, type Dimension } from '@/lib/kpi';
import { Alert } from '../../../_components/ui/alert';
import { PageHeader } from '../../../_components/ui/page-header';
import { FilterBar } from '../../../_components/kpi/filter-bar';
import { KpiCardSkeleton } from '../../../_components/kpi/kpi-card';
import { Breakdown, DrillTable, TrendAndValue } from './sections';
import styles from '../../../_components/kpi/kpi.module.css';

const LABELS: Record<string, string> = {
  team: 'Team', owner: 'Owner', segment: 'Segment', region: 'Region', industry: 'Industry', product: 'Product', source: 'Source', channel: 'Channel',
};

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  const { key } = await params;
  return { title: getKpi(key)?.name ?? 'KPI' };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function KpiPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('dashboard.view');
  const { key } = await params;
  if (!isKpiKey(key)) notFound();
  const kpi = getKpi(key);
  const sp = await searchParams;
  const view = await resolveView(user, sp);
  const options = await filterOptions(user);
  // A member sees their team's numbers, not each colleague's: no breakdown by owner for them.
  const dims = kpi.breakdowns.filter((d) => !(user.role === 'member' && (d === 'owner' || d === 'team')));
  const dimParam = first(sp.dim);
  const dim = (dims as readonly string[]).includes(dimParam ?? '') ? (dimParam as Dimension) : dims[0];
  const bucketParam = first(sp.bucket);
  const bucket = bucketParam === 'week' || bucketParam === 'month' ? bucketParam : null;
  const search = viewSearch(view);
  const ignored = Object.keys(view.requested).filter((f) => !(kpi.filters as readonly string[]).includes(f));
  return (
    <>
      <p className={styles.meta} style={{ margin: '0 0 0.5rem' }}><Link href={`/dashboard${search}`}>← Dashboard</Link></p>
      <PageHeader title={kpi.name} description={kpi.definition} />
      <div className={styles.meta}>
        <span>Category: {kpi.category}</span>
        <span>Unit: {kpi.unit}</span>
        <span>{kpi.direction === 'higher' ? 'Higher is better' : 'Lower is better'}</span>
        <span>{kpi.aggregation === 'additive' ? 'Additive (a count or sum)' : 'A level (a rate or mean)'}</span>
        <span>Filters: {kpi.filters.length ? kpi.filters.join(', ') : 'none'}</span>
      </div>
      {kpi.filterNote ? <Alert tone="info">{kpi.filterNote}</Alert> : null}
      {ignored.length ? <Alert tone="warning">This KPI is not filtered by {ignored.join(', ')}: those filters are ignored here.</Alert> : null}
      {view.problem ? <Alert tone="warning">Some of the link’s filters were not valid and were ignored: {view.problem}</Alert> : null}
      <FilterBar
        presets={PERIOD_PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
        preset={view.preset}
        from={toDateParam(view.period.from)}
        to={toDateParam(view.period.to)}
        fields={FILTER_KEYS.map((k) => ({ key: k, label: LABELS[k], options: options[k] }))}
        values={view.requested}
        hidden={Object.fromEntries([['dim', dimParam], ['bucket', bucketParam]].filter(([, v]) => v)) as Record<string, string>}
      />
      <Suspense key={`v${JSON.stringify(view)}${bucket}`} fallback={<KpiCardSkeleton count={1} />}>
        <TrendAndValue kpiKey={key} view={view} bucket={bucket} search={search} dim={dimParam} />
      </Suspense>
      {dim ? (
        <Suspense key={`b${JSON.stringify(view)}${dim}`} fallback={<KpiCardSkeleton count={1} />}>
          <Breakdown kpiKey={key} view={view} dim={dim} dims={dims} search={search} bucket={bucketParam} />
        </Suspense>
      ) : null}
      <Suspense key={`d${JSON.stringify(view)}${JSON.stringify(sp)}`} fallback={<KpiCardSkeleton count={1} />}>
        <DrillTable kpiKey={key} view={view} user={user} sp={sp} />
      </Suspense>
    </>
  );
}
