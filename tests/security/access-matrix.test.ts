// [SECURITY] One table over every server action and every route handler, for each of: signed out,
// member, manager, admin. The expected column is product.md's matrix written out by hand (not computed
// from lib/access, which is what is under test). Each call sends an empty form or request, so
// a caller that passes the gate stops at input validation and nothing is written; what is checked is
// the gate: signed out → "not signed in" (401), a role the matrix excludes → "forbidden" (403), an
// allowed role → neither. Every exported action must have a row, so a new action cannot skip the table.
// Then the record-level matrix (read / edit of own, teammates' and other teams' records) on the demo.
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryRows } from '@/db/client';
import { FORBIDDEN_MESSAGE, NOT_SIGNED_IN_MESSAGE, protectedAction, type ActionState } from '@/lib/actions/protected-action';
import type { MemberView, SessionUser } from '@/lib/access';
import { kpiDrilldown, authorizedFilters } from '@/tests/helpers/engine-views';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { getRecord } from '@/lib/records/read';
import { saveRecord } from '@/lib/records/write-record';
import { createSeededDemo, formData, type SeededDemo } from '@/tests/helpers/seeded-demo';

let current: SessionUser | null = null;
/** Set when a test needs to prove a path does not wait for the database. */
let dbHeld = false;
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => { if (dbHeld) throw new Error('waited for the database'); return current; },
  getSessionClaims: async () => (current ? { uid: current.id, sv: 0 } : null),
  requireUser: async () => { throw new Error('not used by actions or route handlers'); },
  requirePermission: async () => { throw new Error('not used by actions or route handlers'); },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// A background import that never finishes: the job stays 'running'.
vi.mock('@/lib/import', async (orig) => ({ ...(await orig<typeof import('@/lib/import')>()), importFile: () => new Promise(() => undefined) }));

type Who = 'signed out' | 'member' | 'manager' | 'admin';
const WHO: Who[] = ['signed out', 'member', 'manager', 'admin'];
const USERS: Record<Exclude<Who, 'signed out'>, SessionUser> = {
  member: { id: 9001, email: 'm@x.test', name: 'M', role: 'member', department: 'sales', teamId: 1, managedTeamIds: [] },
  manager: { id: 9002, email: 'g@x.test', name: 'G', role: 'manager', department: 'sales', teamId: 1, managedTeamIds: [1] },
  admin: { id: 9003, email: 'a@x.test', name: 'A', role: 'admin', department: 'executive', teamId: null, managedTeamIds: [] },
};

const EVERYONE: Who[] = ['member', 'manager', 'admin'];
const MANAGERS: Who[] = ['manager', 'admin'];
const ADMINS: Who[] = ['admin'];

/** product.md: records — everyone signed in (within scope); goals — managers and admins; admin pages — admins. */
const ACTIONS: Record<string, Who[]> = {
  'records.saveAccountAction': EVERYONE, 'records.saveLeadAction': EVERYONE, 'records.saveDealAction': EVERYONE,
  'records.saveOrderAction': EVERYONE, 'records.saveCampaignAction': EVERYONE, 'records.saveTicketAction': EVERYONE,
  'records.saveSurveyResponseAction': EVERYONE,
  'goals.createGoalAction': MANAGERS, 'goals.updateGoalAction': MANAGERS, 'goals.changeGoalStateAction': MANAGERS, 'goals.splitGoalAction': MANAGERS,
  'admin.createUserAction': ADMINS, 'admin.updateUserAction': ADMINS, 'admin.setUserActiveAction': ADMINS, 'admin.resetPasswordAction': ADMINS,
  'admin.createTeamAction': ADMINS, 'admin.renameTeamAction': ADMINS, 'admin.setTeamManagersAction': ADMINS,
  'admin.undoImportAction': ADMINS,
};

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface RouteCase { name: string; load: () => Promise<Handler>; method: 'GET' | 'POST'; url: string; params?: Record<string, string>; allowed: Who[] }

