// The change a card shows between the previous period and this one. Pure: unit-tested.
import { formatKpiValue } from '@/lib/kpi/format';
import type { KpiDirection, KpiUnit, KpiValue } from '@/lib/kpi/types';
import { formatNumber } from '@/lib/intl-format';

export type Tone = 'good' | 'bad' | 'flat' | 'none';

export interface Change {
  /** "+12.5%", "−3.1 pp", "no change", or "" when there is nothing to compare. */
  label: string;
  /** ▲ up, ▼ down, ▬ flat: the sign is never told by color alone. */
  arrow: '▲' | '▼' | '▬' | '';
  tone: Tone;
  /** For screen readers: "up 12.5% from 40 (better)". */
  description: string;
}

const fmt = (n: number, digits = 1) => formatNumber(Math.abs(n), { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Percent KPIs change in percentage points (a rate going from 10% to 12% is +2.0 pp, not +20%);
 * everything else in relative percent of the previous value. Up is good when higher is better.
 */
export function kpiChange(current: KpiValue, previous: KpiValue, unit: KpiUnit, direction: KpiDirection): Change {
  if (current == null || previous == null) return { label: '', arrow: '', tone: 'none', description: 'no previous value to compare' };
  const delta = current - previous;
  if (Math.abs(delta) < 1e-9) return { label: 'no change', arrow: '▬', tone: 'flat', description: 'no change from the previous period' };
  const up = delta > 0;
  const better = up === (direction === 'higher');
  const sign = up ? '+' : '−';
  let label: string;
  // Small rates (0.32%) show two decimals, so their change does too.
  if (unit === 'percent') label = `${sign}${fmt(delta, Math.max(Math.abs(current), Math.abs(previous)) < 1 ? 2 : 1)} pp`;
  else if (previous === 0) label = `${sign}${fmt(delta, 0)}`;
  else label = `${sign}${fmt((delta / Math.abs(previous)) * 100)}%`;
  // Values that read the same read as no change: "▼ −0.0 pp" colored as worse would mislead.
  if (formatKpiValue(current, unit) === formatKpiValue(previous, unit) || /^[+−][0.,]*(\s?pp|%)?$/.test(label)) {
    return { label: 'no change', arrow: '▬', tone: 'flat', description: 'no change from the previous period (rounded)' };
  }
  return {
    label,
    arrow: up ? '▲' : '▼',
    tone: better ? 'good' : 'bad',
    description: `${up ? 'up' : 'down'} ${label.slice(1)} from the previous period (${better ? 'better' : 'worse'})`,
  };
}
