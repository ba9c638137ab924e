// The writer of `npm run bench:load -- --writes-per-second N`: a team saving deals and tickets while
// the others read their dashboards. Each save goes the way a record form's does: the record is read
// as its owner sees it (lib/records/read getRecord, as the edit page does), its values become the
// form's strings, a field or two change, the form's zod schema parses them (as protectedAction does)
// and lib/records/write-record saveRecord writes it as the owner (who may always edit their own record:
// saveRecord checks that scope itself), in one transaction with its audit and activity rows, the summaries' triggers and the change notice that drops cached views.
// Updates mostly (a deal's amount or stage, a ticket's resolution or priority); one write in ten
// creates a record instead, as an admin. Deals and tickets alternate.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { OPEN_DEAL_STAGES, TICKET_PRIORITIES } from '@/db/schema/enums';
import type { SessionUser } from '@/lib/access';
import { loadSessionUser } from '@/lib/auth/session-user';
import type { RecordEntity } from '@/lib/records/entities';
import { RECORD_FORMS, formValue } from '@/lib/records/form-defs';
import { saveRecord } from '@/lib/records/write-record';
import { summarizeMs, type LatencySummary } from './load-test';

export interface WriteStats {
  requestedPerSecond: number;
  /** Saves that committed, per second of the run. */
  achievedPerSecond: number;
  saved: number;
  created: number;
  failed: number;
  /** Updates saveRecord refused to the record's owner (a reference out of their scope), then saved by an admin. */
  refusedOwner: number;
  /** Ticks dropped because two saves were still running (the writer does not pile up). */
  skipped: number;
  /** saveRecord's time for the saves that committed: the write transaction as a form's server action runs it. */
  latency: LatencySummary;
  failures: Record<string, number>;
}

type Values = Record<string, string>;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
const minute = (d: Date) => d.toISOString().slice(0, 16);

/** Changes a deal as a rep would: a new amount mostly, else the next stage (negotiation → won today). */
export function editDeal(v: Values): void {
  const open = (OPEN_DEAL_STAGES as readonly string[]).indexOf(v.stage);
  if (open >= 0 && Math.random() < 0.3) {
    const next = OPEN_DEAL_STAGES[open + 1];
    v.stage = next ?? 'won';
    if (!next) v.closed_at = new Date().toISOString().slice(0, 10);
    return;
  }
  v.amount = (Number(v.amount || 1000) * (0.9 + Math.random() * 0.2)).toFixed(2);
}

/** Changes a ticket as an agent would: resolves an open one (answering it first if needed), else re-prioritises. */
export function editTicket(v: Values): void {
  const created = new Date(`${v.created_at}Z`).getTime();
  const at = minute(new Date(Math.max(Date.now(), created + 60_000)));
  if (!v.resolved_at && created < Date.now()) {
    if (!v.first_response_at) v.first_response_at = at;
    v.resolved_at = at;
    return;
  }
  v.priority = pick(TICKET_PRIORITIES.filter((p) => p !== v.priority));
}

/** The writer's state: the users it saves as, the id ranges it picks from, and what it counted. */
class Writer {
  readonly timings: number[] = [];
  readonly failures: Record<string, number> = {};
  saved = 0;
  created = 0;
  refusedOwner = 0;
  private readonly users = new Map<number, Promise<SessionUser | null>>();
  private readonly people: Promise<{ id: number; role: string; department: string | null }[]>;
  private readonly admin: Promise<SessionUser>;
  private readonly ranges: Record<'deals' | 'tickets' | 'accounts', Promise<{ lo: number; hi: number }>>;

  constructor(private readonly db: Db) {
    this.people = queryRows(db, sql`select id, role, department from users where active order by id`);
    this.admin = this.people.then((all) => this.userById(all.find((u) => u.role === 'admin')!.id)).then((u) => u!);
    const idRange = (table: string) => queryRows<{ lo: number; hi: number }>(db, sql`select min(id)::int as lo, max(id)::int as hi from ${sql.raw(table)}`).then(([r]) => r);
    this.ranges = { deals: idRange('deals'), tickets: idRange('tickets'), accounts: idRange('accounts') };
  }

  private userById(id: number): Promise<SessionUser | null> {
    if (!this.users.has(id)) {
      this.users.set(id, queryRows<{ sv: number }>(this.db, sql`select session_version as sv from users where id = ${id} and active`)
        .then(([r]) => (r ? loadSessionUser(this.db, { uid: id, sv: Number(r.sv) }) : null)));
    }
    return this.users.get(id)!;
  }

  private fail(why: string): void {
    this.failures[why] = (this.failures[why] ?? 0) + 1;
  }

  /** A random existing row (the first id at or after a random one) and who owns it. */
  private async randomRow(table: 'deals' | 'tickets' | 'accounts', ownerCol: string) {
    const { lo, hi } = await this.ranges[table];
    const from = lo + Math.floor(Math.random() * (hi - lo + 1));
    const [r] = await queryRows<{ id: number; owner: number | null }>(this.db, sql`
      select id, ${sql.raw(ownerCol)} as owner from ${sql.raw(table)} where id >= ${from} order by id limit 1`);
    return r;
  }

