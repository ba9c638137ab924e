'use client';
// A trend line (react-chartjs-2). Data comes from the server; the table alternative is rendered by the
// server component next to it (ChartFrame), so the numbers are readable without the canvas.
import { Line } from 'react-chartjs-2';
import { SERIES_COLORS, cssVar } from './chart-setup';

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export interface LineSeries { label: string; values: (number | null)[]; dashed?: boolean }

export function LineChart({ labels, series, title, unitSuffix = '' }: { labels: string[]; series: LineSeries[]; title: string; unitSuffix?: string }) {
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
            fill: i === 0 && !s.dashed,
            tension: 0.25,
            pointRadius: 2,
            spanGaps: true,
          })),
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          plugins: {
            legend: { display: series.length > 1, labels: { color: text } },
            tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y == null ? 'no data' : c.parsed.y.toLocaleString('en-US', { maximumFractionDigits: 2 })}${unitSuffix}` } },
          },
          scales: {
            x: { ticks: { color: text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
            y: { ticks: { color: text, callback: (v) => `${COMPACT.format(Number(v))}${unitSuffix}` }, grid: { color: grid }, beginAtZero: true },
          },
        }}
      />
    </div>
  );
}
