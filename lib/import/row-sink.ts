// Where a file's rows go once read and transformed (process-file.ts): owners named by name become
// users' e-mails, the entity's schema parses the row, a key seen before is an error (unless merge rules
// fold such rows), and the valid rows go to the batch writer. Also keeps what the admin is shown: the
// values to map, the distinct values, and the rows to preview.
import type { Db } from '@/db/client';
import { ENTITIES, type EntityName } from '@/lib/validation';
import { clean } from '@/lib/validation/fields';
import { BatchWriter } from './batch-writer';
import type { ErrorLog } from './errors';
import { IdSet } from './id-set';
import { OwnerResolver, ownerColumns } from './owners';
import type { OwnerRules } from './rules';
import type { PreviewRow, UnknownValues } from './types';
import { loadStored } from './upsert';
import { ValueCounter } from './value-counter';

type Tx = Pick<Db, 'execute'>;

export interface RowSinkOptions {
  entity: EntityName;
  errors: ErrorLog;
  /** The file's header for a contract column (errors name what the admin sees in the file). */
  headerName: (column: string) => string;
  owners?: OwnerRules;
  /** Merge rules fold rows that share a key, so a repeated key is not an error here. */
  merging: boolean;
  batchSize: number;
  previewRows: number;
  importId: number | null;
  /** Called after each batch written (progress). */
  onBatch: () => void;
}

export class RowSink {
  readonly writer: BatchWriter;
  private readonly def: (typeof ENTITIES)[EntityName];
  private readonly counter: ValueCounter;
  private readonly owners: OwnerResolver;
  private readonly ownerCols: string[];
  private readonly seen = new IdSet();
  private readonly previewWanted: { row: number; key: string }[] = [];

  constructor(private readonly tx: Tx, private readonly o: RowSinkOptions) {
    this.def = ENTITIES[o.entity];
    this.counter = new ValueCounter(this.def, o.previewRows > 0);
    this.owners = new OwnerResolver(tx, o.owners, o.importId);
    this.ownerCols = ownerColumns(o.entity);
    const previewKeys = () => (o.previewRows > 0 ? this.previewWanted.map((p) => p.key) : null);
    this.writer = new BatchWriter(tx, o.entity, o.errors, o.headerName, o.batchSize, previewKeys, o.importId);
  }

  /** Owners, validation, duplicate keys, then the batch. `ok` false: an earlier check already failed the row. */
  async emit(row: number, values: Record<string, string>, ok: boolean): Promise<void> {
    const { def, o } = this;
    if (!(await this.resolveOwners(row, values))) ok = false;
    const parsed = def.schema.safeParse(values);
    const rawKey = clean(values[def.key]);
    if (rawKey !== null && !o.merging) {
      const first = this.seen.add(def.key === 'email' ? rawKey.toLowerCase() : rawKey, row);
      if (first !== 0) {
        o.errors.add(row, o.headerName(def.key), `duplicate ${def.key} "${rawKey}": row ${first} has it too${first > 0 ? ' (merge rules can fold such rows into one)' : ''}`);
        ok = false;
      }
    }
    if (!parsed.success) {
      for (const iss of parsed.error.issues) {
        const col = String(iss.path[0] ?? '');
        o.errors.add(row, o.headerName(col), iss.message);
        // A field's own parse failure (not a cross-field rule) on a mappable column: offer to map it.
        if (iss.path.length === 1 && (iss.message === 'is required' || /^must be (one of|true or false)/.test(iss.message))) this.counter.noteUnknown(col, values[col]);
      }
      return;
    }
    if (!ok) return;
    const rec = parsed.data;
    this.counter.noteDistinct(rec);
    if (this.previewWanted.length < o.previewRows) this.previewWanted.push({ row, key: String(rec[def.key]) });
    rec.n = row;
    const wait = this.writer.push(rec);
    if (wait) {
      await wait;
      o.onBatch();
    }
  }

  /** Owner columns holding names become the matching users' e-mails; false when one matches nobody. */
  private async resolveOwners(row: number, values: Record<string, string>): Promise<boolean> {
    let ok = true;
    for (const col of this.ownerCols) {
      const v = values[col];
      if (v === undefined || clean(v) === null || (v.includes('@') && v === v.toLowerCase())) continue;
      const r = await this.owners.resolve(col, v);
      if ('email' in r) values[col] = r.email;
      else {
        this.o.errors.add(row, this.o.headerName(col), r.message);
        values[col] = ''; // reported once: not again as "not an e-mail"
        ok = false;
      }
    }
    return ok;
  }

  /** Values to map: fixed-list or required cells that did not parse, and owner names that matched nobody. */
  unknownValues(): UnknownValues {
    return { ...this.counter.unknown(), ...this.owners.unmatchedValues() };
  }

  distinctValues(): UnknownValues {
    return this.counter.distinct();
  }

  createdUsers(): { name: string; email: string }[] {
    return this.owners.created;
  }

  /** The first rows as stored after the writes, each marked insert, update or unchanged (after finish). */
  async preview(): Promise<PreviewRow[]> {
    const before = this.writer.before;
    if (before === null || !this.previewWanted.length) return [];
    const after = await loadStored(this.tx, this.o.entity, this.previewWanted.map((w) => w.key));
    return this.previewWanted.flatMap(({ row, key }) => {
      const values = after.get(key);
      if (!values) return []; // not written: its reference errors are in the error list
      const old = before.get(key);
      const action = !old ? 'insert' : JSON.stringify(old) === JSON.stringify(values) ? 'unchanged' : 'update';
      return [{ row, action, values } as PreviewRow];
    });
  }
}
