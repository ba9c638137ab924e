// Query and path parameters of pages and route handlers (targets.md: malformed parameters answer 400 or
// a page that says what was wrong, never 500). Each parameter is parsed with zod before it reaches SQL:
// ids are integers that fit Postgres's `integer` (1..2147483647), dates are strict YYYY-MM-DD calendar
// days between 1900-01-01 and 2200-12-31 (the same bounds as the KPI links, lib/kpi/filters.ts),
// enumerations are one of their values. A bad filter is dropped with a message saying which and why;
// a bad path id is a 404; a bad parameter of a route handler is a 400 with a JSON error.
import { z } from 'zod';

/** The largest value of a Postgres `integer` (serial) column. */
export const MAX_DB_ID = 2_147_483_647;
const MIN_DAY = '1900-01-01';
const MAX_DAY = '2200-12-31';

export const ID_MESSAGE = `Not an id: use a whole number from 1 to ${MAX_DB_ID}`;
const DAY_MESSAGE = `Not a date: use YYYY-MM-DD between ${MIN_DAY} and ${MAX_DAY}`;

/** A strict YYYY-MM-DD that is a real calendar day within the bounds. */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || s < MIN_DAY || s > MAX_DAY) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The id in `s`, or null (leading zeros, signs, exponents, decimals and out-of-range values are refused). */
export function parseId(s: string | null | undefined): number | null {
  const t = (s ?? '').trim();
  if (!/^[1-9]\d{0,9}$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_DB_ID ? n : null;
}

export const idParam = z.string().trim().refine((s) => parseId(s) !== null, ID_MESSAGE).transform((s) => parseId(s)!);
export const dayParam = z.string().trim().refine(isDay, DAY_MESSAGE);

/** A page number from 1 to `max`. */
export function pageParam(max: number) {
  const message = `Not a page: use a whole number from 1 to ${max}`;
  return z.string().trim().refine((s) => /^[1-9]\d{0,8}$/.test(s) && Number(s) <= max, message).transform(Number);
}

/** One of `values` (exactly as written). */
export function oneOfParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().trim().refine((s) => (values as readonly string[]).includes(s), `Not one of: ${values.join(', ')}`)
    .transform((s) => s as T[number]);
}

/** Free text, at most `max` characters. */
export function textParam(max: number) {
  return z.string().trim().max(max, `Too long: at most ${max} characters`);
}

export type SearchParams = Record<string, string | string[] | undefined>;
type Shape = Record<string, z.ZodType<unknown, string>>;
type ParsedParams<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };
export interface ParamProblem { param: string; value: string; message: string }

/** The first value of a query parameter (a repeated one counts once). */
export function firstParam(v: string | string[] | null | undefined): string | undefined {
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
}

/**
 * Parses the parameters named in `shape`; an empty or absent one is undefined. Each bad one is left
 * out of `values` and reported in `problems` (the rest still apply).
 */
export function parseParams<S extends Shape>(shape: S, raw: SearchParams | URLSearchParams): { values: ParsedParams<S>; problems: ParamProblem[] } {
  const get = (k: string) => (raw instanceof URLSearchParams ? raw.get(k) ?? undefined : firstParam(raw[k]));
  const values: Record<string, unknown> = {};
  const problems: ParamProblem[] = [];
  for (const [param, schema] of Object.entries(shape)) {
    const value = get(param);
    if (value === undefined || value.trim() === '') continue;
    const r = schema.safeParse(value);
    if (r.success) values[param] = r.data;
    else problems.push({ param, value: value.slice(0, 60), message: r.error.issues[0]?.message ?? 'Not understood' });
  }
  return { values: values as ParsedParams<S>, problems };
}

/** The problems in one sentence: `owner "1e10": Not an id: …; from "0000-01-01": Not a date: …`. */
export function problemsText(problems: ParamProblem[]): string {
  return problems.map((p) => `${p.param} "${p.value}": ${p.message}`).join('; ');
}

/** The 400 answer of a route handler for bad parameters. */
export function badParamsResponse(problems: ParamProblem[]): Response {
  return Response.json({ error: `Invalid parameters: ${problemsText(problems)}.`, problems }, { status: 400, headers: { 'cache-control': 'no-store' } });
}
