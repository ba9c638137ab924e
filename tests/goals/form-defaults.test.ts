// [GOALS][FORM] A new goal's department is its creator's, not the first dashboard the KPI appears on.
import { describe, expect, it } from 'vitest';
import { newGoalValues } from '@/app/(app)/goals/_components/form-page-data';
import type { SessionUser } from '@/lib/access';

const options = { scopes: ['team', 'user'] as ('company' | 'team' | 'user')[], teams: [{ id: 3, name: 'North' }], members: [], owners: [] };

describe('[GOALS][FORM] newGoalValues', () => {
  it('a support manager opening "New goal" from Win rate (on the Executive dashboard first) gets Support', () => {
    const manager: SessionUser = { id: 7, email: 'm@demo.test', name: 'Max', role: 'manager', department: 'support', teamId: 3, managedTeamIds: [3] };
    expect(newGoalValues(manager, options, 'win_rate')).toMatchObject({ department: 'support', team_id: '3', scope: 'team', kpi_key: 'win_rate' });
  });
  it('a creator without a department (an admin) gets the KPI’s dashboard, then Executive', () => {
    const admin: SessionUser = { id: 1, email: 'a@demo.test', name: 'Ada', role: 'admin', department: null, teamId: null, managedTeamIds: [] };
    expect(newGoalValues(admin, options, 'first_response_time').department).toBe('support');
    expect(newGoalValues(admin, options).department).toBe('executive');
  });
});