  /** The form's parse and the save, timed as the server action's write; the refusal's field errors when refused. */
  private async submit(user: SessionUser, entity: RecordEntity, values: Values): Promise<{ ok: boolean; refused?: string }> {
    const parsed = RECORD_FORMS[entity].schema.safeParse(values);
    if (!parsed.success) {
      this.fail(`${entity}: form refused (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
      return { ok: false };
    }
    const started = performance.now();
    const result = await saveRecord(this.db, user, entity, parsed.data);
    if (result.ok) {
      this.timings.push(performance.now() - started);
      return { ok: true };
    }
    const fields = 'fieldErrors' in result && result.fieldErrors ? Object.entries(result.fieldErrors).map(([k, v]) => `${k} ${v?.join(', ')}`).join('; ') : '';
    return { ok: false, refused: `${entity} as ${user.role}: ${result.error}${fields ? ` (${fields})` : ''}` };
  }

  private async update(entity: 'deals' | 'tickets'): Promise<void> {
    const row = await this.randomRow(entity, entity === 'deals' ? 'owner_id' : 'assignee_id');
    // The owner saves their own record; an unowned one (or a departed owner's) is an admin's to edit.
    const user = (row.owner != null && (await this.userById(row.owner))) || (await this.admin);
    // The stored row as the edit page gets it (lib/records/read getRecord is server-only: same to_jsonb).
    const [rec] = await queryRows<{ row: Record<string, unknown> }>(this.db, sql`select to_jsonb(t) as row from ${sql.raw(entity)} t where t.id = ${row.id}`);
    if (!rec) { this.fail(`${entity}: record ${row.id} not found`); return; }
    const form = RECORD_FORMS[entity];
    const stored = (typeof rec.row === 'string' ? JSON.parse(rec.row) : rec.row) as Record<string, unknown>;
    const values: Values = Object.fromEntries([['id', String(stored.id)], ...form.fields.map((f) => [f.name, formValue(f, stored[f.name])])]);
    if (entity === 'deals') editDeal(values); else editTicket(values);
    let r = await this.submit(user, entity, values);
    // saveRecord refuses an owner whose record points at an account they may not see (a ticket of a
    // sales rep's account, say), even unchanged: an admin saves those, and the report counts them.
    if (r.refused && /account_id|ticket_id/.test(r.refused) && user.role !== 'admin') {
      this.refusedOwner++;
      r = await this.submit(await this.admin, entity, values);
    }
    if (r.refused) this.fail(r.refused);
    if (r.ok) this.saved++;
  }

  private async create(entity: 'deals' | 'tickets', n: number): Promise<void> {
    const all = await this.people;
    const dept = entity === 'deals' ? 'sales' : 'support';
    const owner = pick(all.filter((u) => u.department === dept && u.role === 'member'));
    const account = await this.randomRow('accounts', 'owner_id');
    const values: Values = entity === 'deals'
      ? { id: '', name: `Load test deal ${n}`, amount: (1000 + Math.random() * 49_000).toFixed(2), stage: 'prospecting', type: 'new', created_at: new Date().toISOString().slice(0, 10), owner_id: String(owner.id), account_id: String(account.id) }
      : { id: '', subject: `Load test ticket ${n}`, created_at: minute(new Date()), channel: 'email', priority: 'normal', category: 'question', assignee_id: String(owner.id), account_id: String(account.id) };
    const r = await this.submit(await this.admin, entity, values);
    if (r.refused) this.fail(r.refused);
    if (r.ok) { this.saved++; this.created++; }
  }

  /** The i-th write: deals and tickets alternate; two in twenty create a record. */
  async write(i: number): Promise<void> {
    const entity = i % 2 === 0 ? 'deals' : 'tickets';
    try {
      await (i % 20 >= 18 ? this.create(entity, i + 1) : this.update(entity));
    } catch (err) {
      this.fail(`${entity}: ${err instanceof Error ? err.message.slice(0, 120) : String(err)}`);
    }
  }
}

export function startWriter(db: Db, perSecond: number, log: (s: string) => void): { stop: () => Promise<WriteStats> } {
  const w = new Writer(db);
  let skipped = 0, inFlight = 0, n = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    if (inFlight >= 2) { skipped++; return; }
    inFlight++;
    void w.write(n++).finally(() => { inFlight--; });
  }, 1000 / perSecond);

  return {
    stop: async () => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
      const { failures, saved, created, refusedOwner } = w;
      const failed = Object.values(failures).reduce((a, b) => a + b, 0);
      if (failed) log(`write failures: ${JSON.stringify(failures)}`);
      return { requestedPerSecond: perSecond, achievedPerSecond: saved / seconds, saved, created, failed, skipped, refusedOwner, latency: summarizeMs(w.timings, failed), failures };
    },
  };
}
