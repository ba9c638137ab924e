// [SECURITY] targets.md: "Malformed query parameters (huge numbers, impossible dates, years outside
// 1900–2200, unknown values) answer 400 or a page that says what was wrong — never 500." One table over
// the pages of goals, admin and records and the route handlers, each with the parameters an outside
// probe sent: a page either renders and names every bad parameter (the rest still apply), or is a 404
// for a bad path id; a route handler answers 400 with a JSON error. Each page runs its real queries on a
// real database (the seeded demo), as an admin, so a value that would break the SQL shows up as a throw.
import { sql } from 'drizzle-orm';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '@/db/client';
import type { SessionUser } from '@/lib/access';
import type { ParamProblem } from '@/lib/validation/params';
import { createSeededDemo, type SeededDemo } from '@/tests/helpers/seeded-demo';

const holder: { demo?: SeededDemo } = {};
vi.mock('@/db/client', async (orig) => ({
  ...(await orig<typeof import('@/db/client')>()),
  getDb: async () => holder.demo!.h.db,
  getReadDb: async () => holder.demo!.h.db,
}));
const admin = (): SessionUser => holder.demo!.admin;
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => admin(),
  getSessionClaims: async () => ({ uid: admin().id, sv: 0 }),
  requireUser: async () => admin(),
  requirePermission: async () => admin(),
}));

const { ParamProblems } = await import('@/app/_components/param-problems');

type Page = (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;
interface PageCase { url: string; load: () => Promise<Page>; params?: Record<string, string>; expect: '404' | string[] }

const goals = async () => (await import('@/app/(app)/goals/page')).default as unknown as Page;
const goal = async () => (await import('@/app/(app)/goals/[id]/page')).default as unknown as Page;
const goalEdit = async () => (await import('@/app/(app)/goals/[id]/edit/page')).default as unknown as Page;
const goalNew = async () => (await import('@/app/(app)/goals/new/page')).default as unknown as Page;
const users = async () => (await import('@/app/(app)/admin/users/page')).default as unknown as Page;
const user = async () => (await import('@/app/(app)/admin/users/[id]/page')).default as unknown as Page;
const audit = async () => (await import('@/app/(app)/admin/audit/page')).default as unknown as Page;
const records = async () => (await import('@/app/(app)/records/[entity]/page')).default as unknown as Page;
const record = async () => (await import('@/app/(app)/records/[entity]/[id]/page')).default as unknown as Page;
const recordEdit = async () => (await import('@/app/(app)/records/[entity]/[id]/edit/page')).default as unknown as Page;
const recordNew = async () => (await import('@/app/(app)/records/[entity]/new/page')).default as unknown as Page;

const HUGE = '99999999999999999999';
const PAGES: PageCase[] = [
  { url: `/goals?owner=${HUGE}`, load: goals, expect: ['owner'] },
  { url: '/goals?owner=1e10&status=late&scope=galaxy&department=space&state=gone', load: goals, expect: ['status', 'scope', 'department', 'owner', 'state'] },
  { url: '/goals?owner=-1', load: goals, expect: ['owner'] },
  { url: `/goals/${HUGE}`, load: goal, params: { id: HUGE }, expect: '404' },
  { url: '/goals/1e3', load: goal, params: { id: '1e3' }, expect: '404' },
  { url: '/goals/0', load: goal, params: { id: '0' }, expect: '404' },
  { url: `/goals/${HUGE}/edit`, load: goalEdit, params: { id: HUGE }, expect: '404' },
  { url: '/goals/2147483648/edit', load: goalEdit, params: { id: '2147483648' }, expect: '404' },
  { url: '/goals/new?kpi=<script>', load: goalNew, expect: ['kpi'] },
  { url: `/admin/users/${HUGE}`, load: user, params: { id: HUGE }, expect: '404' },
  { url: '/admin/users/-5', load: user, params: { id: '-5' }, expect: '404' },
  { url: '/admin/users?team=1e10', load: users, expect: ['team'] },
  { url: `/admin/users?team=${HUGE}&role=god&department=space&active=maybe`, load: users, expect: ['role', 'department', 'team', 'active'] },
  { url: `/admin/users?q=${'x'.repeat(101)}`, load: users, expect: ['q'] },
  { url: '/admin/audit?user=1e10', load: audit, expect: ['user'] },
  { url: '/admin/audit?from=0000-01-01', load: audit, expect: ['from'] },
  { url: '/admin/audit?from=1-1-1&to=275760-09-13', load: audit, expect: ['from', 'to'] },
  { url: '/admin/audit?from=2023-02-29&to=+020000-01-01', load: audit, expect: ['from', 'to'] },
  { url: '/admin/audit?to=2201-01-01&page=1e10', load: audit, expect: ['to', 'page'] },
  { url: `/admin/audit?page=${HUGE}&user=0`, load: audit, expect: ['user', 'page'] },
  { url: `/records/deals?owner=${HUGE}&page=1e10&stage=won-ish&sort=password&dir=sideways`, load: records, params: { entity: 'deals' }, expect: ['stage', 'owner', 'page', 'sort', 'dir'] },
  { url: '/records/accounts?owner=9999999999', load: records, params: { entity: 'accounts' }, expect: ['owner'] },
  { url: '/records/nope', load: records, params: { entity: 'nope' }, expect: '404' },
  { url: `/records/deals/${HUGE}`, load: record, params: { entity: 'deals', id: HUGE }, expect: '404' },
  { url: '/records/deals/9999999999', load: record, params: { entity: 'deals', id: '9999999999' }, expect: '404' },
  { url: '/records/deals/9999999999/edit', load: recordEdit, params: { entity: 'deals', id: '9999999999' }, expect: '404' },
  { url: '/records/nope/new', load: recordNew, params: { entity: 'nope' }, expect: '404' },
];

/** The problems the page names (the ParamProblems element in its tree), or null when it shows none. */
function problemsIn(node: ReactNode): ParamProblem[] | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const p = problemsIn(n);
      if (p) return p;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  const el = node as ReactElement<{ children?: ReactNode; problems?: ParamProblem[] }>;
  if (el.type === ParamProblems) return el.props.problems!.length ? el.props.problems! : null;
  return problemsIn(el.props.children);
}

