// [IMPORT] Undo an import (issue 15 item 8): an import that inserted and updated accounts and deals is
// reverted exactly (every table's rows as before it, bookkeeping aside), and refused, naming the record
// and what changed, when a later edit (a record form, raw SQL) or a later row referring to an inserted
// record touched it; a refused undo changes nothing. Both databases (DATABASE_URL for Postgres).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { protectedAction } from '@/lib/actions/protected-action';
import type { SessionUser } from '@/lib/access';
import { importDirectory, importFiles } from '@/lib/import';
import { undoImport, type UndoResult } from '@/lib/import/undo';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { saveRecord } from '@/lib/records/write-record';
import { formData } from '@/tests/helpers/seeded-demo';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { fingerprint, GOLDEN_DIR, tempFile } from './helpers';

/** The import's own bookkeeping changes by design; every other table must come back exactly. */
const BOOKKEEPING = ['imports', 'audit_log', 'import_changes', 'import_inserts'];

const ACCOUNTS_HEADER = 'external_id,name,segment,industry,region,owner_email,customer_since,churned_at';
const DEALS_HEADER = 'external_id,name,account_external_id,owner_email,campaign_external_id,product,type,amount,stage,created_at,closed_at,contract_months';

/** A golden file's row by external_id, as cells. */
function goldenRow(file: string, id: string): string[] {
  const line = fs.readFileSync(path.join(GOLDEN_DIR, file), 'utf8').split('\n').find((l) => l.startsWith(`${id},`));
  if (!line) throw new Error(`${id} not in ${file}`);
  return line.split(',');
}

/**
 * Files of run `k` (each test its own records): accounts A{2k} and A{2k+1} renamed, deal D{2k}'s amount
 * changed; new accounts A9k0, A9k1 and new deals D9k0 (on A9k0) and D9k1 (on A{2k}).
 */
function changeFiles(k: number): { accounts: string; deals: string } {
  const renamed = [2 * k, 2 * k + 1].map((x) => { const c = goldenRow('accounts.csv', `A${x}`); c[1] = `Account ${x} renamed`; return c.join(','); });
  const deal = goldenRow('deals.csv', `D${2 * k}`);
  deal[7] = '99999.99';
  return {
    accounts: [ACCOUNTS_HEADER, ...renamed, `A9${k}0,New Account 9${k}0,Enterprise,Retail,NA,user2@example.com,2025-01-15,`, `A9${k}1,New Account 9${k}1,SMB,,EMEA,,,`].join('\n'),
    deals: [DEALS_HEADER, deal.join(','),
      `D9${k}0,New Deal 9${k}0,A9${k}0,user2@example.com,,Pro,new,1200.00,Won,2025-09-01T10:00:00Z,2025-09-20T10:00:00Z,12`,
      `D9${k}1,New Deal 9${k}1,A${2 * k},,,,,500.00,Prospecting,2025-10-01T10:00:00Z,,`].join('\n'),
  };
}

let t: TestDb;
let admin: SessionUser;

async function dump(): Promise<Record<string, string>> {
  const all = await fingerprint(t.db);
  for (const b of BOOKKEEPING) delete all[b];
  return all;
}

/** Imports the accounts and deals files together (one run); returns the accounts file's history id. */
async function importChanges(k: number): Promise<number> {
  const f = changeFiles(k);
  const r = await importFiles(t.db, [
    { entity: 'accounts', path: tempFile('accounts.csv', f.accounts), fileName: 'accounts.csv' },
    { entity: 'deals', path: tempFile('deals.csv', f.deals), fileName: 'deals.csv' },
  ], { userId: admin.id });
  expect(r.message).toBe('Imported 2 file(s): 4 inserted, 3 updated, 0 unchanged.');
  expect(r.files.map((f) => [f.entity, f.inserted, f.updated])).toEqual([['accounts', 2, 2], ['deals', 2, 1]]);
  return r.files[0].importId!;
}

const states = async () => (await queryRows<{ state: string }>(t.db, sql`select state from imports order by id desc limit 2`)).map((r) => r.state);
const undo = (id: number) => undoImport(t.db, admin, id);
const blockersOf = (r: UndoResult) => (r.ok ? [] : r.blockers);

beforeAll(async () => {
  t = await createTestDb();
  const base = await importDirectory(t.db, GOLDEN_DIR);
  if (!base.committed) throw new Error(base.message);
  const [u] = await queryRows<{ id: number }>(t.db, sql`select id from users where email = 'user0@example.com'`);
  admin = { id: u.id, email: 'user0@example.com', name: 'User 0', role: 'admin', department: 'sales', teamId: null, managedTeamIds: [] };
}, 120_000);
afterAll(async () => { await t?.close(); });

