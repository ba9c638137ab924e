/** Team goals split into member goals: rolling member values up and checking that targets add up. */

/** A team's current value of an additive KPI = the sum of its members' (levels do not add up). */
export function rollupAdditive(memberCurrents: readonly number[]): number {
  return memberCurrents.reduce((sum, v) => sum + v, 0);
}

export interface TargetsCheck {
  sum: number;
  /** sum − teamTarget: positive when the members' targets ask for more than the team's. */
  difference: number;
  addsUp: boolean;
}

/** Relative tolerance: member targets typed as decimals (0.1 + 0.2) still add up to 0.3. */
const TARGETS_REL_TOLERANCE = 1e-9;

export function targetsAddUp(teamTarget: number, memberTargets: readonly number[]): TargetsCheck {
  const sum = rollupAdditive(memberTargets);
  const difference = sum - teamTarget;
  const scale = Math.max(Math.abs(teamTarget), Math.abs(sum));
  return { sum, difference, addsUp: Math.abs(difference) <= TARGETS_REL_TOLERANCE * scale };
}
