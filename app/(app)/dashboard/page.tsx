// The department dashboard: KPI cards, trends and (by department) the funnel, pipeline and
// distributions. The permission check and the view (department, period, the filters the viewer may
// use) are resolved at the top, before any Suspense boundary, so a refused filter gets a real 403;
// each widget group then streams on its own behind a skeleton, so a slow query never blocks the page.
import { getReadDb } from '@/db/client';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DEPARTMENTS } from '@/db/schema/enums';
import { can } from '@/lib/access';
import { requirePermission } from '@/lib/auth/session';
import { filterOptions } from '@/lib/dashboard/filter-options';
import { pageView } from '@/app/_lib/page-view';
import { viewKey, viewSearch, type SearchParams } from '@/lib/kpi/view';
import { DASHBOARDS, DERIVED_VALUES, comparisonInWords, presetInWords } from '@/lib/kpi';
import { ViewFilterBar } from '../../_components/kpi/view-filter-bar';
import { KpiCardSkeleton } from '../../_components/kpi/kpi-card';
import { WidgetBoundary } from '../../_components/kpi/widget-boundary';
import styles from '../../_components/kpi/kpi.module.css';
import { PageHeader } from '../../_components/ui/page-header';
import { ChartsSkeleton, PipelineCharts, TrendCharts, hasPipelineCharts } from './charts';
import { MemberViewSwitch } from './member-view-switch';
import { DashboardCards } from './cards';
import { capitalize } from '@/lib/intl-format';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('dashboard.view');
  const view = await pageView(user, await searchParams);
  const options = await filterOptions(await getReadDb(), user);
  const keys = DASHBOARDS[view.department];
  const ownerName = view.filters.owner ? options.owner.find((o) => o.value === view.filters.owner)?.label.replace(/ \(.*\)$/, '') ?? view.filters.owner : null;
  // A member's own view reads "Your numbers"; anyone else's owner filter names whose numbers these are.
  const scope = view.filters.owner === user.email && user.role === 'member' ? 'Your numbers' : ownerName ? `Viewing ${ownerName}` : view.filters.team ? `Team ${view.filters.team}` : 'Whole company';
  // In words, end date included ("1–17 Nov 2026 · vs 1–17 Oct 2026"); the URL keeps the exclusive end.
  const periodText = `${presetInWords(view.preset, view.period)} · ${comparisonInWords(view.comparison)}`;
  const search = viewSearch(view);
  const key = viewKey(view);
  return (
    <>
      <PageHeader
        title={`${capitalize(view.department)} dashboard`}
        description={
          // Each part ("1 Dec 2025 – 30 Nov 2026") stays on one line: a phone breaks between parts, not inside a date.
          <span data-testid="dashboard-scope">
            {`${scope} · ${periodText}`.split(' · ').map((part, i) => <span key={i}>{i ? ' · ' : ''}<span className={styles.nowrap}>{part}</span></span>)}
          </span>
        }
      />
      <MemberViewSwitch view={view} path="/dashboard" />
      <ViewFilterBar view={view} user={user} options={options} keys={keys} search={search}
        departments={can(user, 'dashboard.viewAs') ? { options: DEPARTMENTS, current: view.department } : undefined}
        hidden={view.memberView === 'team' ? { view: 'team' } : undefined} />
      <section aria-labelledby="kpis-title">
        <h2 id="kpis-title" className="sr-only">Key performance indicators</h2>
        <WidgetBoundary key={key} label="The KPI cards">
          <Suspense fallback={<KpiCardSkeleton count={keys.length + DERIVED_VALUES[view.department].length} />}>
            <DashboardCards view={view} user={user} />
          </Suspense>
        </WidgetBoundary>
      </section>
      <section className={styles.section} aria-labelledby="trends-title">
        <h2 id="trends-title" className={styles.sectionTitle}>Trends</h2>
        <WidgetBoundary key={key} label="The trend charts">
          <Suspense fallback={<ChartsSkeleton count={4} />}>
            <TrendCharts view={view} />
          </Suspense>
        </WidgetBoundary>
      </section>
      {hasPipelineCharts(view.department) ? (
        <section className={styles.section} aria-labelledby="pipeline-title">
          <h2 id="pipeline-title" className={styles.sectionTitle}>{view.department === 'sales' ? 'Funnel and pipeline' : view.department === 'marketing' ? 'Funnel and sources' : 'Distributions'}</h2>
          <WidgetBoundary key={key} label="These charts">
            <Suspense fallback={<ChartsSkeleton count={2} />}>
              <PipelineCharts view={view} />
            </Suspense>
          </WidgetBoundary>
        </section>
      ) : null}
    </>
  );
}
