// How record values read in tables and on record pages.
import { formatNumber } from '@/lib/intl-format';
const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:/;
// Postgres numerics arrive as strings from postgres.js/PGlite lists: show them as numbers.
const DECIMAL = /^-?\d+\.\d+$/;

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

export function display(value: unknown): string {
  if (value == null || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return formatNumber(value, { maximumFractionDigits: 2 });
  const s = String(value);
  if (DECIMAL.test(s)) return Number(s).toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (TIME.test(s)) return /[T ]00:00:00(\.0+)?(\+00(:00)?|Z)$/.test(s) ? s.slice(0, 10) : s.replace('T', ' ').slice(0, 16) + ' UTC';
  return s;
}
