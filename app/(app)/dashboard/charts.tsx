// The dashboard's streamed widgets: cards (one SQL pass per table for the whole dashboard, current and
// previous period together) and charts (trends, funnel, pipeline).
import { getReadDb } from '@/db/client';
import { leadFunnel, openDealsByStage } from '@/lib/dashboard/pipeline';
import { viewSearch, type DashboardView } from '@/lib/dashboard/view';
import {
  DASHBOARDS, DERIVED_VALUES, UNIT_SUFFIX, computeKpisWithPrevious, formatKpiValue, getKpi, kpiTimeSeries,
  type KpiKey, type Period,
} from '@/lib/kpi';
import { BarChart } from '../../_components/charts/bar-chart';
import { ChartFrame } from '../../_components/charts/chart-frame';
import { LineChart } from '../../_components/charts/line-chart';
import { KpiCard } from '../../_components/kpi/kpi-card';
import styles from '../../_components/kpi/kpi.module.css';
import { kpiChange } from '@/lib/dashboard/change';

export async function DashboardCards({ view }: { view: DashboardView }) {
  const db = await getReadDb();
  const keys = DASHBOARDS[view.department];
  const derived = DERIVED_VALUES[view.department];
  const all = [...new Set<KpiKey>([...keys, ...derived.flatMap((d) => d.inputs)])];
  const { current, previous } = await computeKpisWithPrevious(db, { from: view.period.from, to: view.period.to, filters: view.filters, keys: all });
  const search = viewSearch(view);
  return (
    <div className={styles.cards}>
      {keys.map((key) => (
        <KpiCard key={key} kpi={getKpi(key)} value={current[key]} previous={previous[key]} href={`/kpis/${key}${search}`} requested={view.requested} />
      ))}
      {derived.map((d) => {
        const value = d.compute(current);
        const prev = d.compute(previous);
        const change = kpiChange(value, prev, 'score', d.direction);
        return (
          <article key={d.key} className={styles.card} data-kpi={d.key} title={d.definition}>
            <div className={styles.cardLink}>
              <h3 className={styles.cardTitle}>{d.name}</h3>
              <p className={styles.value}>{value == null ? 'No data' : `${value.toFixed(1)}×`}</p>
              <p className={styles.compare}>
                {change.arrow ? <span className={styles[change.tone]}><span aria-hidden="true">{change.arrow} </span>{change.label}</span> : null}
                <span className={styles.previous}>prev. {prev == null ? 'no data' : `${prev.toFixed(1)}×`}</span>
              </p>
              <p className={styles.direction}>{d.definition}</p>
            </div>
          </article>
        );
      })}
    </div>
  );
}

function bucketFor(p: Period): 'week' | 'month' {
  return p.to.getTime() - p.from.getTime() <= 92 * 86_400_000 ? 'week' : 'month';
}

/** Trends need a few points: a short period is shown within its trailing 12 weeks. */
function trendRange(p: Period): Period {
  const bucket = bucketFor(p);
  if (bucket === 'week' && p.to.getTime() - p.from.getTime() < 84 * 86_400_000) return { from: new Date(p.to.getTime() - 84 * 86_400_000), to: p.to };
  return p;
}

export async function DashboardCharts({ view }: { view: DashboardView }) {
  const db = await getReadDb();
  const keys = DASHBOARDS[view.department].slice(0, 4);
  const range = trendRange(view.period);
  const bucket = bucketFor(range);
  const series = await Promise.all(keys.map((k) => kpiTimeSeries(db, k, { from: range.from, to: range.to, bucket, filters: view.filters })));
  const withPipeline = view.department === 'sales' || view.department === 'marketing' || view.department === 'executive';
  const [funnel, stages] = withPipeline
    ? await Promise.all([leadFunnel(view.period, view.filters), openDealsByStage(view.period, view.filters)])
    : [null, null];
  return (
    <div className={styles.charts}>
      {keys.map((k, i) => {
        const kpi = getKpi(k);
        const pts = series[i];
        const labels = pts.map((p) => p.start.slice(0, 10));
        const title = `${kpi.name} by ${bucket}`;
        return (
          <ChartFrame
            key={k}
            title={title}
            description={`${labels[0] ?? ''} to ${view.period.to.toISOString().slice(0, 10)}`}
            chart={<LineChart title={title} labels={labels} series={[{ label: kpi.name, values: pts.map((p) => p.value) }]} unitSuffix={UNIT_SUFFIX[kpi.unit] ? ` ${UNIT_SUFFIX[kpi.unit]}` : ''} />}
            table={{ head: [bucket === 'week' ? 'Week of' : 'Month', kpi.name], rows: pts.map((p) => [p.start.slice(0, 10), formatKpiValue(p.value, kpi.unit)]) }}
          />
        );
      })}
      {funnel ? (
        <ChartFrame
          title="Lead funnel"
          description="Leads created in the period, and how many reached MQL, SQL and customer"
          chart={<BarChart title="Lead funnel" labels={funnel.map((f) => f.label)} values={funnel.map((f) => f.count)} horizontal height={220} />}
          table={{ head: ['Stage', 'Leads', 'Of created'], rows: funnel.map((f) => [f.label, f.count.toLocaleString('en-US'), funnel[0].count ? `${((f.count / funnel[0].count) * 100).toFixed(1)}%` : '–']) }}
        />
      ) : null}
      {stages ? (
        <ChartFrame
          title="Open pipeline by stage"
          description="Open deals at the period’s end, by current stage (amount)"
          chart={<BarChart title="Open pipeline by stage" labels={stages.map((s) => s.stage)} values={stages.map((s) => s.amount)} height={220} />}
          table={{ head: ['Stage', 'Deals', 'Amount'], rows: stages.map((s) => [s.stage, s.deals.toLocaleString('en-US'), formatKpiValue(s.amount, 'money')]) }}
        />
      ) : null}
    </div>
  );
}

export function ChartsSkeleton() {
  return (
    <div className={styles.charts} aria-busy="true" aria-label="Loading charts">
      {[0, 1].map((i) => <div key={i} className={`${styles.card} ${styles.skeleton}`} style={{ minHeight: 300 }} />)}
    </div>
  );
}
