// [IMPORT] Saved mappings (issue 15, point 6, in the app) and templates (point 7): a mapping document
// saved by name is offered again for a file with the same header row (any order or case), replaced by
// saving the same name, refused whole when invalid; every entity's template imports as it is, all
// templates at once in dependency order in one transaction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importDirectory, importFiles, type ImportFilesSpec } from '@/lib/import';
import { getMapping, listMappings, saveMapping } from '@/lib/import/saved-mappings';
import { templateCsv } from '@/lib/import/templates';
import { ENTITY_NAMES } from '@/lib/validation';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { fingerprint, tempFile } from './helpers';

const DOC = { name: 'Helpdesk', headers: ['Ticket ID', 'Opened'], imports: [{ entity: 'tickets', columns: { 'Ticket ID': 'external_id', Opened: 'created_at' } }] };

describe('[IMPORT] saved mappings and templates', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t?.close(); });

  it('saves by name, suggests for the same headers, replaces by name, refuses an invalid document', async () => {
    expect(await saveMapping(t.db, null, { ...DOC, imports: [{ entity: 'tickets', columns: {}, merge: { columns: { name: 'biggest' } } }] }))
      .toMatch(/^invalid mapping document: imports\.0\.merge\.columns\.name: /);
    expect(await queryRows(t.db, sql`select count(*)::int as n from import_mappings`)).toEqual([{ n: 0 }]);
    const a = await saveMapping(t.db, null, DOC);
    const b = await saveMapping(t.db, null, { name: 'Other', headers: ['x'], imports: [{ entity: 'accounts', columns: { x: 'external_id' } }] });
    expect(a).toEqual({ id: expect.any(Number) });
    const listed = await listMappings(t.db, ['opened', ' ticket id']);
    expect(listed.map((m) => [m.name, m.fits])).toEqual([['Helpdesk', true], ['Other', false]]);
    // Saving the same name (any case) replaces it.
    const again = await saveMapping(t.db, null, { ...DOC, name: 'HELPDESK', imports: [{ ...DOC.imports[0], values: { priority: { p1: 'urgent' } } }] });
    expect(again).toEqual(a);
    expect((await listMappings(t.db)).map((m) => m.name).sort()).toEqual(['HELPDESK', 'Other']);
    const doc = await getMapping(t.db, (a as { id: number }).id);
    expect(doc?.imports[0].values).toEqual({ priority: { p1: 'urgent' } });
    expect(await queryRows(t.db, sql`select action, entity from audit_log where action = 'import_mapping.save' order by id`)).toHaveLength(3);
    expect(b).toEqual({ id: expect.any(Number) });
  });

  it('every template imports as it is, all at once, in dependency order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'templates-'));
    // Written in reverse order: the folder import sorts them (users first, activities last).
    for (const e of [...ENTITY_NAMES].reverse()) fs.writeFileSync(path.join(dir, `${e}.csv`), templateCsv(e));
    const r = await importDirectory(t.db, dir);
    expect(r.message).toBe('Imported 10 file(s): 10 inserted, 0 updated, 0 unchanged.');
    expect(r.files.map((f) => f.entity)).toEqual([...ENTITY_NAMES]);
    expect(templateCsv('deals').split('\n')[0]).toBe('external_id,name,account_external_id,owner_email,campaign_external_id,product,type,amount,stage,created_at,closed_at,contract_months');
  });

  it('several uploaded files at once: dependency order whatever their order, one transaction, nothing written on an error', async () => {
    const deals = tempFile('upload-1.csv', 'id,title,acct,value,stage,opened\nDL-9,Big one,AC-9,100,qualification,2025-01-01\n');
    const accounts = tempFile('upload-2.csv', 'id,company\nAC-9,Nine Ltd\n');
    const files: ImportFilesSpec[] = [
      { entity: 'deals', path: deals, fileName: 'upload-1.csv', mapping: { id: 'external_id', title: 'name', acct: 'account_external_id', value: 'amount', stage: 'stage', opened: 'created_at' } },
      { entity: 'accounts', path: accounts, fileName: 'upload-2.csv', mapping: { id: 'external_id', company: 'name' } },
    ];
    const bad = tempFile('upload-3.csv', 'id,company\nAC-10,\n');
    const before = await fingerprint(t.db);
    const refused = await importFiles(t.db, [files[0], { ...files[1], path: bad }]);
    expect(refused.committed).toBe(false);
    const { imports: _h1, ...b } = before;
    const { imports: _h2, ...a } = await fingerprint(t.db);
    expect(a).toEqual(b);
    const r = await importFiles(t.db, files);
    expect(r.files.map((f) => [f.fileName, f.entity, f.inserted])).toEqual([['upload-2.csv', 'accounts', 1], ['upload-1.csv', 'deals', 1]]);
    expect(await queryRows(t.db, sql`select d.external_id, a.name from deals d join accounts a on a.id = d.account_id where d.external_id = 'DL-9'`)).toEqual([{ external_id: 'DL-9', name: 'Nine Ltd' }]);
  });
});
