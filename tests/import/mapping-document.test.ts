// [IMPORT] Saved mapping documents (issue 15, point 6) and honest file checks (point 9): one JSON
// document holds everything an export needs; the CLI takes it with --mapping-file (one file, every
// part in dependency order in one transaction; in --dir runs one per file). Files that are binary,
// semicolon- or tab-separated or not UTF-8 are told apart; the upload's row count is the preview's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importFile, parseMappingDocument, sameHeaders, scanFile } from '@/lib/import';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { tempFile } from './helpers';

const TSX = path.resolve('node_modules/.bin/tsx');
const EXPORT = 'Ticket ID,Customer Email,Customer Name,Opened,Rating\nT1,a@x.test,Ann,2023-06-01,5\nT2,b@x.test,Bob,2023-06-02,\nT3,a@x.test,Ann,2023-05-30,2\n';
const DOC = {
  name: 'Helpdesk export', file: 'helpdesk.csv', headers: ['Ticket ID', 'Customer Email', 'Customer Name', 'Opened', 'Rating'],
  // Parts in the "wrong" order on purpose: they run in dependency order.
  imports: [
    { entity: 'survey_responses', columns: { 'Ticket ID': 'external_id', Rating: 'score', Opened: 'responded_at' },
      values: { kind: { '': 'csat' }, ticket_external_id: { '': '{Ticket ID}' } }, filters: [{ action: 'skip', column: 'Rating', when: 'empty' }] },
    { entity: 'tickets', columns: { 'Ticket ID': 'external_id', 'Customer Email': 'account_external_id', Opened: 'created_at' } },
    { entity: 'accounts', columns: { 'Customer Email': 'external_id', 'Customer Name': 'name', Opened: 'customer_since' }, merge: { columns: { customer_since: 'earliest' } } },
  ],
};

describe('[IMPORT] mapping documents', () => {
  it('are checked as a whole: unknown keys, entities, rules and value targets are one clear message', () => {
    expect(parseMappingDocument(DOC)).toMatchObject({ version: 1, name: 'Helpdesk export' });
    expect(parseMappingDocument({ ...DOC, imports: [{ ...DOC.imports[1], entity: 'tickets', filters: [{ action: 'drop', column: 'x', when: 'empty' }] }] }))
      .toMatch(/^invalid mapping document: imports\.0\.filters\.0\.action: /);
    expect(parseMappingDocument({ ...DOC, imports: [{ entity: 'tickets', columns: {}, values: { priority: { hi: 'urgentest' } } }] }))
      .toBe('invalid mapping document: imports.0.values: value mapping of priority: "urgentest" is not one of low, normal, high, urgent');
    expect(parseMappingDocument({ ...DOC, colums: {} })).toMatch(/Unrecognized key/);
    expect(sameHeaders(DOC, ['rating', 'OPENED', 'customer name', 'Customer Email', 'Ticket ID'])).toBe(true);
    expect(sameHeaders(DOC, ['Ticket ID', 'Rating'])).toBe(false);
  });

  describe('on the command line', () => {
    let t: TestDb | undefined;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      const base = { ...process.env };
      delete base.DATABASE_READ_URL;
      if (process.env.DATABASE_URL) {
        t = await createTestDb();
        env = { ...base, DATABASE_URL: t.url };
      } else {
        delete base.DATABASE_URL;
        env = { ...base, PGLITE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cli-pglite-')) };
      }
    });
    afterAll(async () => { await t?.close(); });
    const run = (args: string[]) => spawnSync(TSX, ['scripts/import.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });

    it('--dir with one mapping file per file: all parts in dependency order, one transaction; a bad file writes nothing', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapped-'));
      const docFile = path.join(dir, 'helpdesk.json');
      fs.writeFileSync(docFile, JSON.stringify(DOC));
      const usersDoc = path.join(dir, 'staff.json');
      fs.writeFileSync(usersDoc, JSON.stringify({ name: 'Staff', file: 'staff.csv', imports: [{ entity: 'users', columns: { Mail: 'email', Who: 'name' }, values: { role: { '': 'member' } } }] }));
      fs.writeFileSync(path.join(dir, 'staff.csv'), 'Mail,Who\nsam@x.test,Sam\n');
      fs.writeFileSync(path.join(dir, 'helpdesk.csv'), `${EXPORT}T4,c@x.test,Cy,not a date,3\n`);
      const bad = run(['--dir', dir, '--mapping-file', docFile, '--mapping-file', usersDoc]);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/^row 5, column Opened: must be a date YYYY-MM-DD$/m);
      fs.writeFileSync(path.join(dir, 'helpdesk.csv'), EXPORT);
      const ok = run(['--dir', dir, '--mapping-file', docFile, '--mapping-file', usersDoc]);
      expect(ok.stderr).toBe('');
      expect(ok.stdout.split('\n').filter((l) => /→/.test(l))).toEqual([
        'staff.csv → users: 1 inserted, 0 updated, 0 unchanged (1 rows)',
        'helpdesk.csv → accounts: 2 inserted, 0 updated, 0 unchanged (3 rows)',
        'helpdesk.csv → tickets: 3 inserted, 0 updated, 0 unchanged (3 rows)',
        'helpdesk.csv → survey_responses: 2 inserted, 0 updated, 0 unchanged (2 rows)',
      ]);
      expect(ok.stdout).toMatch(/^ {2}1 row merged into an earlier row with the same key$/m);
      expect(ok.stdout).toMatch(/^ {2}1 row skipped: "Rating" is empty$/m);
      // One part of the same document, by entity: a re-import that changes nothing.
      const one = run(['tickets', path.join(dir, 'helpdesk.csv'), '--mapping-file', docFile]);
      expect(one.stdout).toMatch(/^helpdesk\.csv → tickets: 0 inserted, 0 updated, 3 unchanged \(3 rows\)$/m);
      const none = run(['deals', path.join(dir, 'helpdesk.csv'), '--mapping-file', docFile]);
      expect(none.stderr).toMatch(/^the mapping "Helpdesk export" has no part for deals \(it has survey_responses, tickets, accounts\)$/m);
    }, 240_000);
  });
});