describe('[IMPORT] undo', () => {
  it('restores every table exactly after an import that inserted and updated accounts and deals', async () => {
    const before = await dump();
    const id = await importChanges(0);
    expect(await dump()).not.toEqual(before);
    // The 3 updates with both images; the 4 inserts as ids, keys and the transaction id that wrote them.
    const changes = await queryRows<{ tbl: string; op: string; n: number }>(t.db, sql`select tbl, op, count(*)::int as n from import_changes
      where import_id in (${id}, ${id + 1}) group by 1, 2 order by 1, 2`);
    expect(changes).toEqual([{ tbl: 'accounts', op: 'update', n: 2 }, { tbl: 'deals', op: 'update', n: 1 }]);
    const inserts = await queryRows<{ tbl: string; keys: string[]; same: boolean }>(t.db, sql`select ii.tbl, ii.keys,
        case ii.tbl
          when 'accounts' then (select bool_and(r.xmin::text::bigint = ii.row_xmin) from unnest(ii.ids) as x(id) join accounts r on r.id = x.id)
          when 'deals' then (select bool_and(r.xmin::text::bigint = ii.row_xmin) from unnest(ii.ids) as x(id) join deals r on r.id = x.id)
        end as same
      from import_inserts ii where import_id in (${id}, ${id + 1}) order by ii.tbl`);
    expect(inserts).toEqual([{ tbl: 'accounts', keys: ['A900', 'A901'], same: true }, { tbl: 'deals', keys: ['D900', 'D901'], same: true }]);
    const r = await undo(id);
    expect(r).toMatchObject({ ok: true, deleted: 4, restored: 3, message: 'Undone (2 files imported together): 4 inserted records deleted, 3 updated records restored.' });
    expect(await dump()).toEqual(before);
    expect(await states()).toEqual(['undone', 'undone']);
    const audit = await queryRows<{ entity: string; entity_id: string; user_id: number }>(t.db, sql`select entity, entity_id, user_id from audit_log where action = 'import_undo' order by id`);
    expect(audit).toEqual([{ entity: 'accounts', entity_id: String(id), user_id: admin.id }, { entity: 'deals', entity_id: String(id + 1), user_id: admin.id }]);
    expect(await undo(id)).toMatchObject({ ok: false, message: `Import #${id} (accounts.csv) is undone: only a succeeded import can be undone.` });
  });

  it('refuses, naming the record, after an edit through the record form; nothing changes', async () => {
    const id = await importChanges(1);
    const [a2] = await queryRows<{ id: number }>(t.db, sql`select id from accounts where external_id = 'A2'`);
    const save = protectedAction('records.write', RECORD_FORMS.accounts.schema, (input, who) => saveRecord(t.db, who, 'accounts', input), { getUser: async () => admin });
    const saved = await save(null, formData({ id: String(a2.id), name: 'Edited in the app', segment: 'SMB', industry: 'Finance', region: 'EMEA', owner_id: '' }));
    expect(saved).toMatchObject({ ok: true });
    const before = await dump();
    const r = await undo(id);
    expect(r.ok).toBe(false);
    expect(blockersOf(r)).toEqual([{ entity: 'accounts', externalId: 'A2', change: expect.stringMatching(/^changed since the import: name: Account 2 renamed → Edited in the app, /) }]);
    expect(r.message).toBe('Not undone: 1 record changed after the import. Nothing was changed.');
    expect(await dump()).toEqual(before);
    expect(await states()).toEqual(['succeeded', 'succeeded']);
  });

  it('refuses after a raw SQL edit (no updated_at bump) and a later row referring to an inserted record', async () => {
    const id = await importChanges(2);
    await t.db.execute(sql`update deals set amount = 1 where external_id = 'D920'`);
    await t.db.execute(sql`insert into deals (external_id, name, account_id, amount, stage, type, created_at)
      select 'LATER1', 'Later deal', id, 10, 'prospecting', 'new', now() from accounts where external_id = 'A921'`);
    const before = await dump();
    const r = await undo(id);
    expect(blockersOf(r)).toEqual([
      { entity: 'deals', externalId: 'D920', change: expect.stringMatching(/^changed since the import \(last saved \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/) },
      { entity: 'accounts', externalId: 'A921', change: 'deals LATER1 (not from this import) refers to it (account_id)' },
    ]);
    expect(await dump()).toEqual(before);
    expect(await states()).toEqual(['succeeded', 'succeeded']);
  });

  it('names an inserted record deleted since by its key, and undoes once it is put back as it was', async () => {
    const id = await importChanges(3);
    const saved = await queryRows<Record<string, unknown>>(t.db, sql`select * from deals where external_id = 'D931'`);
    await t.db.execute(sql`delete from deals where external_id = 'D931'`);
    const r = await undo(id);
    expect(blockersOf(r)).toEqual([{ entity: 'deals', externalId: 'D931', change: 'deleted since the import' }]);
    // Put back by another transaction: a new row version, so still not the record the import wrote.
    await t.db.execute(sql`insert into deals select * from json_populate_record(null::deals, ${JSON.stringify(saved[0])}::json)`);
    expect(blockersOf(await undo(id))).toEqual([
      { entity: 'deals', externalId: 'D931', change: expect.stringMatching(/^changed since the import \(last saved /) },
    ]);
  });

  it('refuses an import whose transaction id is too old to tell later writes apart (32-bit wraparound)', async () => {
    const id = await importChanges(4);
    await t.db.execute(sql`update import_inserts set row_xmin = (txid_current() - 1500000000) % 4294967296 + case when txid_current() < 1500000000 then 4294967296 else 0 end
      where import_id in (${id}, ${id + 1})`);
    const before = await dump();
    expect(await undo(id)).toEqual({ ok: false, blockers: [], message: `Import #${id} is too old to undo: its records can no longer be checked for later changes.` });
    expect(await dump()).toEqual(before);
  });

  it('refuses an import that does not exist, and one that failed', async () => {
    expect(await undo(999_999)).toEqual({ ok: false, message: 'No import #999999.', blockers: [] });
    const bad = await importFiles(t.db, [{ entity: 'accounts', path: tempFile('accounts.csv', 'external_id,name,customer_since\nBAD1,Bad,not a date\n'), fileName: 'accounts.csv' }]);
    expect(bad.committed).toBe(false);
    expect((await undo(bad.files[0].importId!)).message).toMatch(/is failed: only a succeeded import can be undone/);
  });
});

