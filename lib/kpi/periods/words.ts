// Periods as people read them (product.md): the end date inclusive, "1–17 Nov 2026",
// "1 Apr – 30 Jun 2026", "1 Dec 2025 – 30 Nov 2026", "17 Nov 2026". The half-open [from, to) stays internal.
import { format } from 'date-fns';
import { DAY_MS } from '@/lib/clock';
import { formatDay } from '@/lib/intl-format';
import type { Period } from '../types';
import { PRESET_LABELS, type CompareMode, type PeriodPreset } from './presets';


/** The UTC day of `d` as a local date, for date-fns' formatting (which reads local fields). */
const local = (d: Date) => new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12);

/** The last day a half-open period includes (its `to` minus a day, for whole-day periods). */
export function lastDayOf(p: Period): Date {
  return new Date(Math.max(p.from.getTime(), p.to.getTime() - DAY_MS));
}

/** "1 Apr 2026" */
export function dayInWords(d: Date): string {
  return formatDay(d);
}

/** The period in words, end date included. */
export function periodInWords(p: Period): string {
  const a = local(p.from);
  const b = local(lastDayOf(p));
  if (format(a, 'yyyy-MM-dd') === format(b, 'yyyy-MM-dd')) return format(a, 'd MMM yyyy');
  if (a.getFullYear() !== b.getFullYear()) return `${format(a, 'd MMM yyyy')} – ${format(b, 'd MMM yyyy')}`;
  if (a.getMonth() !== b.getMonth()) return `${format(a, 'd MMM')} – ${format(b, 'd MMM yyyy')}`;
  return `${format(a, 'd')}–${format(b, 'd MMM yyyy')}`;
}

/** "vs 1–17 Oct 2026" */
export function comparisonInWords(comparison: Period): string {
  return `vs ${periodInWords(comparison)}`;
}

/** "This month to date · 1–17 Nov 2026", or "Custom range · …". */
export function presetInWords(preset: PeriodPreset | null, p: Period): string {
  return `${preset ? PRESET_LABELS[preset] : 'Custom range'} · ${periodInWords(p)}`;
}

/** How the comparison was chosen, for a tooltip or a screen reader. */
export function compareModeInWords(mode: CompareMode): string {
  return mode === 'year' ? 'the same dates a year earlier' : 'the same span just before';
}
