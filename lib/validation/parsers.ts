// The cell parsers behind the field schemas of fields.ts: text in, a typed value or the reason it is
// not one out (a Result, not an exception: a million-row import reports every bad cell). Dates are
// 'YYYY-MM-DD' strings, datetimes Date objects, money rounded to cents without floating-point drift.

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (message: string): Result<never> => ({ ok: false, message });

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

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysInMonth(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function parseDate(s: string): Result<string> {
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

export function parseDecimal(s: string, max: number): Result<number> {
  const m = PLAIN_DECIMAL_RE.exec(s);
  if (!m) return fail(whyNotDecimal(s));
  const value = roundCents(m[1] ?? '0', m[2] ?? m[3] ?? '');
  if (value >= max) return fail(`is too large (must be below ${max})`);
  return ok(value);
}

const INT_MAX = 2_147_483_647;

export function parseInteger(s: string, min: number): Result<number> {
  // `12.0` is a whole number too (spreadsheets and pandas write counts that way).
  const m = /^([+-]?\d+)(?:\.0+)?$/.exec(s);
  if (!m) return fail(/^[+-]?\d*\.\d+$/.test(s) ? 'must be a whole number' : 'must be a whole number (e.g. 12)');
  const n = Number(m[1]);
  if (n < min) return fail(min === 0 ? 'must not be negative' : `must be at least ${min}`);
  if (n > INT_MAX) return fail('is too large');
  return ok(n);
}

const EMAIL_RE = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export function parseEmail(s: string): Result<string> {
  return EMAIL_RE.test(s) ? ok(s.toLowerCase()) : fail(`is not a valid e-mail address (${s})`);
}

export function parseEnum<T extends string>(values: readonly T[], s: string): Result<T> {
  // Case-insensitive; `Cross Sell` / `cross-sell` also name `cross_sell`.
  const v = s.toLowerCase().replace(/[\s-]+/g, '_');
  return (values as readonly string[]).includes(v) ? ok(v as T) : fail(`must be one of: ${values.join(', ')} (got "${s}")`);
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export function parseBoolean(s: string): Result<boolean> {
  const v = s.toLowerCase();
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return fail('must be true or false');
}