/** The first element of this HTML tag in the tree. */
function find(node: ReactNode, tag: string): ReactElement<{ children?: ReactNode }> | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = find(n, tag);
      if (f) return f;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  const el = node as ReactElement<{ children?: ReactNode }>;
  return el.type === tag ? el : find(el.props.children, tag);
}

beforeAll(async () => { holder.demo = await createSeededDemo(); }, 300_000);
afterAll(async () => { await holder.demo?.h.close(); });

describe('[SECURITY] malformed parameters: a page says what was wrong or is a 404, never a 500', () => {
  for (const c of PAGES) {
    it(`${c.url} → ${c.expect === '404' ? '404' : `names ${c.expect.join(', ')}`}`, async () => {
      const page = await c.load();
      const u = new URL(`http://app.test${c.url}`);
      const run = page({ params: Promise.resolve(c.params ?? {}), searchParams: Promise.resolve(Object.fromEntries(u.searchParams)) });
      if (c.expect === '404') {
        await expect(run).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
        return;
      }
      const problems = problemsIn(await run);
      expect(problems?.map((p) => p.param)).toEqual(c.expect);
      for (const p of problems!) expect(p.message).toMatch(/^Not (an id|a date|a page|one of|a known KPI)|^Too long/);
    });
  }

  it('a good filter still applies next to a bad one', async () => {
    const db = holder.demo!.h.db;
    const [{ id: teamId }] = await queryRows<{ id: number }>(db, sql`select id from teams order by id limit 1`);
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users where team_id = ${teamId}`);
    const tree = await (await users())({ params: Promise.resolve({}), searchParams: Promise.resolve({ team: String(teamId), role: 'god' }) });
    expect(problemsIn(tree)?.map((p) => p.param)).toEqual(['role']);
    expect(find(tree, 'caption')?.props.children).toEqual(['Users (', n, ')']);
  });
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: { url: string; load: () => Promise<Handler>; params?: Record<string, string>; names: RegExp }[] = [
  { url: `/goals/history?kpi_key=won_revenue&scope=team&team_id=${HUGE}`, load: async () => (await import('@/app/(app)/goals/history/route')).GET as Handler, names: /team_id/ },
  { url: '/goals/history?kpi_key=won_revenue&scope=user&user_id=1e10', load: async () => (await import('@/app/(app)/goals/history/route')).GET as Handler, names: /user_id/ },
  { url: '/goals/history?kpi_key=won_revenue&scope=company&start_date=0000-01-01&due_date=275760-09-13', load: async () => (await import('@/app/(app)/goals/history/route')).GET as Handler, names: /start_date.*due_date/ },
  { url: '/goals/history?kpi_key=won_revenue&scope=galaxy', load: async () => (await import('@/app/(app)/goals/history/route')).GET as Handler, names: /scope/ },
  { url: '/api/imports/errors?import=1e10', load: async () => (await import('@/app/api/imports/errors/route')).GET as Handler, names: /import/ },
  { url: `/api/imports/errors?import=${HUGE}`, load: async () => (await import('@/app/api/imports/errors/route')).GET as Handler, names: /import/ },
  { url: '/kpis/won_revenue/export?from=0000-01-01', load: async () => (await import('@/app/(app)/kpis/[key]/export/route')).GET as Handler, params: { key: 'won_revenue' }, names: /from/ },
];

describe('[SECURITY] malformed parameters: a route handler answers 400 naming the parameter, never 500', () => {
  for (const r of ROUTES) {
    it(`${r.url} → 400`, async () => {
      const res = await (await r.load())(new Request(`http://app.test${r.url}`), { params: Promise.resolve(r.params ?? {}) });
      expect(res.status).toBe(400);
      const body = await res.text();
      const message = res.headers.get('content-type')?.includes('json') ? (JSON.parse(body) as { error: string }).error : body;
      expect(message).toMatch(r.names);
    });
  }
});
