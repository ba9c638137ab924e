// Field parsers of data-contract.md, shared by every entity schema. Input is what a CSV cell or a form
// field holds: a string (or nothing); empty or whitespace-only means unknown (null). Output is typed:
// Date for datetimes, 'YYYY-MM-DD' for dates, numbers for money and counts, lower-case enumerations.
// Each field is a single zod transform (not a chain of pipes) so a million-row import stays fast, and
// carries its column metadata (type, required, values) so column lists and docs derive from the schema.
import { z } from 'zod';
import { MAX_EMAIL, MAX_LONG_TEXT, MAX_SHORT_TEXT } from '@/db/schema/limits';

export type ColumnType =
  | 'text' | 'email' | 'date' | 'datetime' | 'money' | 'integer' | 'number' | 'enum' | 'boolean' | 'reference';

export interface ColumnMeta {
  type: ColumnType;
  required: boolean;
  /** Allowed values of an enumeration (stored lower-case). */
  values?: readonly string[];
  /** Default used when the cell is empty. */
  default?: string | number | boolean;
  /** For references: the entity a `*_external_id` / `*_email` column names. */
  references?: string;
  /** Most characters a text value may have (data-contract.md "Text lengths"; the database checks it too). */
  maxLength?: number;
}

export interface ColumnSpec extends ColumnMeta { name: string }

/** Column metadata of each field schema; entity modules read it to list their columns. */
export const columnRegistry = z.registry<ColumnMeta>();

type Result<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (message: string): Result<never> => ({ ok: false, message });

/** A cell's text, trimmed; null when empty, whitespace-only or absent. */
export function clean(v: unknown): string | null {
  if (v == null) return null;
  const s = typeof v === 'string' ? v : String(v);
  const t = s.trim();
  return t === '' ? null : t;
}

/** True when a refinement may compare the value (the field itself parsed and is not empty). */
export const isDate = (v: unknown): v is Date => v instanceof Date;
export const isNum = (v: unknown): v is number => typeof v === 'number';
export const isStr = (v: unknown): v is string => typeof v === 'string';

function build<T, D>(meta: ColumnMeta, parse: (s: string) => Result<T>, fallback: D): Field<T | D> {
  // `.optional()` so a form that omits a field reads as an empty cell, not a missing-key error.
  const schema = z.unknown().optional().transform((v, ctx): T | D => {
    const s = clean(v);
    if (s === null) {
      if (meta.required) {
        ctx.addIssue({ code: 'custom', message: 'is required' });
        return z.NEVER;
      }
      return fallback;
    }
    // Postgres text cannot hold U+0000: refuse it here, with the row and column, not in the database.
    // The length first: a 1 MB cell is refused without going through a parser.
    const r = (meta.maxLength !== undefined ? tooLong(s, meta.maxLength) : null)
      ?? (s.includes('\u0000') ? fail('contains a NUL character (\\0), which cannot be stored') : parse(s));
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message, input: s });
      return z.NEVER;
    }
    return r.value;
  });
  schema.register(columnRegistry, meta);
  return schema;
}

/**
 * A failure when `s` has more than `max` characters, counted as Postgres's char_length counts them
 * (code points: an emoji is one character, two UTF-16 units in JS), so zod and the CHECK agree.
 */
export function tooLong(s: string, max: number): Result<never> | null {
  if (s.length <= max) return null; // UTF-16 units >= code points: cannot be over, fast path
  let chars = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    chars++;
  }
  return chars <= max ? null : fail(`must be at most ${max.toLocaleString('en-US')} characters (it has ${chars.toLocaleString('en-US')})`);
}

// Overloads give `T` for required fields and `T | null` for optional ones.
type Req = { required: true };
type Opt = { required?: false };
type Field<T> = z.ZodPipe<z.ZodOptional<z.ZodUnknown>, z.ZodTransform<T, unknown>>;

// ---- parsers ------------------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysInMonth(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function parseDate(s: string): Result<string> {
  const m = DATE_RE.exec(s);
  if (!m) return fail('must be a date YYYY-MM-DD');
  if (!validYmd(+m[1], +m[2], +m[3])) return fail(`is not a real calendar date (${s})`);
  if (+m[1] < 1) return fail(`is before year 1 (${s})`); // Postgres has no year 0
  return ok(s);
}

