/**
 * Ordinary least squares through (time, value) points, for the projection of level KPIs.
 * x is measured in days from the first usable point so the sums stay small (milliseconds since 1970
 * squared lose precision in doubles).
 */
import { DAY_MS, toUtcMs, type DateInput } from './dates';

export interface WeeklyPoint {
  /** The week's start or midpoint; the caller chooses, consistently. */
  t: DateInput;
  /** The KPI over that week; null = no data that week (ignored). */
  value: number | null;
}

export interface FittedLine {
  /** Number of points used (nulls and non-finite values are left out). */
  n: number;
  /** Change per day; 0 when fewer than two distinct times (a flat line, see `fitLine`). */
  slopePerDay: number;
  /** The line's value at an instant. */
  valueAt(t: DateInput): number;
}

/**
 * The least-squares line through the usable points, or null when there are none.
 * With one point, or several all at the same instant, no slope can be estimated: the line is flat at
 * the (mean) value, i.e. the projection assumes the level stays where it was last seen. We prefer that to
 * "no projection" because the single week is the best estimate there is, and the page labels the basis
 * ("trend through 1 weekly value").
 */
export function fitLine(points: readonly WeeklyPoint[]): FittedLine | null {
  const usable = points
    .filter((p): p is { t: DateInput; value: number } => p.value !== null && Number.isFinite(p.value))
    .map((p) => ({ x: toUtcMs(p.t), y: p.value }));
  const n = usable.length;
  if (n === 0) return null;
  const x0 = usable[0].x;
  const xs = usable.map((p) => (p.x - x0) / DAY_MS);
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = usable.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (usable[i].y - meanY);
  }
  const slopePerDay = sxx === 0 ? 0 : sxy / sxx;
  return {
    n,
    slopePerDay,
    valueAt: (t) => meanY + slopePerDay * ((toUtcMs(t) - x0) / DAY_MS - meanX),
  };
}
