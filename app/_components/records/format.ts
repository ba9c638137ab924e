// How record values read in tables and on record pages.
const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:/;
// Postgres numerics arrive as strings from postgres.js/PGlite lists: show them as numbers.
const DECIMAL = /^-?\d+\.\d+$/;

export const isNumeric = (value: unknown): boolean => typeof value === 'number' || (typeof value === 'string' && DECIMAL.test(value));

export function label(column: string): string {
  const s = column.replace(/_id$/, '').replace(/_at$/, '').replace(/_/g, ' ');
  return s[0].toUpperCase() + s.slice(1);
}

export function display(value: unknown): string {
  if (value == null || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const s = String(value);
  if (DECIMAL.test(s)) return Number(s).toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (TIME.test(s)) return /[T ]00:00:00(\.0+)?(\+00(:00)?|Z)$/.test(s) ? s.slice(0, 10) : s.replace('T', ' ').slice(0, 16) + ' UTC';
  return s;
}
