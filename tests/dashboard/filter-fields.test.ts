// [DASHBOARD][FILTERS] What the filter bar offers: the viewer's own team once, owners of the chosen team
// only, and "Clear filters" that keeps the department and the period.
import { describe, expect, it } from 'vitest';
import { clearFiltersHref } from '@/app/_components/kpi/filter-bar';
import { filterFields } from '@/app/_components/kpi/filter-fields';
import type { SessionUser } from '@/lib/access';
import type { FilterOptions } from '@/lib/dashboard/filter-options';
import type { KpiKey } from '@/lib/kpi';

const none = { segment: [], region: [], industry: [], product: [], source: [], channel: [] };
const keys: KpiKey[] = ['win_rate', 'won_revenue'];
const field = (fields: ReturnType<typeof filterFields>, key: string) => fields.find((f) => f.key === key)!;

describe('[DASHBOARD][FILTERS] filterFields', () => {
  it('a member’s Team select lists their team once: "North (your team)", not also "North"', () => {
    const member: SessionUser = { id: 5, email: 'member@demo.test', name: 'Mia', role: 'member', department: 'sales', teamId: 1, managedTeamIds: [] };
    const options: FilterOptions = { ...none, team: [{ value: 'North', label: 'North' }], owner: [{ value: 'member@demo.test', label: 'Mia (member@demo.test)', team: 'North' }] };
    const team = field(filterFields({ options, user: member, filters: { team: 'North' }, requested: {}, keys }), 'team');
    expect([team.placeholder, ...team.options.map((o) => o.label)]).toEqual(['North (your team)']);
    // In their own view ("Mine") the numbers are scoped to them, not the team: still one North.
    const mine = field(filterFields({ options, user: member, filters: { owner: 'member@demo.test' }, requested: {}, keys }), 'team');
    expect([mine.placeholder, ...mine.options.map((o) => o.label)]).toEqual(['North (your team)']);
  });

  it('with a team chosen, the Owner choices are that team’s members only (case-insensitive, as in URLs)', () => {
    const admin: SessionUser = { id: 1, email: 'admin@demo.test', name: 'Ada', role: 'admin', department: null, teamId: null, managedTeamIds: [] };
    const options: FilterOptions = {
      ...none,
      team: [{ value: 'North', label: 'North' }, { value: 'South', label: 'South' }],
      owner: [
        { value: 'a@demo.test', label: 'Ann (a@demo.test)', team: 'North' },
        { value: 'b@demo.test', label: 'Ben (b@demo.test)', team: 'South' },
        { value: 'c@demo.test', label: 'Cy (c@demo.test)', team: null },
      ],
    };
    const narrowed = field(filterFields({ options, user: admin, filters: { team: 'north' }, requested: { team: 'north' }, keys }), 'owner');
    expect(narrowed.options.map((o) => o.value)).toEqual(['a@demo.test']);
    expect(narrowed.placeholder).toBe('Whole team');
    const all = field(filterFields({ options, user: admin, filters: {}, requested: {}, keys }), 'owner');
    expect(all.options).toHaveLength(3);
    // An admin's empty team choice is the whole company: both teams stay listed.
    expect(field(filterFields({ options, user: admin, filters: {}, requested: {}, keys }), 'team').options).toHaveLength(2);
  });
});

describe('[DASHBOARD][FILTERS] clearFiltersHref', () => {
  it('keeps the department and the period, drops the filters', () => {
    expect(clearFiltersHref('/dashboard', { dept: 'sales', preset: 'this_quarter' })).toBe('/dashboard?dept=sales&preset=this_quarter');
    expect(clearFiltersHref('/dashboard', { dept: 'sales', preset: undefined, from: '2026-10-01', to: '2026-11-01' })).toBe('/dashboard?dept=sales&from=2026-10-01&to=2026-11-01');
    expect(clearFiltersHref('/kpis/win_rate', {})).toBe('/kpis/win_rate');
  });
});
