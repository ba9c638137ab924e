// [ACCESS] The KPI engine cannot be called with filters the access module did not authorize: at compile
// time (the @ts-expect-error lines below fail `npm run typecheck` if a raw filter object or a look-alike
// were ever accepted) and at run time (a forged or copied view is refused before any query).
import { describe, expect, it } from 'vitest';
import type { QueryDb } from '@/db/client';
import { authorizeView, filtersWithinReadScope, goalView, KpiForbiddenError, trustedView, type AuthorizedView, type GoalScope, type SessionUser } from '@/lib/access';
import { computeKpis, computeKpisWithPrevious, kpiBreakdown, kpiDrilldown, kpiTimeSeries } from '@/lib/kpi';
import { leadFunnel } from '@/lib/dashboard/pipeline';
import { npsScores } from '@/lib/dashboard/distributions';

const from = new Date(Date.UTC(2025, 0, 1));
const to = new Date(Date.UTC(2025, 1, 1));

/** A database that fails the test if anything reaches it. */
const noQueries: QueryDb = { execute: (() => { throw new Error('a query ran before the view was checked'); }) as QueryDb['execute'] };

describe('[ACCESS] AuthorizedView', () => {
  it('raw filters, look-alikes and filters in the query do not type-check', () => {
    // Never run: only compiled. Each line must be a type error.
    const compileOnly = async (db: QueryDb, view: AuthorizedView) => {
      // @ts-expect-error raw filters are not a view
      await computeKpis(db, { team: 'Alpha' }, { from, to });
      // @ts-expect-error an object shaped like a view lacks the brand only lib/access can give
      await computeKpisWithPrevious(db, { viewer: null, filters: {}, rows: {} }, { from, to });
      // @ts-expect-error the query takes no filters: they travel in the view
      await computeKpis(db, view, { from, to, filters: { team: 'Beta' } });
      // @ts-expect-error a series needs a view
      await kpiTimeSeries(db, 'win_rate', { from, to, bucket: 'month' });
      // @ts-expect-error a breakdown needs a view
      await kpiBreakdown(db, { owner: 'someone@example.com' }, 'win_rate', { from, to, dimension: 'team' });
      // @ts-expect-error a drill-down takes its viewer from the view, not from the query
      await kpiDrilldown(db, view, 'win_rate', { from, to, viewer: {} as SessionUser });
      // @ts-expect-error the dashboard's widgets need a view too
      await leadFunnel(db, { team: 'Alpha' }, { from, to });
    };
    expect(typeof compileOnly).toBe('function');
  });

  const forgeries: [string, () => Promise<AuthorizedView>][] = [
    ['a cast object', async () => ({ viewer: null, filters: {}, rows: {} }) as unknown as AuthorizedView],
    ['a copy of an issued view', async () => ({ ...(await trustedView(noQueries)) })],
    ['a view with its filters widened', async () => Object.assign(Object.create(null), await trustedView(noQueries), { rows: {} })],
  ];
  for (const [name, forge] of forgeries) {
    it(`${name} is refused at run time by every aggregate, before any query`, async () => {
      const view = await forge();
      await expect(computeKpis(noQueries, view, { from, to })).rejects.toBeInstanceOf(KpiForbiddenError);
      await expect(computeKpisWithPrevious(noQueries, view, { from, to })).rejects.toBeInstanceOf(KpiForbiddenError);
      await expect(kpiTimeSeries(noQueries, view, 'win_rate', { from, to, bucket: 'month' })).rejects.toBeInstanceOf(KpiForbiddenError);
      await expect(kpiBreakdown(noQueries, view, 'win_rate', { from, to, dimension: 'team' })).rejects.toBeInstanceOf(KpiForbiddenError);
      await expect(kpiDrilldown(noQueries, view, 'win_rate', { from, to })).rejects.toBeInstanceOf(KpiForbiddenError);
      await expect(leadFunnel(noQueries, view, { from, to })).rejects.toBeInstanceOf(KpiForbiddenError);
      await expect(npsScores(noQueries, view, { from, to })).rejects.toBeInstanceOf(KpiForbiddenError);
    });
  }

  it('an issued view is frozen: its filters cannot be widened in place', async () => {
    const view = await trustedView(noQueries);
    expect(Object.isFrozen(view) && Object.isFrozen(view.rows) && Object.isFrozen(view.filters)).toBe(true);
    expect(() => { (view as { rows: object }).rows = {}; }).toThrow(TypeError);
  });

  it("a member's request for another team is refused with the reason", async () => {
    const member: SessionUser = { id: 7, email: 'm@example.com', name: 'M', role: 'member', department: 'sales', teamId: 1, managedTeamIds: [] };
    const db: QueryDb = { execute: (async () => [{ id: 2, name: 'Beta' }]) as unknown as QueryDb['execute'] };
    await expect(authorizeView(db, member, { team: 'Beta' })).rejects.toThrow('You may not view team "Beta".');
  });
});

describe('[ACCESS] filtersWithinReadScope: when a drill-down may leave the read scope\'s test out', () => {
  const member: SessionUser = { id: 7, email: 'm@example.com', name: 'M', role: 'member', department: 'sales', teamId: 1, managedTeamIds: [] };
  const manager: SessionUser = { id: 9, email: 'g@example.com', name: 'G', role: 'manager', department: 'sales', teamId: 1, managedTeamIds: [1, 3] };
  const admin: SessionUser = { id: 1, email: 'a@example.com', name: 'A', role: 'admin', department: null, teamId: null, managedTeamIds: [] };
  const scope = (s: Partial<GoalScope>): GoalScope => ({ scope: 'company', scopeTeamId: null, scopeTeamName: null, scopeUserId: null, scopeUserEmail: null, filters: {}, ...s });
  const team = (id: number) => scope({ scope: 'team', scopeTeamId: id });
  const user = (id: number) => scope({ scope: 'user', scopeUserId: id });

  it('yes for the viewer themself, a team of their read scope, an admin and tooling', () => {
    expect(filtersWithinReadScope(goalView(member, user(7)))).toBe(true);
    expect(filtersWithinReadScope(goalView(member, team(1)))).toBe(true);
    expect(filtersWithinReadScope(goalView(manager, team(3)))).toBe(true);
    expect(filtersWithinReadScope(goalView(admin, scope({})))).toBe(true);
    expect(filtersWithinReadScope(goalView(null, user(12)))).toBe(true);
  });

  it('no for anyone else, another team, or no owner or team filter at all (a member sees only their own records then)', () => {
    expect(filtersWithinReadScope(goalView(member, user(8)))).toBe(false);
    expect(filtersWithinReadScope(goalView(member, team(2)))).toBe(false);
    expect(filtersWithinReadScope(goalView(manager, team(2)))).toBe(false);
    expect(filtersWithinReadScope(goalView(manager, user(8)))).toBe(false);
    expect(filtersWithinReadScope(goalView(member, scope({})))).toBe(false);
  });

  it('refuses a forged view', () => {
    expect(() => filtersWithinReadScope({ viewer: null, filters: {}, rows: {} } as unknown as AuthorizedView)).toThrow(KpiForbiddenError);
  });
});

