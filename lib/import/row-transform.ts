// Turns one row of the file (its cells) into contract values: row filters first (a skipped row is
// counted with its reason, never validated), then the column mapping, derived times, the value
// mapping and free-text normalisation. Pure and synchronous: owners and merges, which need the
// database or later rows, come after it (owners.ts, merge.ts).
import { clean } from '@/lib/validation/fields';
import { parseDateTime } from '@/lib/validation/parsers';
import { describeFilter, type DerivedValue, type ImportRules, type NormalizeRules, type RowFilter } from './rules';
import type { ValueMapping } from './types';

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export interface TransformProblem {
  column: string;
  message: string;
}

export type TransformOutcome =
  | { kind: 'skip'; reason: string }
  | { kind: 'row'; values: Record<string, string>; problems: TransformProblem[] };

const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase();

/** `{Header}` copies that column of the row (e.g. name = "{account}"); unknown headers stay as written. */
function fillTemplate(to: string, header: readonly string[], cells: readonly string[]): string {
  return to.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const i = header.indexOf(name.trim());
    return i >= 0 ? (cells[i] ?? '') : whole;
  });
}

export function normalizeText(v: string, mode: NormalizeRules[string]): string {
  const s = v.trim().replace(/\s+/g, ' ');
  if (mode === 'lower') return s.toLowerCase();
  if (mode === 'upper') return s.toUpperCase();
  if (mode === 'title') return s.toLowerCase().replace(/(^|[\s\-/(])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  return s;
}

interface CompiledFilter { index: number; test: (v: string) => boolean; skipWhenMatch: boolean; reason: string }

export class RowTransform {
  private readonly filters: CompiledFilter[];
  private readonly derived: (DerivedValue & { fromIdx: number; addIdx: number })[];
  private readonly valueMaps: [string, Map<string, string>][];
  private readonly normalize: [string, NormalizeRules[string]][];

  /** `problems`: header-level errors of the rules (a filter on a column the file lacks). */
  readonly problems: TransformProblem[] = [];

  constructor(
    private readonly header: readonly string[],
    private readonly fields: readonly { column: string; index: number }[],
    values: ValueMapping | undefined,
    rules: ImportRules | undefined,
  ) {
    const indexOf = (h: string, what: string) => {
      const i = header.indexOf(h);
      if (i < 0) this.problems.push({ column: h, message: `is named by ${what} but is not in the header row` });
      return i;
    };
    this.filters = (rules?.filters ?? []).map((f: RowFilter) => {
      const set = new Set((f.when === 'in' ? f.values! : [f.value ?? '']).map(norm));
      const test = f.when === 'empty' ? (v: string) => v.trim() === '' : (v: string) => set.has(norm(v));
      return { index: indexOf(f.column, 'a row filter'), test, skipWhenMatch: f.action === 'skip', reason: describeFilter(f) };
    });
    this.derived = (rules?.derived ?? []).map((d) => ({ ...d, fromIdx: indexOf(d.from, `derived ${d.column}`), addIdx: indexOf(d.add, `derived ${d.column}`) }));
    this.valueMaps = Object.entries(values ?? {}).map(([col, m]) => [col, new Map(Object.entries(m).map(([from, to]) => [norm(from), to]))]);
    this.normalize = Object.entries(rules?.normalize ?? {}).filter(([, mode]) => mode !== undefined);
  }

  apply(cells: readonly string[]): TransformOutcome {
    for (const f of this.filters) {
      if (f.test(cells[f.index] ?? '') === f.skipWhenMatch) return { kind: 'skip', reason: f.reason };
    }
    const values: Record<string, string> = {};
    const problems: TransformProblem[] = [];
    for (const f of this.fields) values[f.column] = cells[f.index];
    for (const d of this.derived) {
      const r = addDuration(cells[d.fromIdx] ?? '', cells[d.addIdx] ?? '', d.unit);
      if (typeof r === 'string') values[d.column] = r;
      else problems.push({ column: r.bad === 'from' ? d.from : d.add, message: r.message });
    }
    for (const [col, m] of this.valueMaps) {
      const to = m.get(norm(values[col]));
      if (to !== undefined) values[col] = to.includes('{') ? fillTemplate(to, this.header, cells) : to;
    }
    for (const [col, mode] of this.normalize) {
      const v = values[col];
      if (v !== undefined && v !== '') values[col] = normalizeText(v, mode);
    }
    return { kind: 'row', values, problems };
  }
}

/** A datetime plus a duration, as ISO 8601; '' when either is empty (the derived time is unknown). */
export function addDuration(from: string, amount: string, unit: keyof typeof UNIT_MS): string | { bad: 'from' | 'add'; message: string } {
  const f = clean(from);
  const a = clean(amount);
  if (f === null || a === null) return '';
  const start = parseDateTime(f);
  if (!start.ok) return { bad: 'from', message: `cannot add a duration to it: ${start.message}` };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(a)) return { bad: 'add', message: `must be a number of ${unit} (got "${a}")` };
  return new Date(start.value.getTime() + Number(a) * UNIT_MS[unit]).toISOString();
}
