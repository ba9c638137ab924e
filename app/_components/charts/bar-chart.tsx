'use client';
// A bar chart (react-chartjs-2). With `hrefs`, clicking a bar follows its link (breakdown -> filter).
import { useRouter } from 'next/navigation';
import { Bar } from 'react-chartjs-2';
import { formatAxisTick, formatKpiValue } from '@/lib/kpi/format';
import type { KpiUnit } from '@/lib/kpi/types';
import { SERIES_COLORS, cssVar } from './chart-setup';

/** `unit`: the value axis and tooltips in the app's one number format ("$1.8M", "16%", "1,200"). */
export function BarChart({ labels, values, title, hrefs, horizontal = false, unit = 'count', height = 260, colors }: {
  labels: string[]; values: (number | null)[]; title: string; hrefs?: (string | null)[]; horizontal?: boolean;
  unit?: KpiUnit; height?: number; colors?: string[];
}) {
  const router = useRouter();
  const grid = cssVar('--border', '#dfe3e9');
  const text = cssVar('--text-muted', '#5a6270');
  // The value axis in short numbers ($1.8M), so the ticks stay narrow on a phone.
  // Counts tick in whole numbers: a small range (0–1 deals) would otherwise read "0, 0, 1, 1".
  const valueTicks = { color: text, callback: (v: string | number) => formatAxisTick(Number(v), unit), precision: unit === 'count' ? 0 : undefined };
  return (
    <div style={{ position: 'relative', height }}>
      <Bar
        aria-label={title}
        role="img"
        data={{ labels, datasets: [{ label: title, data: values, backgroundColor: colors ?? SERIES_COLORS[0], borderRadius: 4, maxBarThickness: 42 }] }}
        options={{
          indexAxis: horizontal ? 'y' : 'x',
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: (c) => formatKpiValue(horizontal ? c.parsed.x : c.parsed.y, unit) } },
          },
          onHover: (e, els) => {
            const t = e.native?.target as HTMLElement | undefined;
            if (t) t.style.cursor = hrefs && els.length && hrefs[els[0].index] ? 'pointer' : 'default';
          },
          onClick: (_e, els) => {
            const href = els.length ? hrefs?.[els[0].index] : null;
            if (href) router.push(href);
          },
          scales: {
            x: { ticks: horizontal ? valueTicks : { color: text }, grid: { color: horizontal ? grid : 'transparent' }, beginAtZero: true },
            y: { ticks: horizontal ? { color: text } : valueTicks, grid: { color: horizontal ? 'transparent' : grid }, beginAtZero: true },
          },
        }}
      />
    </div>
  );
}