/** ISO 8601: `2026-03-01T09:30:00Z`, an offset, or no zone (= UTC); a bare date is midnight UTC. */
export function parseDateTime(s: string): Result<Date> {
  const m = DATETIME_RE.exec(s);
  if (!m) return fail('must be a date-time like 2026-03-01T09:30:00Z (ISO 8601) or a date YYYY-MM-DD');
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (!validYmd(y, mo, d)) return fail(`is not a real calendar date (${s})`);
  const h = m[4] ? +m[4] : 0;
  const mi = m[5] ? +m[5] : 0;
  const sec = m[6] ? +m[6] : 0;
  if (h > 23 || mi > 59 || sec > 59) return fail(`is not a valid time of day (${s})`);
  // Millisecond precision (a JS Date); finer digits are dropped, consistently on every import.
  const ms = m[7] ? +m[7].slice(0, 3).padEnd(3, '0') : 0;
  let offsetMin = 0;
  const zone = m[8];
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2) : 0;
    if (oh > 18 || om > 59) return fail(`has an invalid time-zone offset (${zone})`);
    offsetMin = sign * (oh * 60 + om);
  }
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, ms);
  date.setTime(date.getTime() - offsetMin * 60_000);
  if (date.getUTCFullYear() < 1) return fail(`is before year 1 (${s})`); // Postgres has no year 0
  return ok(date);
}

const PLAIN_DECIMAL_RE = /^(\d+)(?:\.(\d+))?$|^\.(\d+)$/;

