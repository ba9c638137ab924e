// Counts values worth showing the admin: values of fixed-list or required columns that did not parse
// (to map them), and, in a dry run, the distinct values of free-text columns that have few of them
// ("United States", "Kenya" beside "NA" in a region column; "retail" beside "Retail"), to map, merge
// or normalise them before anything is written.
import type { EntityDef } from '@/lib/validation';
import type { UnknownValues } from './types';

/** Distinct values kept per column: enough to map an export's vocabulary, bounded for a bad file. */
const MAX_UNKNOWN_VALUES = 50;
/** A free-text column with more distinct values than this is not a list (names, subjects): not shown. */
export const MAX_DISTINCT_VALUES = 50;

function sorted(m: Map<string, Map<string, number>>): UnknownValues {
  const out: UnknownValues = {};
  for (const [col, counts] of m) {
    out[col] = [...counts].map(([value, rows]) => ({ value, rows })).sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  }
  return out;
}

export class ValueCounter {
  private readonly mappable: Set<string>;
  private readonly freeText: string[];
  private readonly unknownCounts = new Map<string, Map<string, number>>();
  private readonly distinctCounts = new Map<string, Map<string, number>>();
  private readonly tooMany = new Set<string>();

  constructor(def: EntityDef, countDistinct: boolean) {
    this.mappable = new Set(def.columns.filter((c) => c.type === 'enum' || c.type === 'boolean' || c.required).map((c) => c.name));
    this.freeText = countDistinct ? def.columns.filter((c) => c.type === 'text' && c.name !== def.key).map((c) => c.name) : [];
  }

  noteUnknown(col: string, raw: string | undefined): void {
    if (!this.mappable.has(col)) return;
    const v = (raw ?? '').trim();
    const counts = this.unknownCounts.get(col) ?? new Map<string, number>();
    this.unknownCounts.set(col, counts);
    if (counts.has(v) || counts.size < MAX_UNKNOWN_VALUES) counts.set(v, (counts.get(v) ?? 0) + 1);
  }

  /** A valid record's free-text values (as they will be stored). */
  noteDistinct(rec: Record<string, unknown>): void {
    for (const col of this.freeText) {
      if (this.tooMany.has(col)) continue;
      const v = rec[col];
      if (typeof v !== 'string') continue;
      const counts = this.distinctCounts.get(col) ?? new Map<string, number>();
      this.distinctCounts.set(col, counts);
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (counts.size > MAX_DISTINCT_VALUES) {
        this.tooMany.add(col);
        this.distinctCounts.delete(col);
      }
    }
  }

  unknown(): UnknownValues {
    return sorted(this.unknownCounts);
  }

  distinct(): UnknownValues {
    return sorted(this.distinctCounts);
  }
}
