// [IMPORT] Value mapping: an export's own vocabulary (Maven's sales pipeline says "Engaging", leaves
// open deals without an amount; a ticket export has ratings but no survey kind) is mapped onto the
// contract at import time, without editing the file. Without it, the dry run lists the unknown values
// with their row counts so the admin knows what to map; with it, the same file imports.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { checkValueMapping, importFile, parseValueSpec } from '@/lib/import';
import { publicDataset } from '../helpers/fixtures';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { fingerprint, tempFile } from './helpers';

// The shape of maven_crm_sales_opportunities/sales_pipeline.csv (a public data set, see DATASETS_DIR below).
const PIPELINE = `opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054
Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Lost,2016-10-25,2017-03-11,0
EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Engaging,2016-10-25,,
MV1LWRNH,Moses Frase,GTX Basic,Codehow,Engaging,2016-10-25,,
PE84CX4O,Zane Levy,GTX Basic,Hottechi,Prospecting,,,
`;
const MAPPING = { opportunity_id: 'external_id', product: 'product', account: 'name', deal_stage: 'stage', engage_date: 'created_at', close_date: 'closed_at', close_value: 'amount' };

describe('[IMPORT] value mapping', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t?.close(); });

  it('lists the values the contract does not know, with row counts, and writes nothing', async () => {
    const file = tempFile('sales_pipeline.csv', PIPELINE);
    const before = await fingerprint(t.db);
    const r = await importFile(t.db, { entity: 'deals', path: file, mapping: MAPPING, dryRun: true });
    expect(r.ok).toBe(false);
    expect(r.unknownValues).toEqual({
      stage: [{ value: 'Engaging', rows: 2 }],
      amount: [{ value: '', rows: 3 }],
      created_at: [{ value: '', rows: 1 }],
    });
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('imports the same file once its values are mapped, empty cells filled', async () => {
    const file = tempFile('sales_pipeline.csv', PIPELINE);
    const values = { stage: { engaging: 'qualification' }, amount: { '': '0' }, created_at: { '': '2016-10-01' } };
    const r = await importFile(t.db, { entity: 'deals', path: file, mapping: MAPPING, values });
    expect(r).toMatchObject({ ok: true, committed: true, inserted: 5, unknownValues: {} });
    const rows = await queryRows<{ external_id: string; stage: string; amount: number; created: string }>(t.db,
      sql`select external_id, stage, amount::float8 as amount, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as created from deals order by external_id`);
    expect(rows).toEqual([
      { external_id: '1C1I7A6R', stage: 'won', amount: 1054, created: '2016-10-20' },
      { external_id: 'EC4QE1BX', stage: 'qualification', amount: 0, created: '2016-10-25' },
      { external_id: 'MV1LWRNH', stage: 'qualification', amount: 0, created: '2016-10-25' },
      { external_id: 'PE84CX4O', stage: 'prospecting', amount: 0, created: '2016-10-01' },
      { external_id: 'Z063OYW0', stage: 'lost', amount: 0, created: '2016-10-25' },
    ]);
  });

  it('gives a required column the file lacks one value for every row (survey kind from a ratings export)', async () => {
    const file = tempFile('ratings.csv', 'Ticket ID,Customer Satisfaction Rating,Date\nT-1,4,2021-03-22\nT-2,5,2021-03-23\n');
    const mapping = { 'Ticket ID': 'external_id', 'Customer Satisfaction Rating': 'score', Date: 'responded_at' };
    const refused = await importFile(t.db, { entity: 'survey_responses', path: file, mapping, dryRun: true });
    expect(refused.errors).toEqual([{ row: 1, column: 'kind', message: 'required column is missing' }]);
    const r = await importFile(t.db, { entity: 'survey_responses', path: file, mapping, values: { kind: { '': 'csat' } } });
    expect(r).toMatchObject({ ok: true, inserted: 2 });
    expect(await queryRows(t.db, sql`select kind, score from survey_responses order by external_id`)).toEqual([{ kind: 'csat', score: 4 }, { kind: 'csat', score: 5 }]);
  });

  it('parses the command-line form and refuses unknown columns and values outside an enumeration', () => {
    expect(parseValueSpec('stage:Engaging=qualification, amount:=0,name:A\\, B=AB')).toEqual({ stage: { Engaging: 'qualification' }, amount: { '': '0' }, name: { 'A, B': 'AB' } });
    expect(parseValueSpec('stage=won')).toMatch(/bad --values entry "stage=won"/);
    expect(checkValueMapping('deals', { stagee: { a: 'won' } })).toBe('value mapping: "stagee" is not a column of deals.csv');
    expect(checkValueMapping('deals', { stage: { Engaging: 'engaged' } })).toBe('value mapping of stage: "engaged" is not one of prospecting, qualification, proposal, negotiation, won, lost');
    expect(checkValueMapping('deals', { stage: { Engaging: 'Qualification' } })).toEqual({ stage: { Engaging: 'Qualification' } });
  });

  it('fills a column the export lacks from the ones it has ("{account} {product}")', async () => {
    const file = tempFile('accounts.csv', 'account,sector\nAcme Corporation,technolgy\nBetasoloin,medical\n');
    const r = await importFile(t.db, { entity: 'accounts', path: file, mapping: { account: 'external_id', sector: 'industry' }, values: { name: { '': '{account} ({sector})' }, region: { '': '{nope}' } } });
    expect(r).toMatchObject({ ok: true, inserted: 2 });
    expect(await queryRows(t.db, sql`select external_id, name, region from accounts order by external_id`)).toEqual([
      { external_id: 'Acme Corporation', name: 'Acme Corporation (technolgy)', region: '{nope}' },
      { external_id: 'Betasoloin', name: 'Betasoloin (medical)', region: '{nope}' },
    ]);
  });
});

// Data nobody here made: the public data set maven_crm_sales_opportunities (in $DATASETS_DIR), as docs/importing-real-data.md
// imports it. Its won deals, counted independently from the CSV: 4,238 worth $10,005,534, over 85 accounts.
const MAVEN = publicDataset('maven_crm_sales_opportunities', 'the Maven CRM import test');

describe.skipIf(!MAVEN)('[IMPORT] the Maven CRM sales opportunities export', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t?.close(); });

  it('imports with a column and value mapping and keeps its won revenue to the dollar', async () => {
    const accounts = await importFile(t.db, {
      entity: 'accounts', path: path.join(MAVEN!, 'accounts.csv'),
      mapping: { account: 'external_id', sector: 'industry', office_location: 'region' }, values: { name: { '': '{account}' } },
    });
    expect(accounts).toMatchObject({ ok: true, inserted: 85 });
    const deals = await importFile(t.db, {
      entity: 'deals', path: path.join(MAVEN!, 'sales_pipeline.csv'),
      mapping: { opportunity_id: 'external_id', account: 'account_external_id', product: 'product', deal_stage: 'stage', engage_date: 'created_at', close_date: 'closed_at', close_value: 'amount' },
      values: { name: { '': '{account} {product}' }, stage: { engaging: 'qualification' }, amount: { '': '0' }, created_at: { '': '2017-12-31' } },
    });
    expect(deals).toMatchObject({ ok: true, inserted: 8800 });
    expect(await queryRows(t.db, sql`select count(*)::int as won, sum(amount)::float8 as revenue, count(distinct account_id)::int as accounts from deals where stage = 'won'`))
      .toEqual([{ won: 4238, revenue: 10005534, accounts: 85 }]);
  });
});
