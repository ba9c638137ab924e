// The department dashboard: KPI cards, trends and (sales, marketing) the funnel and pipeline. The
// permission check and the view (department, period, filters the viewer may use) are resolved before
// anything streams, so a refused filter gets a real 403; each widget then streams on its own.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DEPARTMENTS } from '@/db/schema/enums';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { filterOptions } from '@/lib/dashboard/filter-options';
import { resolveView, type SearchParams } from '@/lib/dashboard/view';
import { DASHBOARDS, FILTER_KEYS, PERIOD_PRESETS, PRESET_LABELS, toDateParam } from '@/lib/kpi';
import { Alert } from '../../_components/ui/alert';
import { PageHeader } from '../../_components/ui/page-header';
import { FilterBar } from '../../_components/kpi/filter-bar';
import { KpiCardSkeleton } from '../../_components/kpi/kpi-card';
import { DashboardCards, DashboardCharts, ChartsSkeleton } from './widgets';
import styles from '../../_components/kpi/kpi.module.css';

export const metadata: Metadata = { title: 'Dashboard' };

const LABELS: Record<string, string> = {
  team: 'Team', owner: 'Owner', segment: 'Segment', region: 'Region', industry: 'Industry', product: 'Product', source: 'Source', channel: 'Channel',
};
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('dashboard.view');
  const view = await resolveView(user, await searchParams);
  const options = await filterOptions(user);
  const keys = DASHBOARDS[view.department];
  const scope = view.filters.owner ? `Owner ${view.filters.owner}` : view.filters.team ? `Team ${view.filters.team}` : 'Whole company';
  const periodText = `${view.preset ? PRESET_LABELS[view.preset] : 'Custom range'}: ${toDateParam(view.period.from)} to ${toDateParam(view.period.to)} (exclusive)`;
  return (
    <>
      <PageHeader title={`${cap(view.department)} dashboard`} description={<span data-testid="dashboard-scope">{scope} · {periodText}</span>} />
      {view.problem ? <Alert tone="warning">Some of the link’s filters were not valid and were ignored: {view.problem}</Alert> : null}
      <FilterBar
        presets={PERIOD_PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
        preset={view.preset}
        from={toDateParam(view.period.from)}
        to={toDateParam(view.period.to)}
        departments={can(user, 'dashboard.viewAs') ? { options: DEPARTMENTS, current: view.department } : undefined}
        fields={FILTER_KEYS.map((k) => ({ key: k, label: LABELS[k], options: options[k] }))}
        values={view.requested}
      />
      <section aria-labelledby="kpis-title">
        <h2 id="kpis-title" className="sr-only">Key performance indicators</h2>
        <Suspense key={JSON.stringify(view)} fallback={<KpiCardSkeleton count={keys.length} />}>
          <DashboardCards view={view} />
        </Suspense>
      </section>
      <section className={styles.section} aria-labelledby="trends-title">
        <h2 id="trends-title" className={styles.sectionTitle}>Trends</h2>
        <Suspense key={JSON.stringify(view)} fallback={<ChartsSkeleton />}>
          <DashboardCharts view={view} />
        </Suspense>
      </section>
    </>
  );
}
