// [IMPORT] Real exports as they are (issue 15, points 1-5): row filters, owners by name, merging of
// repeated keys, a time derived from a time plus a duration, free-text values listed and normalised.
// Each on a small file made here; a refused import leaves every table exactly as it was.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importFile, type MergeRule } from '@/lib/import';
import { pick } from '@/lib/import/merge';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { fingerprint as allPrint, tempFile } from './helpers';

/** Every table but the import history (a refused import records its failure there, as it should). */
async function fingerprint(db: TestDb['db']): Promise<Record<string, string>> {
  const { imports: _history, ...rest } = await allPrint(db);
  return rest;
}

describe('[IMPORT] export rules', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await importFile(t.db, { entity: 'users', path: tempFile('users.csv', 'email,name,role\nmoses@x.test,Moses Frase,member\nzane@x.test,Zane Levy,member\n') });
    await importFile(t.db, { entity: 'accounts', path: tempFile('accounts.csv', 'external_id,name\nA1,Acme\n') });
  });
  afterAll(async () => { await t?.close(); });

  // 3. Row filters.
  const RATINGS = 'Ticket ID,Status,Rating,Closed\nT1,Closed,4,2023-06-01\nT2,Open,,\nT3,Pending,,\nT4,Closed,2,2023-06-02\nT5,Closed,,2023-06-03\n';
  const RATING_MAP = { 'Ticket ID': 'external_id', Rating: 'score', Closed: 'responded_at' };
  it('skips rows by a filter and says how many and why; without it the empty ratings are errors', async () => {
    const file = tempFile('ratings.csv', RATINGS);
    const before = await fingerprint(t.db);
    const refused = await importFile(t.db, { entity: 'survey_responses', path: file, mapping: RATING_MAP, values: { kind: { '': 'csat' } } });
    expect(refused.errorCount).toBe(5); // T2, T3: score and responded_at; T5: score
    expect(await fingerprint(t.db)).toEqual(before);
    const r = await importFile(t.db, {
      entity: 'survey_responses', path: file, mapping: RATING_MAP, values: { kind: { '': 'csat' } },
      rules: { filters: [{ action: 'skip', column: 'Rating', when: 'empty' }, { action: 'keep', column: 'Status', when: 'in', values: ['closed', 'resolved'] }] },
    });
    expect(r).toMatchObject({ ok: true, inserted: 2, totalRows: 2, skipped: [{ reason: 'skipped: "Rating" is empty', rows: 3 }] });
    expect(await queryRows(t.db, sql`select external_id, score from survey_responses order by 1`)).toEqual([{ external_id: 'T1', score: 4 }, { external_id: 'T4', score: 2 }]);
  });

  it('refuses a filter on a column the file lacks, before reading rows', async () => {
    const r = await importFile(t.db, { entity: 'survey_responses', path: tempFile('r.csv', RATINGS), mapping: RATING_MAP, values: { kind: { '': 'csat' } }, dryRun: true,
      rules: { filters: [{ action: 'skip', column: 'Score', when: 'equals', value: '0' }] } });
    expect(r.errors).toEqual([{ row: 1, column: 'Score', message: 'is named by a row filter but is not in the header row' }]);
  });

  // 2. Owners by name.
  const DEALS = 'id,agent,stage,amount,created\nD1,Moses Frase,qualification,10,2024-01-01\nD2,  moses   frase ,qualification,0,2024-01-02\nD3,ZANE@X.TEST,qualification,5,2024-01-03\nD4,Anna Snelling,qualification,7,2024-01-04\nD5,Anna Snelling,qualification,0,2024-01-05\nD6,Boris Faz,qualification,1,2024-01-06\n';
  const DEAL_MAP = { id: 'external_id', agent: 'owner_email', stage: 'stage', amount: 'amount', created: 'created_at' };
  it('matches owners by name or e-mail ignoring case and spaces; lists unmatched names with counts and writes nothing', async () => {
    const before = await fingerprint(t.db);
    const r = await importFile(t.db, { entity: 'deals', path: tempFile('deals.csv', DEALS), mapping: DEAL_MAP, values: { name: { '': 'Deal {id}' } } });
    expect(r.ok).toBe(false);
    expect(r.unknownValues).toEqual({ owner_email: [{ value: 'Anna Snelling', rows: 2 }, { value: 'Boris Faz', rows: 1 }] });
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[5, 'agent'], [6, 'agent'], [7, 'agent']]);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('maps a name to a user and creates the other unmatched names as inactive members, in the same transaction', async () => {
    const r = await importFile(t.db, {
      entity: 'deals', path: tempFile('deals.csv', DEALS), mapping: DEAL_MAP, values: { name: { '': 'Deal {id}' } },
      rules: { owners: { names: { 'boris faz': 'zane@x.test' }, create: true } },
    });
    expect(r).toMatchObject({ ok: true, inserted: 6, createdUsers: [{ name: 'Anna Snelling', email: 'anna.snelling@imported.invalid' }] });
    expect(await queryRows(t.db, sql`select d.external_id, u.email, u.active from deals d join users u on u.id = d.owner_id order by 1`)).toEqual([
      { external_id: 'D1', email: 'moses@x.test', active: true },
      { external_id: 'D2', email: 'moses@x.test', active: true },
      { external_id: 'D3', email: 'zane@x.test', active: true },
      { external_id: 'D4', email: 'anna.snelling@imported.invalid', active: false },
      { external_id: 'D5', email: 'anna.snelling@imported.invalid', active: false },
      { external_id: 'D6', email: 'zane@x.test', active: true },
    ]);
    expect(await queryRows(t.db, sql`select name, role from users where email = 'anna.snelling@imported.invalid'`)).toEqual([{ name: 'Anna Snelling', role: 'member' }]);
  });

  it('a refused import rolls back the members it created', async () => {
    const bad = `${DEALS}D7,Carl New,qualification,-1,2024-01-07\n`;
    const before = await fingerprint(t.db);
    const r = await importFile(t.db, { entity: 'deals', path: tempFile('deals.csv', bad), mapping: DEAL_MAP, values: { name: { '': 'Deal {id}' } }, rules: { owners: { create: true } } });
    expect(r.errors).toEqual([{ row: 8, column: 'amount', message: 'must not be negative' }]);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  // 4. Merging repeated keys.
  const CUSTOMERS = 'email,name,bought,spend,region\na@x.test,Ann,2021-05-01,10,EMEA\nb@x.test,Bob,2020-01-01,5,NA\na@x.test,Ann B.,2020-03-15,30,\na@x.test,,2022-01-01,20,EMEA\n';
  const CUST_MAP = { email: 'external_id', name: 'name', bought: 'customer_since', region: 'region' };
  it('without merge rules a repeated key is an error; a column the rows disagree on needs a rule', async () => {
    const before = await fingerprint(t.db);
    const plain = await importFile(t.db, { entity: 'accounts', path: tempFile('c.csv', CUSTOMERS), mapping: CUST_MAP });
    expect(plain.errors.map((e) => e.message)).toEqual([
      'duplicate external_id "a@x.test": row 2 has it too (merge rules can fold such rows into one)',
      'duplicate external_id "a@x.test": row 2 has it too (merge rules can fold such rows into one)',
      'is required', // row 5 has no name
    ]);
    const partial = await importFile(t.db, { entity: 'accounts', path: tempFile('c.csv', CUSTOMERS), mapping: CUST_MAP, rules: { merge: { columns: { customer_since: 'earliest' } } } });
    expect(partial.errors.map((e) => [e.row, e.column])).toEqual([[2, 'name'], [2, 'region']]);
    expect(partial.errors[0].message).toMatch(/^rows 2, 4, 5 share the key but differ here \("Ann", "Ann B\.", ""\): choose a merge rule for name$/);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('merges rows per column: earliest, non-empty, last (and max, min, latest, first pick as named)', async () => {
    const r = await importFile(t.db, { entity: 'accounts', path: tempFile('c.csv', CUSTOMERS), mapping: CUST_MAP,
      rules: { merge: { columns: { customer_since: 'earliest', name: 'non-empty', region: 'last' } } } });
    expect(r).toMatchObject({ ok: true, inserted: 2, merged: 2, totalRows: 4 });
    expect(await queryRows(t.db, sql`select external_id, name, region, customer_since::text as since from accounts where external_id like '%@x.test' order by 1`)).toEqual([
      { external_id: 'a@x.test', name: 'Ann', region: 'EMEA', since: '2020-03-15' },
      { external_id: 'b@x.test', name: 'Bob', region: 'NA', since: '2020-01-01' },
    ]);
    expect(['max', 'min', 'latest', 'first', 'last'].map((rule) => pick(rule as MergeRule, ['10', '', '30', '2.5']))).toEqual(['30', '2.5', '10', '10', '2.5']);
    expect(pick('latest', ['2021-05-01', '2022-01-01T10:00:00Z', '', '2020-03-15'])).toBe('2022-01-01T10:00:00Z');
  });

  // 5. Derived values: a time plus a duration.
  const TICKETS = 'ticket_id,submitted_at,first_response_time_minutes,hours_to_close\nK1,2024-03-01,90,\nK2,2024-03-01T10:00:00Z,,1.5\nK3,2024-03-02 08:00,15,48\n';
  const TICKET_RULES = { derived: [
    { column: 'first_response_at', from: 'submitted_at', add: 'first_response_time_minutes', unit: 'minutes' as const },
    { column: 'resolved_at', from: 'submitted_at', add: 'hours_to_close', unit: 'hours' as const },
  ] };
  it('derives a datetime from a datetime column plus a duration column; a bad duration is an error of its cell', async () => {
    const before = await fingerprint(t.db);
    const bad = await importFile(t.db, { entity: 'tickets', path: tempFile('t.csv', `${TICKETS}K4,2024-03-03,soon,\n`), mapping: { ticket_id: 'external_id', submitted_at: 'created_at' }, rules: TICKET_RULES });
    expect(bad.errors).toEqual([{ row: 5, column: 'first_response_time_minutes', message: 'must be a number of minutes (got "soon")' }]);
    expect(await fingerprint(t.db)).toEqual(before);
    const r = await importFile(t.db, { entity: 'tickets', path: tempFile('t.csv', TICKETS), mapping: { ticket_id: 'external_id', submitted_at: 'created_at' }, rules: TICKET_RULES });
    expect(r).toMatchObject({ ok: true, inserted: 3 });
    expect(await queryRows(t.db, sql`select external_id, to_char(first_response_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as fr,
      to_char(resolved_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as res from tickets order by 1`)).toEqual([
      { external_id: 'K1', fr: '2024-03-01 01:30', res: null },
      { external_id: 'K2', fr: null, res: '2024-03-01 11:30' },
      { external_id: 'K3', fr: '2024-03-02 08:15', res: '2024-03-04 08:00' },
    ]);
  });

  // 1. Value mapping and normalisation of free text.
  const INDUSTRIES = 'account,sector,office_location\nC1,retail,United States\nC2,Retail ,Kenya\nC3,technolgy,Philipines\nC4,  software  development,United States\n';
  const IND_MAP = { account: 'external_id', sector: 'industry', office_location: 'region' };
  it('lists the distinct values of low-cardinality text columns; maps and normalises them in one go', async () => {
    const dry = await importFile(t.db, { entity: 'accounts', path: tempFile('a.csv', INDUSTRIES), mapping: IND_MAP, values: { name: { '': '{account}' } }, dryRun: true });
    expect(dry.distinctValues).toEqual({
      name: [{ value: 'C1', rows: 1 }, { value: 'C2', rows: 1 }, { value: 'C3', rows: 1 }, { value: 'C4', rows: 1 }],
      industry: [{ value: 'retail', rows: 1 }, { value: 'Retail', rows: 1 }, { value: 'software  development', rows: 1 }, { value: 'technolgy', rows: 1 }],
      region: [{ value: 'United States', rows: 2 }, { value: 'Kenya', rows: 1 }, { value: 'Philipines', rows: 1 }],
    });
    const r = await importFile(t.db, { entity: 'accounts', path: tempFile('a.csv', INDUSTRIES), mapping: IND_MAP,
      values: { name: { '': '{account}' }, industry: { technolgy: 'technology' }, region: { 'united states': 'NA', kenya: 'EMEA', philipines: 'APAC' } },
      rules: { normalize: { industry: 'title' } } });
    expect(r).toMatchObject({ ok: true, inserted: 4 });
    expect(await queryRows(t.db, sql`select industry, region from accounts where external_id like 'C_' order by external_id`)).toEqual([
      { industry: 'Retail', region: 'NA' }, { industry: 'Retail', region: 'EMEA' }, { industry: 'Technology', region: 'APAC' }, { industry: 'Software Development', region: 'NA' },
    ]);
  });
});