const ROUTES: RouteCase[] = [
  { name: 'GET /kpis/[key]/export', load: async () => (await import('@/app/(app)/kpis/[key]/export/route')).GET as Handler, method: 'GET', url: '/kpis/nope/export', params: { key: 'nope' }, allowed: EVERYONE },
  { name: 'GET /goals/history', load: async () => (await import('@/app/(app)/goals/history/route')).GET as Handler, method: 'GET', url: '/goals/history?kpi_key=nope', allowed: MANAGERS },
  { name: 'POST /api/imports/upload', load: async () => (await import('@/app/api/imports/upload/route')).POST as Handler, method: 'POST', url: '/api/imports/upload', allowed: ADMINS },
  { name: 'POST /api/imports/preview', load: async () => (await import('@/app/api/imports/preview/route')).POST as Handler, method: 'POST', url: '/api/imports/preview', allowed: ADMINS },
  { name: 'POST /api/imports/commit', load: async () => (await import('@/app/api/imports/commit/route')).POST as Handler, method: 'POST', url: '/api/imports/commit', allowed: ADMINS },
  { name: 'POST /api/imports/cancel', load: async () => (await import('@/app/api/imports/cancel/route')).POST as Handler, method: 'POST', url: '/api/imports/cancel', allowed: ADMINS },
  { name: 'GET /api/imports/status', load: async () => (await import('@/app/api/imports/status/route')).GET as Handler, method: 'GET', url: '/api/imports/status?upload=nope', allowed: ADMINS },
  { name: 'GET /api/imports/errors', load: async () => (await import('@/app/api/imports/errors/route')).GET as Handler, method: 'GET', url: '/api/imports/errors?upload=nope', allowed: ADMINS },
  { name: 'GET /api/imports/mappings', load: async () => (await import('@/app/api/imports/mappings/route')).GET as Handler, method: 'GET', url: '/api/imports/mappings', allowed: ADMINS },
  { name: 'POST /api/imports/mappings', load: async () => (await import('@/app/api/imports/mappings/route')).POST as Handler, method: 'POST', url: '/api/imports/mappings', allowed: ADMINS },
  { name: 'GET /api/imports/mappings/[id]', load: async () => (await import('@/app/api/imports/mappings/[id]/route')).GET as Handler, method: 'GET', url: '/api/imports/mappings/999999', params: { id: '999999' }, allowed: ADMINS },
  { name: 'GET /api/imports/template', load: async () => (await import('@/app/api/imports/template/route')).GET as Handler, method: 'GET', url: '/api/imports/template?entity=deals', allowed: ADMINS },
  { name: 'POST /api/imports/batch', load: async () => (await import('@/app/api/imports/batch/route')).POST as Handler, method: 'POST', url: '/api/imports/batch', allowed: ADMINS },
];

type Action = (s: ActionState, f: FormData) => Promise<ActionState>;

async function loadActions(): Promise<Record<string, Action>> {
  const modules = {
    records: await import('@/app/(app)/records/actions'),
    goals: await import('@/app/(app)/goals/actions'),
    admin: await import('@/app/(app)/admin/actions'),
  };
  const out: Record<string, Action> = {};
  for (const [area, mod] of Object.entries(modules)) {
    for (const [name, fn] of Object.entries(mod)) if (typeof fn === 'function') out[`${area}.${name}`] = fn as Action;
  }
  return out;
}

const as = (who: Who) => { current = who === 'signed out' ? null : USERS[who]; };
afterEach(() => { dbHeld = false; });
let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => { logged = vi.spyOn(console, 'error').mockImplementation(() => undefined); });
afterEach(() => { current = null; logged.mockRestore(); });

