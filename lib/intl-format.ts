// Numbers and dates in the app's one locale (en-US), through Intl formatters made once per set of
// options. `n.toLocaleString('en-US', opts)` builds a new Intl.NumberFormat on every call; a dashboard
// formats hundreds of values per page, and that was about a sixth of its server time under load.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(n: number, opts: Intl.NumberFormatOptions = {}): string {
  const key = JSON.stringify(opts);
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat('en-US', opts)));
  return f.format(n);
}

export function formatDate(d: Date, opts: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(opts);
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat('en-US', opts)));
  return f.format(d);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
/** A Date, or the strings the database and JSON hand over ("2026-12-01", "2026-12-01T10:00:00.000Z"). */
const toDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/**
 * The one way people read a day: "1 Dec 2026", in UTC like the app's periods. Machine formats
 * (URLs, CSV, form inputs) keep YYYY-MM-DD; chart axes drop the year ("1 Dec"). Built by hand: Intl's en-GB writes "Sept" on newer ICU.
 */
export function formatDay(d: Date | string, opts: { year?: boolean } = {}): string {
  const t = toDate(d);
  if (Number.isNaN(t.getTime())) return String(d);
  const day = `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]}`;
  return opts.year === false ? day : `${day} ${t.getUTCFullYear()}`;
}

/** A moment as people read it: "1 Dec 2026, 10:00" (UTC). */
export function formatDateTime(d: Date | string): string {
  const t = toDate(d);
  if (Number.isNaN(t.getTime())) return String(d);
  return `${formatDay(t)}, ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** A record's amount: "$5,670.00", the same in every table and record page. */
export function formatMoney(n: number, currency = 'USD'): string {
  return formatNumber(n, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const plurals = new Intl.PluralRules('en-US');
/** "1 error", "2 errors", "1,204 rows": a count with its noun in the right number. */
export function formatCount(n: number, one: string, other = `${one}s`): string {
  return `${formatNumber(n)} ${plurals.select(n) === 'one' ? one : other}`;
}

/** "sales" → "Sales": a department or status word at the start of a label. */
export function capitalize(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
