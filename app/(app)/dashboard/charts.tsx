// The dashboard's charts, in two streamed groups: trends of its headline KPIs, and the pipeline and
// distributions (funnel, deal stages, deal sizes, NPS answers, MQL sources) where the department has
// them. Data is computed here on the server; the chart components only draw it.
import { getReadDb } from '@/db/client';
import type { DashboardView } from '@/lib/kpi/view';
import { DASHBOARDS, formatKpiValue, getKpi, periodInWords } from '@/lib/kpi';
import { now as clockNow } from '@/lib/clock';
import { noDataText, trendBucket, trendTooLong } from '@/lib/dashboard/trend';
import { cachedKpis as cached } from '@/lib/dashboard/cached-queries';
import { BarChart } from '../../_components/charts/bar-chart';
import { ChartFrame } from '../../_components/charts/chart-frame';
import { EmptyChart } from '../../_components/charts/empty-chart';
import { GROUP_COLORS } from '../../_components/charts/colors';
import { TrendChart } from '../../_components/charts/trend-chart';
import styles from '../../_components/kpi/kpi.module.css';
import { formatNumber } from '@/lib/intl-format';

const fmtCount = (n: number) => formatNumber(n);

/** Trends of the dashboard's first KPIs over exactly the view's period (no weeks before it). */
export async function TrendCharts({ view }: { view: DashboardView }) {
  const db = await getReadDb();
  const keys = DASHBOARDS[view.department].slice(0, 4);
  const bucket = trendBucket(view.period);
  const tooLong = trendTooLong(view.period, bucket);
  if (tooLong) return <p className="muted" data-testid="trend-too-long">{tooLong}</p>;
  // A bucket's growth compares like for like (the same days a month before), or a year earlier with compare=year.
  const compare = view.compare === 'year' ? { by: 'year' as const } : undefined;
  const series = await Promise.all(keys.map((k) => cached.kpiTimeSeries(db, view.access, k, { from: view.period.from, to: view.period.to, bucket, compare })));
  const now = clockNow();
  return (
    <div className={styles.charts}>
      {keys.map((k, i) => (
        <TrendChart key={k} kpi={getKpi(k)} points={series[i]} bucket={bucket} period={view.period} now={now} title={`${getKpi(k).name} by ${bucket}`} />
      ))}
    </div>
  );
}

const hasFunnel = (d: string) => d === 'sales' || d === 'marketing';
const hasStages = (d: string) => d === 'sales' || d === 'executive';
const hasNps = (d: string) => d === 'executive' || d === 'support' || d === 'success';

/** True when the department has a pipeline/distribution group (so the page renders its section). */
export function hasPipelineCharts(department: string): boolean {
  return hasFunnel(department) || hasStages(department) || hasNps(department) || department === 'marketing';
}

export async function PipelineCharts({ view }: { view: DashboardView }) {
  const d = view.department;
  const db = await getReadDb();
  const [funnel, stages, sizes, nps, sources] = await Promise.all([
    hasFunnel(d) ? cached.leadFunnel(db, view.access, view.period) : null,
    hasStages(d) ? cached.openDealsByStage(db, view.access, view.period) : null,
    d === 'sales' ? cached.wonDealSizes(db, view.access, view.period) : null,
    hasNps(d) ? cached.npsScores(db, view.access, view.period) : null,
    d === 'marketing' ? cached.kpiBreakdown(db, view.access, 'mqls', { from: view.period.from, to: view.period.to, dimension: 'source' }) : null,
  ]);
  // Nothing to draw is said in words, not shown as empty axes.
  const none = (xs: (number | null)[]) => xs.every((v) => !v);
  // Stage names are stored lower-case ("prospecting"); as axis labels they read as words.
  const stageLabel = (stage: string) => stage.charAt(0).toUpperCase() + stage.slice(1);
  const noData = noDataText(view.period);
  return (
    <div className={styles.charts}>
      {funnel && none(funnel.map((f) => f.count)) ? <EmptyChart title="Lead funnel" message={noData} /> : funnel ? (
        <ChartFrame
          title="Lead funnel"
          description="Leads created in the period, and how many of them reached MQL, SQL and customer"
          chart={<BarChart title="Lead funnel" labels={funnel.map((f) => f.label)} values={funnel.map((f) => f.count)} horizontal height={220} />}
          table={{ head: ['Stage', 'Leads', 'Of created'], rows: funnel.map((f) => [f.label, fmtCount(f.count), funnel[0].count ? `${((f.count / funnel[0].count) * 100).toFixed(1)}%` : '–']) }}
        />
      ) : null}
      {stages && none(stages.map((x) => x.amount)) ? <EmptyChart title="Open pipeline by stage" message={`No open deals at the end of ${periodInWords(view.period)}`} /> : stages ? (
        <ChartFrame
          title="Open pipeline by stage"
          description="Deals open at the period’s end, by stage (amount)"
          chart={<BarChart title="Open pipeline by stage" labels={stages.map((s) => stageLabel(s.stage))} values={stages.map((s) => s.amount)} unit="money" height={220} />}
          table={{ head: ['Stage', 'Deals', 'Amount'], rows: stages.map((s) => [stageLabel(s.stage), fmtCount(s.deals), formatKpiValue(s.amount, 'money')]) }}
        />
      ) : null}
      {sizes && none(sizes.map((x) => x.count)) ? <EmptyChart title="Won deals by size" message={noData} /> : sizes ? (
        <ChartFrame
          title="Won deals by size"
          description="Deals won in the period, by amount"
          chart={<BarChart title="Won deals by size" labels={sizes.map((s) => s.label)} values={sizes.map((s) => s.count)} height={220} />}
          table={{ head: ['Amount', 'Deals won'], rows: sizes.map((s) => [s.label, fmtCount(s.count)]) }}
        />
      ) : null}
      {nps && none(nps.map((x) => x.count)) ? <EmptyChart title="NPS answers by score" message={noData} /> : nps ? (
        <ChartFrame
          title="NPS answers by score"
          description="0–6 detractors, 7–8 passives, 9–10 promoters"
          chart={<BarChart title="NPS answers by score" labels={nps.map((s) => s.label)} values={nps.map((s) => s.count)} colors={nps.map((s) => GROUP_COLORS[s.group ?? ''])} height={220} />}
          table={{ head: ['Score', 'Answers', 'Group'], rows: nps.map((s) => [s.label, fmtCount(s.count), s.group ?? '']) }}
        />
      ) : null}
      {sources && none(sources.map((x) => x.value)) ? <EmptyChart title="MQLs by lead source" message={noData} /> : sources ? (
        <ChartFrame
          title="MQLs by lead source"
          description="Leads that became MQL in the period"
          chart={<BarChart title="MQLs by lead source" labels={sources.map((s) => s.label)} values={sources.map((s) => s.value)} horizontal height={Math.max(180, sources.length * 30)} />}
          table={{ head: ['Source', 'MQLs'], rows: sources.map((s) => [s.label, formatKpiValue(s.value, 'count')]) }}
        />
      ) : null}
    </div>
  );
}

export function ChartsSkeleton({ count = 2 }: { count?: number }) {
  return (
    <div className={styles.charts} aria-busy="true" aria-label="Loading charts">
      {Array.from({ length: count }, (_, i) => <div key={i} className={`${styles.card} ${styles.skeleton}`} style={{ minHeight: 320 }} />)}
    </div>
  );
}
