// [IMPORT] The public data sets, raw, with the mapping files of docs/mappings/ and nothing else (as
// docs/importing-real-data.md shows): the support-tickets export gives accounts, tickets and CSAT
// responses with ONE mapping file, and its CSAT is the raw file's (1,087 of 2,769 ratings are 4 or 5:
// 39.256 %); the Maven pipeline's deals are all owned, by users matched or created by name.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importDirectory, importWithDocument, readMappingDocument, type MappingDocument } from '@/lib/import';
import { computeKpis } from '@/tests/helpers/engine-views';
import { publicDataset } from '../helpers/fixtures';
import { createTestDb, type TestDb } from '../helpers/test-db';

function doc(name: string): MappingDocument {
  const d = readMappingDocument(path.resolve('docs/mappings', name));
  if (typeof d === 'string') throw new Error(d);
  return d;
}

const TICKETS = publicDataset('support_tickets_kaggle_suraj520', 'the support-tickets mapping test');
const MAVEN = publicDataset('maven_crm_sales_opportunities', 'the Maven owners-by-name test');
const RAVEN = publicDataset('ravenstack_saas', 'the RavenStack derived-times test');

describe('[IMPORT] public data sets with their mapping files', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t?.close(); });

  it.skipIf(!TICKETS)('support tickets: accounts, tickets and CSAT responses from one file; CSAT 39.256 %', async () => {
    const file = path.join(TICKETS!, 'customer_support_tickets.csv');
    const r = await importWithDocument(t.db, { document: doc('support-tickets.json'), path: file });
    expect(r.files.map((f) => [f.entity, f.inserted, f.errorCount])).toEqual([['accounts', 8320, 0], ['tickets', 8469, 0], ['survey_responses', 2769, 0]]);
    expect(r.files[0].merged).toBe(149);
    expect(r.files[2].skipped).toEqual([{ reason: 'skipped: "Customer Satisfaction Rating" is empty', rows: 5700 }]);
    const k = await computeKpis(t.db, { from: new Date('2023-05-01T00:00:00Z'), to: new Date('2023-07-01T00:00:00Z'), keys: ['csat', 'feedback_volume'] });
    expect(k.feedback_volume).toBe(2769);
    expect(Number(k.csat!.toFixed(3))).toBe(39.256);
  }, 120_000);

  it.skipIf(!MAVEN)('Maven pipeline in a folder run: every deal owned, agents matched by name or created inactive', async () => {
    await queryRows(t.db, sql`insert into users (email, name, role) values ('moses@example.com', 'Moses Frase', 'member')`);
    const r = await importDirectory(t.db, MAVEN!, { documents: [doc('maven-sales-pipeline.json'), doc('maven-accounts.json')] });
    expect(r.files.map((f) => [f.fileName, f.entity, f.inserted, f.errorCount])).toEqual([['accounts.csv', 'accounts', 85, 0], ['sales_pipeline.csv', 'deals', 8800, 0]]);
    expect(r.files[1].createdUsers).toHaveLength(29); // 30 agents with deals, Moses Frase existed
    expect(await queryRows(t.db, sql`select count(*)::int as deals, count(owner_id)::int as owned,
      count(*) filter (where owner_id = (select id from users where email = 'moses@example.com'))::int as moses from deals`))
      .toEqual([{ deals: 8800, owned: 8800, moses: 260 }]); // Moses Frase's rows in the CSV
    expect(await queryRows(t.db, sql`select count(*)::int as n from users where email like '%@imported.invalid' and not active and role = 'member'`)).toEqual([{ n: 29 }]);
    expect(await queryRows(t.db, sql`select industry, count(*)::int as n from accounts where external_id !~ '@' group by 1 order by 2 desc, 1 limit 2`))
      .toEqual([{ industry: 'Retail', n: 17 }, { industry: 'Medical', n: 12 }]); // "retail" title-cased; "technolgy" fixed
  }, 120_000);

  it.skipIf(!RAVEN)('RavenStack tickets: first response = submitted_at + minutes; rated tickets give CSAT responses', async () => {
    const dir = RAVEN!;
    const accounts = await importWithDocument(t.db, { document: doc('ravenstack-accounts.json'), path: path.join(dir, 'ravenstack_accounts.csv') });
    expect(accounts.files[0]).toMatchObject({ ok: true, inserted: 500 });
    const r = await importWithDocument(t.db, { document: doc('ravenstack-support-tickets.json'), path: path.join(dir, 'ravenstack_support_tickets.csv') });
    expect(r.files.map((f) => [f.entity, f.inserted, f.errorCount])).toEqual([['tickets', 2000, 0], ['survey_responses', 1175, 0]]);
    expect(await queryRows(t.db, sql`select to_char(first_response_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as fr from tickets where external_id = 'T-0024de'`))
      .toEqual([{ fr: '2023-07-27 01:14' }]);
  }, 120_000);
});
