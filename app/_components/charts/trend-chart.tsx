// A KPI's trend over exactly the chosen period, as the dashboard and the KPI page show it: the point
// still in progress drawn hollow behind a dashed segment and called "so far", and a period without
// data said in words ("No data for 1–17 Nov 2026") instead of empty axes.
import type { ReactNode } from 'react';
import { isEmptyTrend, noDataText, trendValues } from '@/lib/dashboard/trend';
import { formatKpiValue, periodInWords, type Bucket, type KpiMeta, type Period, type SeriesPoint } from '@/lib/kpi';
import { ChartFrame } from './chart-frame';
import { EmptyChart } from './empty-chart';
import { bucketKey, bucketLabel } from './labels';
import { LineChart } from './line-chart';
import styles from './charts.module.css';

const HEAD: Record<Bucket, string> = { day: 'Day', week: 'Week of', month: 'Month' };

export function TrendChart({ kpi, points, bucket, period, now, title, extra }: {
  kpi: KpiMeta; points: SeriesPoint[]; bucket: Bucket; period: Period; now: Date; title: string;
  /** More caption (the KPI page's bucket switch). */
  extra?: ReactNode;
}) {
  if (isEmptyTrend(points, kpi.aggregation)) return <EmptyChart title={title} message={noDataText(period)} extra={extra} />;
  const { values, soFar, held } = trendValues(points, bucket, kpi.aggregation, now);
  const key = (p: SeriesPoint, i: number) => `${bucketKey(p.start, bucket)}${i === soFar ? ' (so far)' : ''}`;
  const words = `${periodInWords(period)}${soFar >= 0 ? (held ? ` · ${held}` : ` · the last point is so far (${bucketLabel(points[soFar].start, bucket)} is not over)`) : ''}`;
  return (
    <ChartFrame
      title={title}
      // The switch on its own line: joined with " · " it left a dangling dot where a phone wrapped the line.
      description={extra ? <>{words}<span className={styles.extra}>{extra}</span></> : words}
      chart={<LineChart title={title} labels={points.map((p) => bucketLabel(p.start, bucket))} series={[{ label: kpi.name, values }]} unit={kpi.unit} soFar={soFar} />}
      table={{ head: [HEAD[bucket], kpi.name], rows: points.map((p, i) => [key(p, i), formatKpiValue(values[i], kpi.unit)]) }}
    />
  );
}
