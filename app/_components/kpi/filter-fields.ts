// The filter bar's fields for a page: options (already scoped to the viewer), what an empty choice
// means for this viewer, and which filters the numbers shown do not take (the registry says).
import type { SessionUser } from '@/lib/access/roles';
import type { FilterOptions } from '@/lib/dashboard/filter-options';
import { FILTER_KEYS, getKpi, type FilterKey, type KpiFilters, type KpiKey } from '@/lib/kpi';
import type { FilterField } from './filter-bar';

export const FILTER_LABELS: Record<FilterKey, string> = {
  team: 'Team', owner: 'Owner', segment: 'Segment', region: 'Region', industry: 'Industry', product: 'Product', source: 'Source', channel: 'Channel',
};

/**
 * The team a non-admin's empty team choice stands for, when it is one team ("North (your team)"): the
 * team the numbers are scoped to, or the only team they may choose (a member's, in either view).
 */
function defaultTeam(user: SessionUser, filters: KpiFilters, requested: KpiFilters, teams: FilterOptions['team']): string | null {
  if (user.role === 'admin' || requested.team || requested.owner) return null;
  return filters.team ?? (teams.length === 1 ? teams[0].value : null);
}

/** "View as": what the team and owner selects default to for this viewer. */
function placeholder(key: FilterKey, user: SessionUser, filters: KpiFilters, requested: KpiFilters, teams: FilterOptions['team']): string {
  if (key === 'owner') return requested.team ? 'Whole team' : user.role === 'admin' ? 'Everyone' : filters.team ? 'Whole team' : 'Only you';
  if (key === 'team') {
    if (user.role === 'admin') return 'Whole company';
    const def = defaultTeam(user, filters, requested, teams);
    return def ? `${def} (your team)` : 'Your team';
  }
  return 'All';
}

const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/**
 * The choices of a field: the empty choice already stands for the viewer's own team, so that team is
 * not listed a second time; with a team chosen, the owners are that team's members.
 */
function choices(key: FilterKey, options: FilterOptions, user: SessionUser, filters: KpiFilters, requested: KpiFilters): FilterField['options'] {
  if (key === 'team') {
    const def = defaultTeam(user, filters, requested, options.team);
    return def ? options.team.filter((o) => !same(o.value, def)) : options.team;
  }
  if (key === 'owner' && requested.team) return options.owner.filter((o) => same(o.team, requested.team));
  return options[key];
}

/** Fields for the KPIs `keys` (one on a KPI page, the dashboard's on a dashboard). */
export function filterFields(opts: {
  options: FilterOptions; user: SessionUser; filters: KpiFilters; requested: KpiFilters; keys: readonly KpiKey[];
}): FilterField[] {
  const { options, user, filters, requested, keys } = opts;
  return FILTER_KEYS.map((key) => {
    const ignoring = keys.filter((k) => !(getKpi(k).filters as readonly string[]).includes(key));
    const applies = ignoring.length === 0 ? 'all' : ignoring.length === keys.length ? 'none' : 'some';
    let note: string | undefined;
    if (keys.length === 1 && applies === 'none') note = getKpi(keys[0]).filterNote ?? `${getKpi(keys[0]).name} is not filtered by ${key}.`;
    else if (applies === 'none') note = `No KPI here is filtered by ${key}.`;
    else if (applies === 'some') note = `Not used by ${ignoring.map((k) => getKpi(k).name).join(', ')}.`;
    return { key, label: FILTER_LABELS[key], options: choices(key, options, user, filters, requested), placeholder: placeholder(key, user, filters, requested, options.team), applies, note };
  });
}
