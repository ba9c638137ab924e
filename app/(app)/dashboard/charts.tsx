// The dashboard's charts, in two streamed groups: trends of its headline KPIs, and the pipeline and
// distributions (funnel, deal stages, deal sizes, NPS answers, MQL sources) where the department has
// them. Data is computed here on the server; the chart components only draw it.
import { getReadDb } from '@/db/client';
import type { DashboardView } from '@/lib/dashboard/view';
import { DASHBOARDS, formatKpiValue, getKpi, toDateParam, type Period } from '@/lib/kpi';
import { cachedKpis as cached } from '@/lib/dashboard/cached-queries';
import { BarChart } from '../../_components/charts/bar-chart';
import { ChartFrame } from '../../_components/charts/chart-frame';
import { GROUP_COLORS } from '../../_components/charts/colors';
import { bucketKey, bucketLabel } from '../../_components/charts/labels';
import { LineChart } from '../../_components/charts/line-chart';
import styles from '../../_components/kpi/kpi.module.css';
import { formatNumber } from '@/lib/intl-format';

const DAY = 86_400_000;
const fmtCount = (n: number) => formatNumber(n);

export function bucketFor(p: Period): 'week' | 'month' {
  return p.to.getTime() - p.from.getTime() <= 92 * DAY ? 'week' : 'month';
}

/** Trends need a few points: a short period is shown within its trailing 12 weeks. */
function trendRange(p: Period): Period {
  if (bucketFor(p) === 'week' && p.to.getTime() - p.from.getTime() < 84 * DAY) return { from: new Date(p.to.getTime() - 84 * DAY), to: p.to };
  return p;
}

export async function TrendCharts({ view }: { view: DashboardView }) {
  const db = await getReadDb();
  const keys = DASHBOARDS[view.department].slice(0, 4);
  const range = trendRange(view.period);
  const bucket = bucketFor(range);
  const series = await Promise.all(keys.map((k) => cached.kpiTimeSeries(db, k, { from: range.from, to: range.to, bucket, filters: view.filters })));
  return (
    <div className={styles.charts}>
      {keys.map((k, i) => {
        const kpi = getKpi(k);
        const pts = series[i];
        const labels = pts.map((p) => bucketLabel(p.start, bucket));
        const title = `${kpi.name} by ${bucket}`;
        return (
          <ChartFrame
            key={k}
            title={title}
            description={`${toDateParam(range.from)} – ${toDateParam(new Date(range.to.getTime() - DAY))}${series[i].length && range.to > new Date() ? ' · the last point is to date' : ''}`}
            chart={<LineChart title={title} labels={labels} series={[{ label: kpi.name, values: pts.map((p) => p.value) }]} unit={kpi.unit} />}
            table={{ head: [bucket === 'week' ? 'Week of' : 'Month', kpi.name], rows: pts.map((p) => [bucketKey(p.start, bucket), formatKpiValue(p.value, kpi.unit)]) }}
          />
        );
      })}
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
    hasFunnel(d) ? cached.leadFunnel(view.period, view.filters) : null,
    hasStages(d) ? cached.openDealsByStage(view.period, view.filters) : null,
    d === 'sales' ? cached.wonDealSizes(view.period, view.filters) : null,
    hasNps(d) ? cached.npsScores(view.period, view.filters) : null,
    d === 'marketing' ? cached.kpiBreakdown(db, 'mqls', { from: view.period.from, to: view.period.to, filters: view.filters, dimension: 'source' }) : null,
  ]);
  return (
    <div className={styles.charts}>
      {funnel ? (
        <ChartFrame
          title="Lead funnel"
          description="Leads created in the period, and how many of them reached MQL, SQL and customer"
          chart={<BarChart title="Lead funnel" labels={funnel.map((f) => f.label)} values={funnel.map((f) => f.count)} horizontal height={220} />}
          table={{ head: ['Stage', 'Leads', 'Of created'], rows: funnel.map((f) => [f.label, fmtCount(f.count), funnel[0].count ? `${((f.count / funnel[0].count) * 100).toFixed(1)}%` : '–']) }}
        />
      ) : null}
      {stages ? (
        <ChartFrame
          title="Open pipeline by stage"
          description="Deals open at the period’s end, by stage (amount)"
          chart={<BarChart title="Open pipeline by stage" labels={stages.map((s) => s.stage)} values={stages.map((s) => s.amount)} unit="money" height={220} />}
          table={{ head: ['Stage', 'Deals', 'Amount'], rows: stages.map((s) => [s.stage, fmtCount(s.deals), formatKpiValue(s.amount, 'money')]) }}
        />
      ) : null}
      {sizes ? (
        <ChartFrame
          title="Won deals by size"
          description="Deals won in the period, by amount"
          chart={<BarChart title="Won deals by size" labels={sizes.map((s) => s.label)} values={sizes.map((s) => s.count)} height={220} />}
          table={{ head: ['Amount', 'Deals won'], rows: sizes.map((s) => [s.label, fmtCount(s.count)]) }}
        />
      ) : null}
      {nps ? (
        <ChartFrame
          title="NPS answers by score"
          description="0–6 detractors, 7–8 passives, 9–10 promoters"
          chart={<BarChart title="NPS answers by score" labels={nps.map((s) => s.label)} values={nps.map((s) => s.count)} colors={nps.map((s) => GROUP_COLORS[s.group ?? ''])} height={220} />}
          table={{ head: ['Score', 'Answers', 'Group'], rows: nps.map((s) => [s.label, fmtCount(s.count), s.group ?? '']) }}
        />
      ) : null}
      {sources ? (
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
