// Field parsers of data-contract.md, shared by every entity schema. Input is what a CSV cell or a form
// field holds: a string (or nothing); empty or whitespace-only means unknown (null). Output is typed:
// Date for datetimes, 'YYYY-MM-DD' for dates, numbers for money and counts, lower-case enumerations.
// Each field is a single zod transform (not a chain of pipes) so a million-row import stays fast, and
// carries its column metadata (type, required, values) so column lists and docs derive from the schema.
import { z } from 'zod';
import { MAX_EMAIL, MAX_LONG_TEXT, MAX_SHORT_TEXT } from '@/db/schema/limits';
import {
  fail, ok, parseBoolean, parseDate, parseDateTime, parseDecimal, parseEmail, parseEnum, parseInteger, tooLong, type Result,
} from './parsers';

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

// Overloads give `T` for required fields and `T | null` for optional ones.
type Req = { required: true };
type Opt = { required?: false };
type Field<T> = z.ZodPipe<z.ZodOptional<z.ZodUnknown>, z.ZodTransform<T, unknown>>;

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
