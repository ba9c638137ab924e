// Owners by name: exports name people ("Moses Frase"), the contract wants a user's e-mail. A cell with
// an '@' is an e-mail (compared lower-case); any other value is a name, matched against the users'
// names ignoring case and spaces, after the mapping's own `names` (name -> e-mail or user name).
// Names that match nobody are errors listed with their row counts, or, when the admin chose
// `create`, new inactive members created inside the import's transaction (rolled back with it).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ENTITIES, type EntityName } from '@/lib/validation';
import type { OwnerRules } from './rules';

type Tx = Pick<Db, 'execute'>;

const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Contract columns of `entity` that name a user. */
export function ownerColumns(entity: EntityName): string[] {
  return ENTITIES[entity].columns.filter((c) => c.type === 'reference' && c.references === 'users').map((c) => c.name);
}

/** A placeholder address for a person created from a name: `.invalid` can never receive mail. */
function emailFor(name: string, attempt: number): string {
  const slug = key(name).normalize('NFKD').replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '') || 'person';
  return `${slug}${attempt ? `.${attempt + 1}` : ''}@imported.invalid`;
}

export class OwnerResolver {
  /** lower-case name -> e-mails of the users with that name. */
  private byName: Map<string, string[]> | null = null;
  private readonly names: Map<string, string>;
  private readonly unmatched = new Map<string, Map<string, number>>();
  /** Names created as inactive members, with the e-mail given to them. */
  readonly created: { name: string; email: string }[] = [];

  constructor(private readonly tx: Tx, private readonly rules: OwnerRules | undefined, private readonly importId: number | null = null) {
    this.names = new Map(Object.entries(rules?.names ?? {}).map(([from, to]) => [key(from), to.trim()]));
  }

  private async load(): Promise<Map<string, string[]>> {
    if (this.byName) return this.byName;
    const rows = await queryRows<{ name: string; email: string }>(this.tx, sql`select name, email from users order by id`);
    this.byName = new Map();
    for (const r of rows) {
      const k = key(r.name);
      this.byName.set(k, [...(this.byName.get(k) ?? []), r.email]);
    }
    return this.byName;
  }

  /**
   * The e-mail a cell names, or a problem message. Counts unmatched names per column (for the
   * dry run's list), creates them when asked to.
   */
  async resolve(column: string, raw: string): Promise<{ email: string } | { message: string }> {
    const v = raw.trim();
    if (v.includes('@')) return { email: v.toLowerCase() };
    const target = this.names.get(key(v)) ?? v;
    if (target.includes('@')) return { email: target.toLowerCase() };
    const byName = await this.load();
    const found = byName.get(key(target)) ?? [];
    if (found.length === 1) return { email: found[0] };
    if (found.length > 1) return { message: `"${v}" is the name of ${found.length} users (${found.join(', ')}): map it to one e-mail` };
    if (this.rules?.create) return { email: await this.create(target) };
    const counts = this.unmatched.get(column) ?? new Map<string, number>();
    this.unmatched.set(column, counts);
    counts.set(v, (counts.get(v) ?? 0) + 1);
    return { message: `"${v}" matches no user's name or e-mail: map it to a user or let the import create it` };
  }

  private async create(name: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const email = emailFor(name, attempt);
      // A created user is captured for undo like the records the import writes (import_changes).
      const rows = await queryRows<{ email: string }>(this.tx, sql`with c as (insert into users (email, name, role, active)
        values (${email}, ${name.trim().replace(/\s+/g, ' ')}, 'member', false) on conflict (email) do nothing returning users.*),
        cap as (insert into import_changes (import_id, tbl, record_id, op, after)
          select ${this.importId}::int, 'users', c.id, 'insert', to_jsonb(c) - 'password_hash' from c where ${this.importId}::int is not null)
        select email from c`);
      if (rows.length) {
        this.created.push({ name, email });
        this.byName!.set(key(name), [email]);
        return email;
      }
    }
  }

  /** Unmatched names per column, most rows first. */
  unmatchedValues(): Record<string, { value: string; rows: number }[]> {
    return Object.fromEntries([...this.unmatched].map(([col, m]) => [col, [...m].map(([value, rows]) => ({ value, rows }))
      .sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value))]));
  }
}