function whyNotDecimal(s: string): string {
  if (/^-/.test(s) || /^\(.*\)$/.test(s)) return 'must not be negative';
  if (/[$€£¥₹]|^[A-Za-z]{3}\s|\s[A-Za-z]{3}$/.test(s)) return 'must be a plain number without a currency sign (e.g. 1234.50)';
  if (/^\d{1,3}([,' ]\d{3})+(\.\d+)?$/.test(s)) return 'must not contain a thousands separator (write 1234.50)';
  if (/^\d+,\d+$/.test(s)) return 'must use a dot as the decimal separator (e.g. 1234.50)';
  return 'must be a plain decimal number (e.g. 1234.50)';
}

/** Rounds a plain decimal string to 2 places (half up) without binary floating-point surprises. */
function roundCents(int: string, frac: string): number {
  if (frac.length <= 2) return Number(`${int}.${frac || '0'}`);
  let cents = BigInt(int + frac.slice(0, 2));
  if (frac.charCodeAt(2) >= 53 /* '5' */) cents += 1n;
  return Number(cents) / 100;
}

function parseDecimal(s: string, max: number): Result<number> {
  const m = PLAIN_DECIMAL_RE.exec(s);
  if (!m) return fail(whyNotDecimal(s));
  const value = roundCents(m[1] ?? '0', m[2] ?? m[3] ?? '');
  if (value >= max) return fail(`is too large (must be below ${max})`);
  return ok(value);
}

const INT_MAX = 2_147_483_647;

function parseInteger(s: string, min: number): Result<number> {
  // `12.0` is a whole number too (spreadsheets and pandas write counts that way).
  const m = /^([+-]?\d+)(?:\.0+)?$/.exec(s);
  if (!m) return fail(/^[+-]?\d*\.\d+$/.test(s) ? 'must be a whole number' : 'must be a whole number (e.g. 12)');
  const n = Number(m[1]);
  if (n < min) return fail(min === 0 ? 'must not be negative' : `must be at least ${min}`);
  if (n > INT_MAX) return fail('is too large');
  return ok(n);
}

const EMAIL_RE = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

function parseEmail(s: string): Result<string> {
  return EMAIL_RE.test(s) ? ok(s.toLowerCase()) : fail(`is not a valid e-mail address (${s})`);
}

function parseEnum<T extends string>(values: readonly T[], s: string): Result<T> {
  // Case-insensitive; `Cross Sell` / `cross-sell` also name `cross_sell`.
  const v = s.toLowerCase().replace(/[\s-]+/g, '_');
  return (values as readonly string[]).includes(v) ? ok(v as T) : fail(`must be one of: ${values.join(', ')} (got "${s}")`);
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function parseBoolean(s: string): Result<boolean> {
  const v = s.toLowerCase();
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return fail('must be true or false');
}

// ---- field builders -----------------------------------------------------------------------------

/** Short text (names, titles, external ids): at most 200 characters. */
export function text(o: Req): Field<string>;
export function text(o?: Opt): Field<string | null>;
export function text(o: { required?: boolean } = {}) {
  return build({ type: 'text', required: !!o.required, maxLength: MAX_SHORT_TEXT }, ok, null);
}

/** Free text (descriptions): at most 5,000 characters. */
export function longText(): Field<string | null> {
  return build({ type: 'text', required: false, maxLength: MAX_LONG_TEXT }, ok, null);
}

export function email(o: Req & { references?: string }): Field<string>;
export function email(o?: Opt & { references?: string }): Field<string | null>;
export function email(o: { required?: boolean; references?: string } = {}) {
  return build({ type: o.references ? 'reference' : 'email', required: !!o.required, references: o.references, maxLength: MAX_EMAIL }, parseEmail, null);
}

/** A `*_external_id` column: the external_id of a record of `entity`, kept as written. */
export function reference(entity: string, o: Req): Field<string>;
export function reference(entity: string, o?: Opt): Field<string | null>;
export function reference(entity: string, o: { required?: boolean } = {}) {
  return build({ type: 'reference', required: !!o.required, references: entity, maxLength: MAX_SHORT_TEXT }, ok, null);
}

export function date(o: Req): Field<string>;
export function date(o?: Opt): Field<string | null>;
export function date(o: { required?: boolean } = {}) {
  return build({ type: 'date', required: !!o.required }, parseDate, null);
}

export function datetime(o: Req): Field<Date>;
export function datetime(o?: Opt): Field<Date | null>;
export function datetime(o: { required?: boolean } = {}) {
  return build({ type: 'datetime', required: !!o.required }, parseDateTime, null);
}

/** Money: numeric(14,2) in the database. */
export function money(o: Req): Field<number>;
export function money(o?: Opt): Field<number | null>;
export function money(o: { required?: boolean } = {}) {
  return build({ type: 'money', required: !!o.required }, (s) => parseDecimal(s, 1e12), null);
}

/** A non-negative decimal that is not money (e.g. minutes): numeric(10,2). */
export function decimal(): Field<number | null> {
  return build({ type: 'number', required: false }, (s) => parseDecimal(s, 1e8), null);
}

export function integer(o: Req & { min?: number }): Field<number>;
export function integer(o?: Opt & { min?: number }): Field<number | null>;
export function integer(o: { required?: boolean; min?: number } = {}) {
  const min = o.min ?? 0;
  return build({ type: 'integer', required: !!o.required }, (s) => parseInteger(s, min), null);
}

export function enumOf<T extends string>(values: readonly T[], o: Req): Field<T>;
export function enumOf<T extends string>(values: readonly T[], o: { default: T }): Field<T>;
export function enumOf<T extends string>(values: readonly T[], o?: Opt): Field<T | null>;
export function enumOf<T extends string>(values: readonly T[], o: { required?: boolean; default?: T } = {}) {
  return build({ type: 'enum', required: !!o.required, values, default: o.default }, (s) => parseEnum(values, s), o.default ?? null);
}

export function boolean(o: { default: boolean }): Field<boolean> {
  return build({ type: 'boolean', required: false, default: o.default }, parseBoolean, o.default);
}

/** The column list of an entity shape, in declaration order, from each field's registered metadata. */
export function columnsOf(shape: Record<string, z.ZodType>): ColumnSpec[] {
  return Object.entries(shape).map(([name, schema]) => {
    const meta = columnRegistry.get(schema);
    if (!meta) throw new Error(`column ${name} has no metadata`);
    return { name, ...meta };
  });
}

/** Adds a cross-field issue on `column` (the issue's path is the contract column name). */
export function issue(ctx: z.RefinementCtx, column: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: [column], message });
}

/** Cross-field rules run even when another field failed, so a row reports all its problems at once. */
export const ALWAYS = { when: () => true } as const;
