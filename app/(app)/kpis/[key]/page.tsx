// The KPI page: what the number means, its value and previous value, its trend, its breakdown by the
// dimensions it allows, and the exact records behind it (scoped to the viewer), with CSV export.
// Permission and view (403 on a refused filter) are settled before the first Suspense boundary.
import { getReadDb } from '@/db/client';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { requirePermission } from '@/lib/auth/session';
import { filterOptions } from '@/lib/dashboard/filter-options';
import { pageView } from '@/app/_lib/page-view';
import { viewKey, viewSearch, type SearchParams } from '@/lib/kpi/view';
import { firstParam } from '@/lib/validation/params';
import { getKpi, isKpiKey, type Dimension } from '@/lib/kpi';
import { ViewFilterBar } from '../../../_components/kpi/view-filter-bar';
import { KpiCardSkeleton } from '../../../_components/kpi/kpi-card';
import { WidgetBoundary } from '../../../_components/kpi/widget-boundary';
import kpiStyles from '../../../_components/kpi/kpi.module.css';
import { Alert } from '../../../_components/ui/alert';
import { PageHeader } from '../../../_components/ui/page-header';
import { MemberViewSwitch } from '../../dashboard/member-view-switch';
import { DrillTable } from './drill-table';
import { Breakdown, TrendAndValue } from './sections';
import styles from './kpi-page.module.css';

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  const { key } = await params;
  return { title: isKpiKey(key) ? getKpi(key).name : 'KPI' };
}

function SectionSkeleton({ height }: { height: number }) {
  return <div className={`${kpiStyles.card} ${kpiStyles.skeleton}`} style={{ minHeight: height, marginTop: '1.5rem' }} aria-busy="true" aria-label="Loading" />;
}

export default async function KpiPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('dashboard.view');
  const { key } = await params;
  if (!isKpiKey(key)) notFound();
  const kpi = getKpi(key);
  const sp = await searchParams;
  const view = await pageView(user, sp);
  const options = await filterOptions(await getReadDb(), user);
  // A member sees their team's numbers, not each colleague's: no breakdown by owner or team for them.
  const dims = kpi.breakdowns.filter((d) => !(user.role === 'member' && (d === 'owner' || d === 'team')));
  const dimParam = firstParam(sp.dim);
  const dim = (dims as readonly string[]).includes(dimParam ?? '') ? (dimParam as Dimension) : dims[0];
  const bucketParam = firstParam(sp.bucket);
  // Checked with the period in lib/kpi/filters (a week trend over a century is refused there).
  const bucket = view.bucket;
  const search = viewSearch(view);
  const ignored = Object.keys(view.requested).filter((f) => !(kpi.filters as readonly string[]).includes(f));
  const vkey = viewKey(view);
  const hidden = Object.fromEntries([['dim', dimParam], ['bucket', bucketParam], ['dept', view.deptParam], ['view', view.memberView === 'team' ? 'team' : null]].filter(([, v]) => v)) as Record<string, string>;
  return (
    <>
      <p className={styles.back}><Link href={`/dashboard${search}`}>← {view.deptParam ? `${view.deptParam[0].toUpperCase()}${view.deptParam.slice(1)} dashboard` : 'Dashboard'}</Link></p>
      <PageHeader title={kpi.name} description={kpi.definition} />
      <MemberViewSwitch view={view} path={`/kpis/${key}`} />
      <dl className={styles.facts}>
        <div><dt>Category</dt><dd>{kpi.category[0].toUpperCase() + kpi.category.slice(1)}</dd></div>
        <div><dt>Unit</dt><dd>{kpi.unit === 'percent' ? '%' : kpi.unit === 'money' ? 'USD' : kpi.unit}</dd></div>
        <div><dt>Better</dt><dd>{kpi.direction === 'higher' ? 'Higher' : 'Lower'}</dd></div>
        <div><dt>Kind</dt><dd>{kpi.aggregation === 'additive' ? 'Count or sum' : 'Rate or mean'}</dd></div>
        <div><dt>Filters</dt><dd>{kpi.filters.length ? kpi.filters.join(', ') : 'none'}</dd></div>
      </dl>
      {kpi.filterNote ? <Alert tone="info">{kpi.filterNote}</Alert> : null}
      {ignored.length ? <Alert tone="warning">This KPI is not filtered by {ignored.join(', ')}: those filters are ignored here.</Alert> : null}
      <ViewFilterBar view={view} user={user} options={options} keys={[key]} search={search} hidden={hidden} />
      <WidgetBoundary key={`v${vkey}${bucket}`} label="The value and trend">
        <Suspense fallback={<KpiCardSkeleton count={1} />}>
          <TrendAndValue kpiKey={key} view={view} bucket={bucket} search={search} dim={dimParam} user={user} />
        </Suspense>
      </WidgetBoundary>
      {dim ? (
        <WidgetBoundary key={`b${vkey}${dim}`} label="The breakdown">
          <Suspense fallback={<SectionSkeleton height={260} />}>
            <Breakdown kpiKey={key} view={view} dim={dim} dims={dims} search={search} bucket={bucketParam} />
          </Suspense>
        </WidgetBoundary>
      ) : null}
      <WidgetBoundary key={`d${vkey}${firstParam(sp.page)}${firstParam(sp.sort)}${firstParam(sp.dir)}${firstParam(sp.set)}`} label="The records behind the number">
        <Suspense fallback={<SectionSkeleton height={420} />}>
          <DrillTable kpiKey={key} view={view} user={user} sp={sp} />
        </Suspense>
      </WidgetBoundary>
    </>
  );
}
