// Words for goal statuses and states, shared by server pages and client components.
import type { GoalStatus } from './types';

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  not_started: 'Not started', no_data: 'No data', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track',
  achieved: 'Achieved', missed: 'Missed', invalid: 'Invalid',
};

export const GOAL_STATUSES = Object.keys(GOAL_STATUS_LABELS) as GoalStatus[];

export const GOAL_STATE_LABELS: Record<string, string> = { active: 'Active', closed: 'Closed', archived: 'Archived' };
