/** The goal page's one- or two-sentence explanation of a computed progress, with the numbers filled in. */
import { formatDay } from '@/lib/intl-format';
import { lastGoalDay, toIsoDay } from './dates';
import { AT_RISK_SHARE, formatNumber, formatPercent } from './formulas';
import type { GoalMathInput, GoalStatus } from './types';

export interface ExplainContext {
  input: GoalMathInput;
  status: GoalStatus;
  progress: number | null;
  projection: number | null;
  expectedProgress: number;
  elapsedDays: number;
  durationDays: number;
  /** Weekly values behind a level projection (0 when none). */
  pointsUsed: number;
  /** before: now <= start; running: start < now < due; final: now >= due. */
  phase: 'before' | 'running' | 'final';
  /** Additive, lower is better, total already above the target. */
  overCeiling: boolean;
}

export function explainProgress(ctx: ExplainContext): string {
  const { input } = ctx;
  const f = input.format ?? formatNumber;
  const days = (d: number) => `${formatNumber(d)} ${d === 1 ? 'day' : 'days'}`;
  if (ctx.phase === 'before') {
    return `The goal starts on ${formatDay(toIsoDay(input.startDate))}: no time has elapsed yet, so there is nothing to measure.`;
  }
  if (input.current === null) {
    const what = input.aggregation === 'additive'
      ? 'the goal’s period so far'
      : 'the last 30 days';
    return `There is no KPI value for ${what}, so the status cannot be judged (no data).`;
  }
  const c = input.current;
  const { baseline: b, target: t } = input;
  const expected = `expected by now ${formatPercent(ctx.expectedProgress)} ` +
    `(${days(ctx.elapsedDays)} of ${days(ctx.durationDays)})`;
  let first: string;
  if (input.aggregation === 'additive') {
    first = ctx.progress === null
      ? `Progress cannot be computed as a share of a target of 0; ${expected}.`
      : `Progress = current ÷ target = ${f(c)} ÷ ${f(t)} = ${formatPercent(ctx.progress)}; ${expected}.`;
  } else {
    first = `Progress = (current − baseline) ÷ (target − baseline) = (${f(c)} − ${f(b)}) ÷ (${f(t)} − ${f(b)}) = ` +
      `${formatPercent(ctx.progress ?? 0)}; ${expected}.`;
  }
  return `${first} ${statusSentence(ctx, f, c)}`;
}

function statusSentence(ctx: ExplainContext, f: (v: number) => string, c: number): string {
  const { input, status } = ctx;
  const t = input.target;
  if (ctx.phase === 'final') {
    const verb = status === 'achieved' ? 'reaches' : 'misses';
    // Its last day, as the goal page shows it (the due date itself is exclusive).
    return `The goal was due on ${formatDay(lastGoalDay(input.dueDate))}: the final value ${f(c)} ${verb} the target ${f(t)}: ${status}.`;
  }
  if (status === 'achieved') return `The current value ${f(c)} already reaches the target ${f(t)}: achieved.`;
  if (ctx.overCeiling) {
    return `The total so far, ${f(c)}, is already above the target ${f(t)}, which is a ceiling for the whole period: off track.`;
  }
  if (ctx.projection === null) {
    return 'There are no weekly values to draw a trend through, so the status cannot be judged (no data).';
  }
  const p = ctx.projection;
  const basis = input.aggregation === 'additive'
    ? `Projection = current × (duration ÷ elapsed) = ${f(c)} × (${formatNumber(ctx.durationDays)} ÷ ` +
      `${formatNumber(ctx.elapsedDays)}) = ${f(p)}`
    : ctx.pointsUsed === 1
      ? `Projection = the only weekly value = ${f(p)}`
      : `Projection = least-squares line through ${ctx.pointsUsed} weekly values, at the due date = ${f(p)}`;
  if (status === 'on_track') return `${basis}, which reaches the target ${f(t)}: on track.`;
  const gap = Math.abs(t - input.baseline);
  const miss = Math.abs(p - t);
  const within = status === 'at_risk' ? 'within' : 'more than';
  return `${basis}, which misses the target ${f(t)} by ${f(miss)}, ${within} ${AT_RISK_SHARE * 100}% of the gap ` +
    `${f(gap)} (${f(gap * AT_RISK_SHARE)}): ${status === 'at_risk' ? 'at risk' : 'off track'}.`;
}