describe('[SECURITY] server actions × roles', () => {
  it('every exported server action has a row in the matrix', async () => {
    expect(Object.keys(await loadActions()).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const [name, allowed] of Object.entries(ACTIONS)) {
    it(`${name}: ${WHO.map((w) => `${w} ${w === 'signed out' ? 'refused' : allowed.includes(w) ? 'passes' : 'forbidden'}`).join(', ')}`, async () => {
      const action = (await loadActions())[name];
      for (const who of WHO) {
        as(who);
        const res = await action(null, new FormData());
        const error = res && !res.ok ? res.error : undefined;
        if (who === 'signed out') expect(error, who).toBe(NOT_SIGNED_IN_MESSAGE);
        else if (allowed.includes(who)) {
          expect(error, who).not.toBe(FORBIDDEN_MESSAGE);
          expect(error, who).not.toBe(NOT_SIGNED_IN_MESSAGE);
          // Past the gate, an empty form is invalid input: refused with field errors, nothing written.
          expect(res, who).toMatchObject({ ok: false });
        } else expect(error, who).toBe(FORBIDDEN_MESSAGE);
      }
    });
  }
});

describe('[SECURITY] route handlers × roles', () => {
  for (const r of ROUTES) {
    it(`${r.name}: 401 signed out, 403 for ${WHO.filter((w) => w !== 'signed out' && !r.allowed.includes(w)).join(' and ') || 'nobody'}`, async () => {
      const handler = await r.load();
      for (const who of WHO) {
        as(who);
        const res = await handler(new Request(`http://localhost${r.url}`, { method: r.method }), { params: Promise.resolve(r.params ?? {}) });
        if (who === 'signed out') expect(res.status, who).toBe(401);
        else if (r.allowed.includes(who)) expect([401, 403], `${who} got ${res.status}`).not.toContain(res.status);
        else expect(res.status, who).toBe(403);
      }
    });
  }
});

describe('[SECURITY] a running import while the database is held by it', () => {
  it("answers its starter's progress polls and cancel from the session alone, and nobody else's", async () => {
    const { startImportJob } = await import('@/lib/import/jobs');
    const status = (await import('@/app/api/imports/status/route')).GET;
    const cancel = (await import('@/app/api/imports/cancel/route')).POST;
    const upload = { id: 'held-db-test', userId: USERS.admin.id, fileName: 'a.csv', path: '/nonexistent', bytes: 10, rows: 5, headers: [], createdAt: Date.now(), delimiter: ',', problem: null, notUtf8: false };
    startImportJob({} as never, upload, 'accounts', { mapping: {} }, 0);
    const req = (m: string) => new Request('http://localhost/api/imports/x?upload=held-db-test', { method: m });
    dbHeld = true;
    as('admin');
    const res = await status(req('GET'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ uploadId: 'held-db-test', state: 'running', rowsTotal: 5 });
    // Another user's session takes the full (database) check.
    as('manager');
    // (jsonErrors answers the thrown error as a JSON 500 and logs it.)
    expect((await status(req('GET'))).status).toBe(500);
    expect(logged).toHaveBeenCalledWith('[route] failed:', expect.objectContaining({ message: 'waited for the database' }));
    dbHeld = false;
    expect((await status(req('GET'))).status).toBe(403);
    as('admin');
    dbHeld = true;
    const cancelled = await cancel(req('POST'));
    expect(cancelled.status).toBe(200);
  });
});

// product.md's matrix for CRM records, on the seeded demo: a member reads their own and their team's
// records (the team's read-only: the records behind the team numbers they may see) and edits only their
// own; a manager reads and edits their teams'; an admin all. "Read" is the record page (getRecord) and the
// drill-down; "edit" is the edit page's check (`writable`) and the save action on the server, which must
// refuse and write nothing whatever the UI shows.
describe('[SECURITY] CRM records × roles (read / edit), seeded demo', () => {
  type Rel = 'own' | 'teammate' | 'other team';
  type Cell = { read: boolean; edit: boolean };
  const RECORDS_MATRIX: Record<Exclude<Who, 'signed out'>, Record<Rel, Cell>> = {
    member: { own: { read: true, edit: true }, teammate: { read: true, edit: false }, 'other team': { read: false, edit: false } },
    manager: { own: { read: true, edit: true }, teammate: { read: true, edit: true }, 'other team': { read: false, edit: false } },
    admin: { own: { read: true, edit: true }, teammate: { read: true, edit: true }, 'other team': { read: true, edit: true } },
  };
  let demo: SeededDemo;
  /** A deal of each relation to the demo member (the demo manager runs the member's team). */
  const deals = {} as Record<Rel, number>;
  const ALL_TIME = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };

  beforeAll(async () => {
    demo = await createSeededDemo();
    const m = demo.member;
    const teams = sql.join(demo.manager.managedTeamIds.map((t) => sql`${t}::int`), sql`, `);
    const pick = async (cond: SQL) => (await queryRows<{ id: number }>(demo.h.db, sql`select d.id from deals d join users u on u.id = d.owner_id where ${cond} order by d.id limit 1`))[0].id;
    deals.own = await pick(sql`u.id = ${m.id}`);
    deals.teammate = await pick(sql`u.team_id = ${m.teamId} and u.id <> ${m.id} and u.role = 'member'`);
    deals['other team'] = await pick(sql`u.team_id is not null and u.team_id not in (${teams})`);
    expect(demo.manager.managedTeamIds).toContain(m.teamId);
  }, 180_000);
  afterAll(async () => demo?.h.close());

  for (const role of ['member', 'manager', 'admin'] as const) {
    it(`${role}: ${Object.entries(RECORDS_MATRIX[role]).map(([rel, c]) => `${rel} ${c.read ? (c.edit ? 'read+edit' : 'read-only') : 'hidden'}`).join(', ')}`, async () => {
      const user = demo[role];
      const save = protectedAction('records.write', RECORD_FORMS.deals.schema, (input, who) => saveRecord(demo.h.db, who, 'deals', input), { getUser: async () => user });
      for (const [rel, want] of Object.entries(RECORDS_MATRIX[role]) as [Rel, Cell][]) {
        const id = deals[rel];
        const rec = await getRecord(demo.h.db, user, 'deals', id);
        expect(rec != null, `${role} reads ${rel}'s deal`).toBe(want.read);
        if (rec) expect(rec.writable, `${role} may edit ${rel}'s deal`).toBe(want.edit);
        if (want.edit) continue;
        // The server refuses the edit, whatever a page showed: nothing changes.
        const state = async () => (await queryRows<{ name: string; amount: string; updated_at: string }>(demo.h.db, sql`select name, amount::text, updated_at::text from deals where id = ${id}`))[0];
        const before = await state();
        const res = await save(null, formData({ id: String(id), name: 'Edited by someone else', amount: '1', stage: 'prospecting', created_at: '2026-01-05' }));
        expect(res, `${role} edits ${rel}'s deal`).toMatchObject({ ok: false });
        expect(await state()).toEqual(before);
      }
    }, 60_000);
  }

  it("a member's team view drills into their teammates' deals; their own view and other teams' deals stay out", async () => {
    const ids = async (view: MemberView) => {
      const q = { ...ALL_TIME, filters: await authorizedFilters(demo.h.db, demo.member, {}, view), viewer: demo.member, pageSize: 500 };
      const first = await kpiDrilldown(demo.h.db, 'pipeline_value', q);
      const all = [...first.rows];
      for (let page = 2; all.length < first.total; page++) all.push(...(await kpiDrilldown(demo.h.db, 'pipeline_value', { ...q, page })).rows);
      return new Set(all.map((r) => Number(r.id)));
    };
    const dealsOf = async (cond: SQL) => (await queryRows<{ id: number }>(demo.h.db, sql`select d.id from deals d join users u on u.id = d.owner_id where ${cond}`)).map((r) => Number(r.id));
    const [mine, team] = [await ids('mine'), await ids('team')];
    const teammates = await dealsOf(sql`u.team_id = ${demo.member.teamId} and u.id <> ${demo.member.id}`);
    const others = await dealsOf(sql`u.team_id <> ${demo.member.teamId}`);
    expect(teammates.some((id) => team.has(id))).toBe(true);
    expect(teammates.some((id) => mine.has(id))).toBe(false);
    expect(others.some((id) => team.has(id) || mine.has(id))).toBe(false);
  }, 60_000);
});
