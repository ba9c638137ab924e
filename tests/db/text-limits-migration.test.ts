// Migration 0003 (text limits, ticket subject): the database itself refuses over-long text, and a
// database that already holds over-long values is brought within the limits without losing them
// (names cut with '…', originals in audit_log) or stops with a clear message for over-long keys.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/test-db';

const dir = path.join(process.cwd(), 'db', 'migrations');
const statements = (file: string) => readFileSync(path.join(dir, file), 'utf8').split('--> statement-breakpoint');
const BEFORE_0003 = ['0000_init.sql', '0001_kpi_account_time_indexes.sql', '0002_data_change_notify.sql'];
const MIGRATION_0003 = '0003_text_limits_ticket_subject.sql';

async function databaseBefore0003(): Promise<PGlite> {
  const pg = new PGlite();
  for (const f of BEFORE_0003) for (const s of statements(f)) await pg.exec(s);
  return pg;
}

async function apply0003(pg: PGlite): Promise<void> {
  for (const s of statements(MIGRATION_0003)) await pg.exec(s);
}

describe('migration 0003 on existing data', () => {
  it('cuts over-long names and free text to the limit and keeps the original in audit_log', async () => {
    const pg = await databaseBefore0003();
    const long = 'N'.repeat(100_000);
    await pg.query(`insert into accounts (external_id, name, region) values ('A-1', $1, 'EMEA'), ('A-2', 'Fine', null)`, [long]);
    await pg.query(`insert into expenses (external_id, incurred_on, category, amount, description) values ('E-1', '2026-01-01', 'other', 1, $1)`, ['d'.repeat(6_000)]);
    await apply0003(pg);

    const acc = await pg.query<{ external_id: string; name: string }>(`select external_id, name from accounts order by external_id`);
    expect(acc.rows[0].name).toHaveLength(200);
    expect(acc.rows[0].name).toBe(`${'N'.repeat(199)}…`);
    expect(acc.rows[1].name).toBe('Fine');
    const exp = await pg.query<{ len: number }>(`select char_length(description) as len from expenses`);
    expect(exp.rows[0].len).toBe(5_000);

    const audit = await pg.query<{ action: string; entity: string; before: { name: string } }>(
      `select action, entity, before from audit_log where entity = 'accounts'`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].action).toBe('truncate');
    expect(audit.rows[0].before.name).toHaveLength(100_000);
    await pg.close();
  });

  it('stops with a message naming the table and column when a key is too long', async () => {
    const pg = await databaseBefore0003();
    await pg.query(`insert into accounts (external_id, name) values ($1, 'Acme')`, ['X'.repeat(201)]);
    await expect(apply0003(pg)).rejects.toThrow(/accounts\.external_id has 1 value\(s\) longer than 200 characters/);
    await pg.close();
  });
});

describe('the migrated database refuses over-long text inserted by raw SQL', () => {
  let db: TestDb;
  beforeAll(async () => { db = await createTestDb(); });
  afterAll(async () => { await db.close(); });

  // The statement's text with `$1` bound to value, run as raw SQL (no zod in between).
  const refused = async (statement: string, value: string) => {
    const [head, tail] = statement.split('$1');
    try {
      await db.db.execute(sql`${sql.raw(head)}${value}${sql.raw(tail)}`);
    } catch (e) {
      const err = e as Error & { cause?: Error };
      return `${err.message} ${err.cause?.message ?? ''}`;
    }
    return 'accepted';
  };

  it('names: 200 characters pass, 201 are refused by accounts_name_length', async () => {
    expect(await refused(`insert into accounts (external_id, name) values ('ok-1', $1)`, 'a'.repeat(200))).toBe('accepted');
    expect(await refused(`insert into accounts (external_id, name) values ('ok-2', $1)`, 'a'.repeat(201)))
      .toMatch(/accounts_name_length/);
  });

  it('e-mails 254, descriptions 5,000, ticket subjects 200', async () => {
    expect(await refused(`insert into users (email, name) values ($1, 'U')`, `${'u'.repeat(251)}@x.io`)).toMatch(/users_email_length/);
    expect(await refused(`insert into expenses (external_id, incurred_on, category, amount, description) values ('e', '2026-01-01', 'other', 1, $1)`,
      'd'.repeat(5_001))).toMatch(/expenses_description_length/);
    expect(await refused(`insert into tickets (external_id, created_at, subject) values ('t', now(), $1)`, 's'.repeat(201)))
      .toMatch(/tickets_subject_length/);
    expect(await refused(`insert into tickets (external_id, created_at, subject) values ('t2', now(), $1)`, 'Cannot log in'))
      .toBe('accepted');
  });
});
