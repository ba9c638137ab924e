// Merging rows that repeat a key (an export listing a customer once per ticket): the rows are held
// until the file ends, then each key becomes one row, column by column, by the admin's rule. A column
// with no rule must agree on every row of the key, else it is an error naming the rows: the import
// never picks a value nobody chose. Only used when the mapping asks for merging (it buffers the rows).
import { clean } from '@/lib/validation/fields';
import { parseDateTime } from '@/lib/validation/parsers';
import type { MergeRule, MergeRules } from './rules';

interface Group {
  row: number;
  rows: number[];
  values: Record<string, string>[];
}

export interface MergedRow {
  row: number;
  values: Record<string, string>;
  /** Columns the rows disagree on and no rule settles. */
  conflicts: { column: string; message: string }[];
  /** Rows folded into this one (beyond the first). */
  folded: number;
}

const time = (v: string): number | null => {
  const r = parseDateTime(v);
  return r.ok ? r.value.getTime() : null;
};
const num = (v: string): number | null => (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : null);

/** The value a rule picks among one column's values (in file order). */
export function pick(rule: MergeRule, list: string[]): string {
  const filled = list.filter((v) => clean(v) !== null);
  switch (rule) {
    case 'first': return list[0] ?? '';
    case 'last': return list[list.length - 1] ?? '';
    case 'non-empty': return filled[0] ?? '';
    case 'earliest': case 'latest': case 'max': case 'min': {
      const key = rule === 'earliest' || rule === 'latest' ? time : num;
      const want = rule === 'earliest' || rule === 'min' ? -1 : 1;
      let best: string | null = null;
      let bestKey = 0;
      for (const v of filled) {
        const k = key(v.trim());
        if (k === null) continue; // not a date / number: validation reports it if it is kept
        if (best === null || Math.sign(k - bestKey) === want) [best, bestKey] = [v, k];
      }
      return best ?? filled[0] ?? '';
    }
  }
}

export class RowMerger {
  private groups = new Map<string, Group>();
  constructor(private readonly rules: MergeRules) {}

  add(key: string, row: number, values: Record<string, string>): void {
    const g = this.groups.get(key);
    if (g) {
      g.rows.push(row);
      g.values.push(values);
    } else this.groups.set(key, { row, rows: [row], values: [values] });
  }

  /** One row per key, in the order keys first appeared. */
  *rows(): Generator<MergedRow> {
    for (const g of this.groups.values()) {
      if (g.values.length === 1) {
        yield { row: g.row, values: g.values[0], conflicts: [], folded: 0 };
        continue;
      }
      const out: Record<string, string> = {};
      const conflicts: MergedRow['conflicts'] = [];
      for (const col of Object.keys(g.values[0])) {
        const list = g.values.map((v) => v[col] ?? '');
        const rule = this.rules.columns?.[col] ?? this.rules.default;
        if (rule) out[col] = pick(rule, list);
        else {
          const distinct = [...new Set(list.map((v) => v.trim()))];
          out[col] = list[0];
          if (distinct.length > 1) {
            conflicts.push({ column: col, message: `rows ${g.rows.join(', ')} share the key but differ here (${distinct.slice(0, 3).map((v) => `"${v}"`).join(', ')}): choose a merge rule for ${col}` });
          }
        }
      }
      yield { row: g.row, values: out, conflicts, folded: g.rows.length - 1 };
    }
  }
}
