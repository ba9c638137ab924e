// How a KPI value reads (cards, tables, tooltips, chart axes, the CLI): one system for the whole app
// (product.md, "Periods and comparisons"). Pure, no server imports: client charts use it too.
//   money    "$9,377,190" (whole dollars from $1,000), "$845.20", "$0" (never "$0.00")
//   percent  "11.3%" (no space), "0.32%" under 1, "2,008%" from 100
//   count    "1,234" (integers)
//   hours, minutes, days  one decimal: "6.7 h", "12.0 min", "32.7 days"
//   score    "42.3" (NPS), "5.12" under 1
//   null     "No data"
import type { KpiUnit, KpiValue } from './types';
import { formatNumber } from '@/lib/intl-format';

export const UNIT_SUFFIX: Record<KpiUnit, string> = {
  percent: '%', money: '', count: '', hours: 'h', days: 'days', minutes: 'min', score: '',
};

export const NO_DATA = 'No data';

/** Decimals a percent or score shows: fewer for big numbers, more for tiny rates (0.32%). */
export function levelDigits(value: number): number {
  const a = Math.abs(value);
  return a >= 100 ? 0 : a >= 1 || a === 0 ? 1 : 2;
}

/** Decimals a value of this unit shows; money depends on its size, see formatKpiValue. */
export function unitDigits(value: number, unit: KpiUnit): number {
  if (unit === 'count') return 0;
  if (unit === 'money') return Math.abs(value) >= 1000 || value === 0 ? 0 : 2;
  if (unit === 'hours' || unit === 'days' || unit === 'minutes') return 1;
  return levelDigits(value);
}

/** `value` rounded the way it is shown, so comparisons can be made "as shown". */
export function roundAsShown(value: number, unit: KpiUnit): number {
  const f = 10 ** unitDigits(value, unit);
  return Math.round(value * f) / f;
}

/** A number in the unit's words without the unit ("1,234.5"): used by the change labels. */
export function formatPlain(value: number, digits: number): string {
  return formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatKpiValue(value: KpiValue, unit: KpiUnit, opts: { currency?: string } = {}): string {
  if (value == null || !Number.isFinite(value)) return NO_DATA;
  const digits = unitDigits(value, unit);
  if (unit === 'money') {
    return formatNumber(value, { style: 'currency', currency: opts.currency ?? 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  const n = formatPlain(unit === 'count' ? Math.round(value) : value, digits);
  if (unit === 'percent') return `${n}%`;
  return UNIT_SUFFIX[unit] ? `${n} ${UNIT_SUFFIX[unit]}` : n;
}

/**
 * A chart axis tick: short ("$1.8M", "16%", "40 days", "1,200"), with the currency symbol on money
 * and thousands separators below 10,000 (compact notation only where a full number would crowd a
 * phone's axis).
 */
export function formatAxisTick(value: number, unit: KpiUnit): string {
  const a = Math.abs(value);
  const n = a >= 10_000
    ? formatNumber(value, { notation: 'compact', maximumFractionDigits: 1 })
    : formatNumber(value, { maximumFractionDigits: a >= 100 || unit === 'count' ? 0 : 1 });
  if (unit === 'money') return value < 0 ? `−$${n.slice(1)}` : `$${n}`;
  if (unit === 'percent') return `${n}%`;
  return UNIT_SUFFIX[unit] ? `${n} ${UNIT_SUFFIX[unit]}` : n;
}
