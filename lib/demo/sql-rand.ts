// SQL expression builders for seeded pseudo-random draws. A draw is a hash of (row key, salt, seed),
// not a call to random(): it does not depend on the order the database evaluates rows in, so the same
// seed gives the same data on Postgres and PGlite whatever plan they pick, and a draw can be referenced
// twice in one row and give the same value. Every builder returns SQL text made only of our own
// constants and column names (never user input), to be run with sql.raw().

const MASK_52 = '4503599627370495'; // 2^52 - 1: the bits a float8 holds exactly
const TWO_52 = '4503599627370496.0';

export class SqlRand {
  constructor(private readonly seed: number) {}

  private salt(n: number): number {
    return this.seed * 1_000_003 + n;
  }

  /** Uniform in [0, 1) for row `key` (an integer SQL expression) and draw number `salt`. */
  u(key: string, salt: number): string {
    return `((hashint8extended((${key})::int8, ${this.salt(salt * 4)}) & ${MASK_52})::float8 / ${TWO_52})`;
  }

  /** Standard normal (Box-Muller). */
  normal(key: string, salt: number): string {
    const u1 = `((hashint8extended((${key})::int8, ${this.salt(salt * 4 + 1)}) & ${MASK_52})::float8 / ${TWO_52})`;
    const u2 = `((hashint8extended((${key})::int8, ${this.salt(salt * 4 + 2)}) & ${MASK_52})::float8 / ${TWO_52})`;
    return `(sqrt(-2.0 * ln(1.0 - ${u1})) * cos(2.0 * pi() * ${u2}))`;
  }

  /** Log-normal with the given median and sigma (durations, amounts: skewed, never negative). */
  lognormal(key: string, salt: number, median: string | number, sigma: number): string {
    return `((${median}) * exp(${sigma} * ${this.normal(key, salt)}))`;
  }

  /** Exponential with the given mean. */
  exponential(key: string, salt: number, mean: string | number): string {
    return `(-(${mean}) * ln(1.0 - ${this.u(key, salt)}))`;
  }
}

/** A SQL literal for a string, a number or null. */
export function lit(v: string | number | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

/**
 * One of `values` with the given weights, from a uniform draw `uExpr`: a single evaluation of the draw
 * (width_bucket does a binary search over the cumulative thresholds).
 */
export function pick(uExpr: string, values: readonly (string | number | null)[], weights?: readonly number[], cast = ''): string {
  const w = weights ?? values.map(() => 1);
  if (w.length !== values.length) throw new Error('pick: weights and values differ in length');
  const total = w.reduce((a, b) => a + b, 0);
  const thresholds: string[] = [];
  let acc = 0;
  for (let i = 0; i < w.length - 1; i++) {
    acc += w[i];
    thresholds.push(String(acc / total));
  }
  const arr = `(ARRAY[${values.map(lit).join(', ')}]${cast})`;
  if (thresholds.length === 0) return `${arr}[1]`;
  return `${arr}[width_bucket(${uExpr}, ARRAY[${thresholds.join(', ')}]::float8[]) + 1]`;
}

/** Element `1 + floor(u * n)` of an integer array literal; 0 in the array means null. */
export function pickSlot(uExpr: string, slots: readonly number[]): string {
  return `nullif((ARRAY[${slots.join(',')}]::int[])[1 + floor(${uExpr} * ${slots.length})::int], 0)`;
}

/** A timestamptz literal. */
export function ts(d: Date): string {
  return `'${d.toISOString()}'::timestamptz`;
}
