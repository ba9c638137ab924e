// [DASHBOARD][REFUSED] A refused `dept` or team in a link is named, with the reason.
import { describe, expect, it } from 'vitest';
import { departmentRefusal, scopeReason } from '@/lib/kpi/refusals';

describe('[DASHBOARD][REFUSED] reasons', () => {
  it('a dept a member may not switch to, or one that does not exist, is named with what is shown instead', () => {
    expect(departmentRefusal({ role: 'member' }, 'support', 'sales'))
      .toBe('The link asked for the Support dashboard, but a member sees their own department’s dashboard only (managers and administrators switch): this is your Sales dashboard.');
    expect(departmentRefusal({ role: 'member' }, 'finance', 'sales'))
      .toBe('The link asked for a "finance" dashboard, which does not exist: this is your Sales dashboard.');
    expect(departmentRefusal({ role: 'manager' }, 'sales', 'sales')).toBeNull();
    expect(departmentRefusal({ role: 'manager' }, undefined, 'sales')).toBeNull();
  });
  it('the reason follows the role', () => {
    expect(scopeReason({ role: 'member' })).toContain('their own team’s');
    expect(scopeReason({ role: 'manager' })).toContain('the teams they manage');
  });
});
