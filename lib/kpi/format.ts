// How a KPI value reads (cards, tables, the CLI). Pure.
import type { KpiUnit, KpiValue } from './types';
import { formatNumber } from '@/lib/intl-format';

export const UNIT_SUFFIX: Record<KpiUnit, string> = {
  percent: '%', money: '', count: '', hours: 'h', days: 'days', minutes: 'min', score: '',
};

export function formatKpiValue(value: KpiValue, unit: KpiUnit, opts: { currency?: string } = {}): string {
  if (value == null) return 'no data';
  if (unit === 'count') return formatNumber(Math.round(value));
  if (unit === 'money') {
    return formatNumber(value, { style: 'currency', currency: opts.currency ?? 'USD', maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2 });
  }
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 || value === 0 ? 1 : 2;
  const n = formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (unit === 'percent') return `${n}%`;
  return UNIT_SUFFIX[unit] ? `${n} ${UNIT_SUFFIX[unit]}` : n;
}
