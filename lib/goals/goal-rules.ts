/**
 * Whether a goal can be measured at all (target on the right side of the baseline, due date after the
 * start). Pure (it imports only ./dates and ./types) and sits below both lib/validation (the goal form
 * schema) and the rest of lib/goals (progress, split), so the dependency points one way: this file
 * imports nothing of lib/validation, and lib/validation imports only this file of lib/goals.
 */
import { toUtcMs } from './dates';
import type { GoalMathInput } from './types';

type GoalFields = Pick<GoalMathInput, 'baseline' | 'target' | 'direction' | 'startDate' | 'dueDate'>;

/** Reasons the goal cannot be measured; empty when it is valid. Usable by forms as field messages. */
export function validateGoalMath(goal: GoalFields): string[] {
  const problems: string[] = [];
  const { baseline, target, direction } = goal;
  if (!Number.isFinite(baseline)) problems.push('The baseline must be a number.');
  if (!Number.isFinite(target)) problems.push('The target must be a number.');
  if (Number.isFinite(baseline) && Number.isFinite(target)) {
    if (target === baseline) problems.push('The target must differ from the baseline.');
    else if (direction === 'higher' && target < baseline) {
      problems.push('Higher is better for this KPI, so the target must be above the baseline.');
    } else if (direction === 'lower' && target > baseline) {
      problems.push('Lower is better for this KPI, so the target must be below the baseline.');
    }
  }
  const start = tryMs(goal.startDate);
  const due = tryMs(goal.dueDate);
  if (start === null) problems.push('The start date is not a valid date.');
  if (due === null) problems.push('The due date is not a valid date.');
  if (start !== null && due !== null && due <= start) problems.push('The due date must be after the start date.');
  return problems;
}

function tryMs(d: GoalFields['startDate']): number | null {
  try {
    return toUtcMs(d);
  } catch {
    return null;
  }
}
