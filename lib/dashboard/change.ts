// The change a card shows between the comparison period and this one. Pure: unit-tested.
// product.md: percentage KPIs change in percentage points, scores in points, everything else in % of
// the previous value; "no change" only when the two values read the same; and a change that would
// mislead (a % of a tiny base, a 1,900 pp swing of a growth rate) is shown as the two values instead.
import { formatKpiValue, formatPlain, levelDigits, roundAsShown } from '@/lib/kpi/format';
import type { KpiDirection, KpiUnit, KpiValue } from '@/lib/kpi/types';

type Tone = 'good' | 'bad' | 'flat' | 'none';
/** 'ratio': a value of two KPIs (CLV ÷ CAC, "3.2×"). */
export type ChangeUnit = KpiUnit | 'ratio';

export interface Change {
  /** "+12.5%", "−3.1 pp", "+2.0 points", "no change", "$10 → $1,210", or "" when there is nothing to compare. */
  label: string;
  /** ▲ up, ▼ down, ▬ flat: the sign is never told by color alone. */
  arrow: '▲' | '▼' | '▬' | '';
  tone: Tone;
  /** For screen readers and the tooltip: "up 12.5% from the previous period (better)". */
  description: string;
  /** Set when the label shows both values instead of a change: why ("base under 10"). */
  reason?: string;
}

/**
 * Below these previous values a change in % of the previous value says more about the base than about
 * the business, so the card shows both values ("3 → 12", not "+300.0%"):
 * - count 10: under ten records, a single record moves the change by more than 10%;
 * - money $10: no average the catalogue holds (deal size, ARPU, cost per interaction) is that small
 *   in a real CRM, so a previous value under $10 is a sum over a period with hardly any records;
 * - hours, minutes, days 1: these show one decimal, so under 1 the rounding of the previous value
 *   alone (0.04 → "0.0 h") would swing the % by more than 10%.
 * Percent and score changes are differences (pp, points), not divisions by the base: no floor.
 */
const SMALL_BASE: Partial<Record<ChangeUnit, number>> = { count: 10, money: 10, hours: 1, minutes: 1, days: 1 };
/** More than tenfold (+1,000% or more): only a base that was nearly empty grows like that. */
const MAX_RELATIVE_PCT = 1000;
/**
 * A rate bounded by 0–100% cannot move 100 pp or more; only a ratio of ratios (growth rates, ROI)
 * can, and only when its previous value stood on a tiny base ("2,008% → 88.0%", not "−1,919.9 pp").
 */
const MAX_PP = 100;

const minus = (s: string) => s.replace(/^-/, '−');

function show(v: number, unit: ChangeUnit): string {
  return unit === 'ratio' ? `${formatPlain(v, 1)}×` : minus(formatKpiValue(v, unit));
}

/** Rounded as shown; a ratio shows one decimal. */
function shown(v: number, unit: ChangeUnit): number {
  return unit === 'ratio' ? Math.round(v * 10) / 10 : roundAsShown(v, unit);
}

/** "+2.3", "−0.02", or with more decimals ("+<0.01") when it would round to zero although the values differ. */
function signed(delta: number, digits: number, up: boolean): string {
  const sign = up ? '+' : '−';
  const text = formatPlain(Math.abs(delta), digits);
  if (/[1-9]/.test(text)) return `${sign}${text}`;
  return `${sign}<${formatPlain(10 ** -digits, digits)}`;
}

function changeLabel(current: number, previous: number, unit: ChangeUnit, up: boolean): { label: string } | { reason: string } {
  if (unit === 'percent' || unit === 'score') {
    const digits = Math.max(levelDigits(current), levelDigits(previous));
    const delta = shown(current, unit) - shown(previous, unit);
    if (unit === 'percent' && Math.abs(delta) >= MAX_PP) return { reason: `a move of ${MAX_PP} pp or more` };
    return { label: `${signed(delta, digits, up)} ${unit === 'percent' ? 'pp' : 'points'}` };
  }
  const floor = SMALL_BASE[unit];
  if (floor != null && Math.abs(previous) < floor) return { reason: `base under ${show(floor, unit)}` };
  if (previous === 0) return { reason: 'base of 0' };
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  if (Math.abs(pct) >= MAX_RELATIVE_PCT) return { reason: 'more than tenfold' };
  return { label: `${signed(pct, 1, up)}%` };
}

export function kpiChange(current: KpiValue, previous: KpiValue, unit: ChangeUnit, direction: KpiDirection): Change {
  if (current == null || previous == null) return { label: '', arrow: '', tone: 'none', description: 'no previous value to compare' };
  // Equal as shown is no change, whatever the digits behind: "▼ −0.0 pp" colored as worse would mislead.
  if (show(current, unit) === show(previous, unit)) {
    return { label: 'no change', arrow: '▬', tone: 'flat', description: 'no change from the previous period' };
  }
  const up = current > previous;
  const better = up === (direction === 'higher');
  const arrow = up ? '▲' : '▼';
  const tone = better ? 'good' : 'bad';
  const judged = better ? 'better' : 'worse';
  const c = changeLabel(current, previous, unit, up);
  if ('reason' in c) {
    const label = `${show(previous, unit)} → ${show(current, unit)}`;
    return { label, arrow, tone, reason: c.reason, description: `${up ? 'up' : 'down'} from ${show(previous, unit)} to ${show(current, unit)} (${judged}); no change figure: ${c.reason}` };
  }
  return { label: c.label, arrow, tone, description: `${up ? 'up' : 'down'} ${c.label.slice(1)} from the previous period (${judged})` };
}
