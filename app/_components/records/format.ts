// How record values read in tables and on record pages.
import { formatDateTime, formatDay, formatMoney, formatNumber } from '@/lib/intl-format';
const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:/;
// Postgres numerics arrive as strings from postgres.js/PGlite lists: show them as numbers.
const DECIMAL = /^-?\d+\.\d+$/;

// Money columns of the data contract (deals, orders, expenses: amount; campaigns, orders: cost).
const MONEY = new Set(['amount', 'cost']);

export const isNumeric = (value: unknown): boolean => typeof value === 'number' || (typeof value === 'string' && DECIMAL.test(value));

// Columns whose generic label would read wrong (acronyms, an id that is the point of the column).
const LABELS: Record<string, string> = {
  external_id: 'External ID', mql_at: 'Became MQL', sql_at: 'Became SQL', nps: 'NPS', csat: 'CSAT', ces: 'CES',
  created_at: 'Created', closed_at: 'Closed', converted_at: 'Converted', first_contacted_at: 'First contacted',
  first_response_at: 'First response', resolved_at: 'Resolved', disqualified_at: 'Disqualified', handle_minutes: 'Handle time (min)',
};

export function label(column: string): string {
  if (LABELS[column]) return LABELS[column];
  const s = column.replace(/_id$/, '').replace(/_at$/, '').replace(/_/g, ' ');
  return s[0].toUpperCase() + s.slice(1);
}

/** A value as people read it; `column` (its database name) marks money ("$5,670.00"). */
export function display(value: unknown, column?: string): string {
  if (value == null || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return whenText(value);
  const s = String(value);
  const n = typeof value === 'number' ? value : DECIMAL.test(s) ? Number(s) : null;
  if (n != null) return column && MONEY.has(column) ? formatMoney(n) : formatNumber(n, { maximumFractionDigits: 2 });
  if (TIME.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s)) return whenText(s);
  return s;
}

/** A day ("1 Dec 2026") when the time is midnight UTC (dates stored as timestamps), else "1 Dec 2026, 10:00". */
function whenText(v: Date | string): string {
  const t = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(t.getTime())) return String(v);
  return t.getUTCHours() || t.getUTCMinutes() ? formatDateTime(t) : formatDay(t);
}
