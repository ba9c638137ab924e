'use client';
// A trend line (react-chartjs-2). Data comes from the server; the table alternative is rendered by the
// server component next to it (ChartFrame), so the numbers are readable without the canvas.
import { Line } from 'react-chartjs-2';
import { formatAxisTick, formatKpiValue } from '@/lib/kpi/format';
import type { KpiUnit } from '@/lib/kpi/types';
import { SERIES_COLORS, cssVar } from './chart-setup';

export interface LineSeries { label: string; values: (number | null)[]; dashed?: boolean }

/**
 * `unit`: ticks and tooltips in the app's one number format ("$1.8M", "16%", "6.7 h").
 * `soFar`: the index of the point still in progress (the current day, week or month): drawn hollow,
 * reached by a dashed segment, "so far" in its tooltip, so part of a month never reads as a fall.
 */
export function LineChart({ labels, series, title, unit, soFar = -1 }: { labels: string[]; series: LineSeries[]; title: string; unit: KpiUnit; soFar?: number }) {
  const grid = cssVar('--border', '#dfe3e9');
  const text = cssVar('--text-muted', '#5a6270');
  return (
    <div style={{ position: 'relative', height: 240 }}>
      <Line
        aria-label={title}
        role="img"
        data={{
          labels,
          datasets: series.map((s, i) => ({
            label: s.label,
            data: s.values,
            borderColor: SERIES_COLORS[i % SERIES_COLORS.length],
            backgroundColor: `${SERIES_COLORS[i % SERIES_COLORS.length]}22`,
            borderDash: s.dashed ? [6, 4] : undefined,
            segment: { borderDash: (ctx: { p1DataIndex: number }) => (ctx.p1DataIndex === soFar ? [6, 4] : undefined) },
            fill: i === 0 && !s.dashed,
            tension: 0.25,
            // A lone point (one day, one month so far) must still show; the one in progress is hollow.
            pointRadius: s.values.map((_, j) => (j === soFar || labels.length === 1 ? 4 : 2)),
            pointBackgroundColor: s.values.map((_, j) => (j === soFar ? cssVar('--surface', '#ffffff') : SERIES_COLORS[i % SERIES_COLORS.length])),
            pointBorderWidth: s.values.map((_, j) => (j === soFar ? 2 : 1)),
            spanGaps: true,
          })),
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          plugins: {
            legend: { display: series.length > 1, labels: { color: text } },
            tooltip: { callbacks: { title: (items) => items.map((it) => `${it.label}${it.dataIndex === soFar ? ' (so far)' : ''}`), label: (c) => `${c.dataset.label}: ${formatKpiValue(c.parsed.y, unit)}` } },
          },
          scales: {
            x: { ticks: { color: text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
            // Counts tick in whole numbers (see bar-chart.tsx).
            y: { ticks: { color: text, callback: (v) => formatAxisTick(Number(v), unit), precision: unit === 'count' ? 0 : undefined }, grid: { color: grid }, beginAtZero: true },
          },
        }}
      />
    </div>
  );
}