describe('[IMPORT] file checks', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t?.close(); });
  const ACCOUNTS = [['external_id', 'name', 'region'], ['A1', 'Café Crème', 'EMEA'], ['A2', 'Ørsted; A/S', 'EMEA']];

  it('refuses a binary file as such, not as "0 rows"', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), Buffer.alloc(64, 7)]);
    const r = await importFile(t.db, { entity: 'accounts', path: tempFile('accounts.csv', xlsx), dryRun: true });
    expect(r.errors).toEqual([{ row: 1, column: '', message: expect.stringMatching(/^the file is not a text file \(it holds binary data/) }]);
    expect((await scanFile(tempFile('accounts.csv', xlsx))).problem).toMatch(/^The file is not a text file/);
  });

  it('detects semicolons and tabs; a quoted delimiter stays in its cell', async () => {
    for (const [d, text] of [[';', ACCOUNTS.map((r) => r.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';')).join('\n')], ['\t', ACCOUNTS.map((r) => r.join('\t')).join('\n')]] as const) {
      const file = tempFile('accounts.csv', `${text}\n`);
      const r = await importFile(t.db, { entity: 'accounts', path: file, dryRun: true });
      expect(r).toMatchObject({ ok: true, totalRows: 2, delimiter: d });
      expect(r.preview?.map((p) => p.values.name)).toEqual(['Café Crème', 'Ørsted; A/S']);
    }
  });

  it('does not guess an encoding: Windows-1252 bytes are an error naming the choices, and import once chosen', async () => {
    const file = tempFile('accounts.csv', Buffer.from(`${ACCOUNTS.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`, 'latin1'));
    const refused = await importFile(t.db, { entity: 'accounts', path: file });
    expect(refused.errors[0]).toMatchObject({ row: 2, column: 'name', message: expect.stringMatching(/not valid UTF-8.*Windows-1252.*Latin-1/) });
    expect(await queryRows(t.db, sql`select count(*)::int as n from accounts`)).toEqual([{ n: 0 }]);
    expect(await scanFile(file)).toMatchObject({ notUtf8: true, rows: 2 });
    const r = await importFile(t.db, { entity: 'accounts', path: file, format: { encoding: 'windows-1252' } });
    expect(r).toMatchObject({ ok: true, inserted: 2 });
    expect(await queryRows(t.db, sql`select name from accounts order by external_id`)).toEqual([{ name: 'Café Crème' }, { name: 'Ørsted; A/S' }]);
  });

  it('the upload scan counts the rows the preview counts (blank lines, quoted line breaks, no final newline)', async () => {
    const file = tempFile('accounts.csv', 'external_id,name\n\nB1,"two\nlines"\n,\n\nB2,x\nB3,y');
    const scan = await scanFile(file);
    const r = await importFile(t.db, { entity: 'accounts', path: file, dryRun: true });
    expect(scan).toMatchObject({ rows: 3, headers: ['external_id', 'name'], delimiter: ',', problem: null });
    expect(r.totalRows).toBe(3);
  });
});
