'use client';
// Actual against plan: the planned path from the start to the target, the actual values so far, the
// projection to the due date and the target. x is days since the start (a linear axis: the weeks of the
// KPI and the goal's own dates do not share a calendar grid), labelled with dates.
import { Line } from 'react-chartjs-2';
import { formatAxisTick, formatKpiValue } from '@/lib/kpi/format';
import { formatDay } from '@/lib/intl-format';
import { DAY_MS } from '@/lib/clock';
import type { KpiUnit } from '@/lib/kpi/types';
import { SERIES_COLORS, cssVar } from '../../../_components/charts/chart-setup';

export interface XY { x: number; y: number | null }

export interface GoalChartData {
  startMs: number;
  durationDays: number;
  actual: XY[];
  planned: XY[];
  projection: XY[];
  target: number;
  unit: KpiUnit;
  actualLabel: string;
}


export function GoalChart({ data, title }: { data: GoalChartData; title: string }) {
  const grid = cssVar('--border', '#dfe3e9');
  const text = cssVar('--text-muted', '#5a6270');
  const muted = cssVar('--text-subtle', '#7c8594');
  const day = (x: number) => formatDay(new Date(data.startMs + x * DAY_MS), { year: false });
  const [actualColor, , projectionColor] = SERIES_COLORS;
  return (
    <div style={{ position: 'relative', height: 280 }}>
      <Line
        aria-label={title}
        role="img"
        data={{
          datasets: [
            { label: data.actualLabel, data: data.actual, borderColor: actualColor, backgroundColor: actualColor, pointRadius: 2.5, tension: 0.2, spanGaps: true },
            { label: 'Planned path', data: data.planned, borderColor: muted, backgroundColor: muted, borderDash: [6, 4], pointRadius: 0 },
            { label: 'Projection', data: data.projection, borderColor: projectionColor, backgroundColor: projectionColor, borderDash: [2, 3], pointRadius: [0, 3] },
            { label: 'Target', data: [{ x: 0, y: data.target }, { x: data.durationDays, y: data.target }], borderColor: SERIES_COLORS[3], backgroundColor: SERIES_COLORS[3], borderWidth: 1, pointRadius: 0 },
          ],
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          parsing: false,
          interaction: { mode: 'nearest', intersect: false },
          plugins: {
            legend: { labels: { color: text, boxWidth: 14 } },
            tooltip: {
              callbacks: {
                title: (items) => (items[0] ? day(items[0].parsed.x ?? 0) : ''),
                label: (c) => `${c.dataset.label}: ${formatKpiValue(c.parsed.y, data.unit)}`,
              },
            },
          },
          scales: {
            x: { type: 'linear', min: 0, max: data.durationDays, ticks: { color: text, maxRotation: 0, autoSkip: true, maxTicksLimit: 6, includeBounds: false, callback: (v) => day(Number(v)) }, grid: { display: false } },
            y: { ticks: { color: text, callback: (v) => formatAxisTick(Number(v), data.unit) }, grid: { color: grid } },
          },
        }}
      />
    </div>
  );
}
